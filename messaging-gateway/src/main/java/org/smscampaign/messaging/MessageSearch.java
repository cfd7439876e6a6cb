package org.smscampaign.messaging;

/** Which messages to list: any criterion may be null. */
public record MessageSearch(Long campaignId, MessageStatus status, String to) {

}

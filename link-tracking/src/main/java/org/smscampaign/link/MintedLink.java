package org.smscampaign.link;

/** A recipient's short link as it goes into the message. */
public record MintedLink(long id, String code, String shortUrl) {

}

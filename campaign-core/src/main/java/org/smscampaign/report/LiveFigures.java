package org.smscampaign.report;

import java.util.Map;

import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.messaging.MessageStatus;

/**
 * A sending campaign's figures as they are this second (the campaign page refreshes them
 * while it sends). Each follows the definition of the dashboard's funnel
 * (docs/metrics.md), counted from the messages and hits themselves rather than from the
 * rollups, which lag by up to their interval.
 *
 * @param sending whether the campaign may still send (scheduled, sending or paused): the
 * page keeps refreshing
 * @param launchFinished whether every recipient's message is written
 * @param recipients the audience snapshot written so far
 * @param pending queued, deferred to the recipient's hours, or being sent
 * @param sent taken by the provider (accepted, sent, delivered or undelivered)
 * @param failed refused by the provider or the carrier (failed or undelivered)
 * @param humanClickers recipients with a hit counted as a person's
 * @param byStatus messages by their status
 */
public record LiveFigures(long campaignId, CampaignStatus status, boolean sending, boolean launchFinished,
        long recipients, long messages, long pending, long sent, long delivered, long failed, long humanClickers,
        Map<MessageStatus, Long> byStatus) {

}

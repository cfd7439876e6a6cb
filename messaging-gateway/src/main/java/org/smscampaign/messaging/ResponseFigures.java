package org.smscampaign.messaging;

import java.time.Instant;
import java.util.List;

/**
 * Who responded to a campaign: one row per number that sent a response (a KEYWORD, QUERY
 * or OTHER text attributed to the campaign); opt-outs, opt-ins and help requests are no
 * responses. The response funnel of docs/metrics.md is computed from these.
 *
 * @param responders one per number, oldest first response first
 */
public record ResponseFigures(long campaignId, List<Responder> responders) {

    /**
     * One number's responses to the campaign.
     *
     * @param variant the variant of the message its first response answered ('' when
     * unknown)
     * @param contactId the contact behind the number, or null when unknown
     * @param firstResponse when its first response arrived
     * @param firstQuery when its first QUERY text arrived, or null: it asked nothing
     * @param firstAnswer when a person first answered one of its queries, or null
     * @param waiting whether one of its queries still waits for an answer
     */
    public record Responder(String variant, Long contactId, Instant firstResponse, Instant firstQuery,
            Instant firstAnswer, boolean waiting) {

        /** Whether the number asked a question or made a request. */
        public boolean queried() {
            return this.firstQuery != null;
        }

        /** Whether one of its queries was answered. */
        public boolean answered() {
            return this.firstAnswer != null;
        }

    }

    /**
     * Distinct numbers that responded to a campaign, those that asked a query, those with
     * a query a person answered and those with one still waiting (for overviews of many
     * campaigns and goals).
     */
    public record Counts(long responders, long queriers, long answered, long waiting) {

        public static final Counts NONE = new Counts(0, 0, 0, 0);

    }

}

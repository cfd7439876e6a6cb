package org.smscampaign.messaging;

import java.util.Optional;

/**
 * The campaigns' reply keywords, asked by the gateway for every received text that is not
 * an opt-out, opt-in or help keyword. Implemented where campaigns live; without an
 * implementation no text is a campaign keyword.
 */
public interface ReplyKeywords {

    /**
     * The active keyword a text matches on the number it was sent to, if any.
     * @param to the number (or channel address) the text was sent to: our sender
     * @param from the sender of the text (E.164)
     * @param body the text as received
     */
    Optional<KeywordMatch> match(String to, String from, String body);

    /**
     * A matched keyword.
     *
     * @param keywordId the keyword's id
     * @param campaignId the campaign holding it; the text is its response
     * @param variant the variant that declared it, or null for the whole campaign
     * @param keyword the keyword as declared (for the explanation)
     */
    record KeywordMatch(long keywordId, long campaignId, String variant, String keyword) {

    }

}

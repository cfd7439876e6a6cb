package org.smscampaign.messaging;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The campaigns' reply keywords, asked by the gateway for every received text that is not
 * an opt-out, opt-in or help keyword. Implemented where campaigns live; without an
 * implementation no text is a campaign keyword.
 */
public interface ReplyKeywords {

    /** Spaces and punctuation around a keyword, which never count. */
    Pattern EDGES = Pattern.compile("^[\\p{Punct}\\p{IsPunctuation}\\s]+|[\\p{Punct}\\p{IsPunctuation}\\s]+$");

    /** A text reduced to the keyword it would be: edges stripped, upper case. */
    static String keywordOf(String body) {
        return EDGES.matcher((body != null) ? body : "").replaceAll("").toUpperCase(Locale.ROOT);
    }

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

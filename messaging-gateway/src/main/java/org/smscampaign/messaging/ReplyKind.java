package org.smscampaign.messaging;

/**
 * What a received text is, as the classifier read it or a person corrected it. Responses
 * to a campaign are {@link #KEYWORD}, {@link #QUERY} and {@link #OTHER}; opt-outs,
 * opt-ins and help requests are not.
 */
public enum ReplyKind {

    /** A stop keyword (or the provider's opt-out verdict). */
    OPT_OUT,

    /** A start keyword. */
    OPT_IN,

    /** A help keyword; answered with the help text. */
    HELP,

    /** A campaign's reply keyword ("Reply SHOES for the catalogue"). */
    KEYWORD,

    /** A question or request that needs a person. */
    QUERY,

    /** Anything else ("Thanks!"). */
    OTHER;

    /** Whether a text of this kind is a response to the campaign it is attributed to. */
    public boolean isResponse() {
        return this == KEYWORD || this == QUERY || this == OTHER;
    }

}

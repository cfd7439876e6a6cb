package org.smscampaign.link;

/**
 * Why a hit is not counted as a person's click. Every hit is kept; these explain
 * exclusions.
 */
public enum ClickReason {

    /** A link preview (iMessage, WhatsApp, Slack, Telegram...) fetched the link. */
    PREVIEW("Link preview"),

    /** A crawler, security scanner or HTTP library identified itself. */
    BOT("Bot or scanner"),

    /** No user agent at all: browsers always send one. */
    EMPTY_USER_AGENT("No user agent"),

    /** HEAD requests fetch headers only: previews and link checkers, not people. */
    HEAD_REQUEST("HEAD request"),

    /** The hit came before the message was delivered. */
    BEFORE_DELIVERY("Before delivery"),

    /** The hit came within seconds of delivery, faster than anyone reads. */
    NEAR_DELIVERY("Seconds after delivery"),

    /** One address hit many different links within seconds: a scanner. */
    BURST("Burst from one address");

    private final String label;

    ClickReason(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

}

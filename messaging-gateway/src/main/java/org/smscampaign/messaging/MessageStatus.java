package org.smscampaign.messaging;

/**
 * Where a message is. Statuses only move forward (by rank): a late "sent" after
 * "delivered" changes nothing.
 */
public enum MessageStatus {

    /** Waiting for its due time (also between attempts). */
    QUEUED(0, false),

    /** Held by a worker that is about to send it. */
    CLAIMED(0, false),

    /** Handed to the provider; its answer is awaited. */
    SENDING(1, false),

    /**
     * Sending had no clear outcome (timeout, crash): it is reconciled with the provider,
     * never blindly sent again.
     */
    UNKNOWN(1, false),

    /** The provider took it (queued at the provider). */
    ACCEPTED(2, false),

    /** The provider handed it to the carrier. */
    SENT(3, false),

    DELIVERED(4, true),

    /** The carrier could not deliver it. */
    UNDELIVERED(4, true),

    /** The provider refused it, or attempts ran out. */
    FAILED(4, true),

    /** Not sent: the number opted out or is suppressed. */
    SUPPRESSED(4, true),

    /**
     * Not sent: outside the recipient's allowed hours, and the campaign skips rather than
     * holds.
     */
    SKIPPED(4, true),

    /** Not sent: withdrawn (a campaign cancelled, an earlier channel delivered). */
    CANCELED(4, true);

    private final int rank;

    private final boolean terminal;

    MessageStatus(int rank, boolean terminal) {
        this.rank = rank;
        this.terminal = terminal;
    }

    public int rank() {
        return this.rank;
    }

    public boolean terminal() {
        return this.terminal;
    }

    /** Whether a message in this status may move to the other. */
    public boolean mayBecome(MessageStatus next) {
        return !this.terminal && next.rank > this.rank;
    }

    /**
     * The status a Twilio status value stands for, or null for ones that do not matter.
     */
    public static MessageStatus ofTwilio(String status) {
        if (status == null) {
            return null;
        }
        return switch (status.toLowerCase(java.util.Locale.ROOT)) {
            case "accepted", "scheduled", "queued", "sending" -> ACCEPTED;
            case "sent" -> SENT;
            case "delivered", "read" -> DELIVERED;
            case "undelivered" -> UNDELIVERED;
            case "failed" -> FAILED;
            case "canceled" -> CANCELED;
            default -> null;
        };
    }

}

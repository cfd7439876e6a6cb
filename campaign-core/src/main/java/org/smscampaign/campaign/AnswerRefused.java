package org.smscampaign.campaign;

/** An answer from the inbox that may not be sent, with the reason in words. */
public class AnswerRefused extends RuntimeException {

    /** Why. */
    public enum Reason {

        /** The number opted out (or the contact unsubscribed): nothing is sent to it. */
        OPTED_OUT,

        /** Nobody wrote from that number, or no sender serves its channel. */
        NO_CONVERSATION

    }

    private final Reason reason;

    public AnswerRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return this.reason;
    }

}

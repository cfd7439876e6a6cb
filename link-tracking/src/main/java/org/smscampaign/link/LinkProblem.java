package org.smscampaign.link;

/** A link request that cannot be carried out; the message is meant for the user. */
public class LinkProblem extends RuntimeException {

    /** What kind of problem it is. */
    public enum Kind {

        NOT_FOUND, INVALID, CONFLICT,

        /** A coupon code no campaign gave. */
        UNKNOWN_COUPON

    }

    private final Kind kind;

    public LinkProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return this.kind;
    }

}

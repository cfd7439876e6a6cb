package org.smscampaign.campaign;

/** A campaign request that cannot be carried out, with the reason people read. */
public class CampaignProblem extends RuntimeException {

    /** What kind of problem. */
    public enum Kind {

        NOT_FOUND, INVALID, CONFLICT,

        /**
         * A launch of a campaign whose audience is not chosen (nobody, never everyone).
         */
        NO_AUDIENCE,

        /** A change to a goal that was judged: its target is read-only. */
        GOAL_JUDGED,

        /** A launch whose coupon pool has fewer codes left than recipients. */
        COUPON_POOL_TOO_SMALL,

        /** A launch whose coupon pattern is too easy to guess for its audience. */
        COUPON_PATTERN_TOO_WEAK

    }

    private final Kind kind;

    public CampaignProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return this.kind;
    }

    static CampaignProblem notFound(long id) {
        return new CampaignProblem(Kind.NOT_FOUND, "Campaign " + id + " does not exist.");
    }

    /** An upload that cannot be read (no file, too large). */
    public static CampaignProblem invalidUpload(String message) {
        return new CampaignProblem(Kind.INVALID, message);
    }

    static CampaignProblem invalid(String message) {
        return new CampaignProblem(Kind.INVALID, message);
    }

    static CampaignProblem noAudience(long id) {
        return new CampaignProblem(Kind.NO_AUDIENCE, "Campaign " + id
                + " has no audience yet: choose segments or lists, or everyone subscribed, then launch it.");
    }

    static CampaignProblem goalJudged(String message) {
        return new CampaignProblem(Kind.GOAL_JUDGED, message);
    }

    static CampaignProblem conflict(String message) {
        return new CampaignProblem(Kind.CONFLICT, message);
    }

}

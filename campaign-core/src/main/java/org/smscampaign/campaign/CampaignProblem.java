package org.smscampaign.campaign;

/** A campaign request that cannot be carried out, with the reason people read. */
public class CampaignProblem extends RuntimeException {

    /** What kind of problem. */
    public enum Kind {

        NOT_FOUND, INVALID, CONFLICT

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

    static CampaignProblem invalid(String message) {
        return new CampaignProblem(Kind.INVALID, message);
    }

    static CampaignProblem conflict(String message) {
        return new CampaignProblem(Kind.CONFLICT, message);
    }

}

package org.smscampaign.money;

/** A refused change to the exchange rates, with the reason shown to the person. */
public class MoneyProblem extends RuntimeException {

    /** What kind of refusal (maps to a problem type). */
    public enum Kind {

        INVALID, NOT_FOUND

    }

    private final Kind kind;

    public MoneyProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return this.kind;
    }

}

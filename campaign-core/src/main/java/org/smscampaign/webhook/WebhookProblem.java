package org.smscampaign.webhook;

/** A refused webhook request, with the reason shown to the admin. */
public class WebhookProblem extends RuntimeException {

    /** What kind of refusal (maps to a problem type). */
    public enum Kind {

        /** The endpoint's address may not be called (not HTTPS, internal, malformed). */
        URL_REFUSED,
        /** Another field is invalid. */
        INVALID, NOT_FOUND, CONFLICT

    }

    private final Kind kind;

    private final String field;

    public WebhookProblem(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return this.kind;
    }

    /** The form field it is about, or null. */
    public String field() {
        return this.field;
    }

}

package org.smscampaign.web.message;

/**
 * A template that cannot go out as asked: not one of the account's approved templates, on
 * a sender whose channel takes none, or with a variable left empty.
 */
class TemplateRefused extends RuntimeException {

    /** Why: the template itself (422 template-not-approved) or the request (400). */
    enum Kind {

        NOT_APPROVED, INVALID

    }

    private final Kind kind;

    TemplateRefused(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return this.kind;
    }

}

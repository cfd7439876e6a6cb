package org.smscampaign.contact;

import java.util.List;

/** A contact request that cannot be carried out, with what the caller can do about it. */
public class ContactProblem extends RuntimeException {

    /** What kind of problem it is. */
    public enum Kind {

        NOT_FOUND, INVALID, DUPLICATE, CONFLICT

    }

    private final Kind kind;

    private final List<FieldProblem> fieldProblems;

    private final Long existingId;

    ContactProblem(Kind kind, String message, List<FieldProblem> fieldProblems, Long existingId) {
        super(message);
        this.kind = kind;
        this.fieldProblems = List.copyOf(fieldProblems);
        this.existingId = existingId;
    }

    static ContactProblem notFound(String what) {
        return new ContactProblem(Kind.NOT_FOUND, what + " does not exist.", List.of(), null);
    }

    static ContactProblem invalid(List<FieldProblem> problems) {
        return new ContactProblem(Kind.INVALID, "The contact has invalid fields.", problems, null);
    }

    static ContactProblem invalid(String message) {
        return new ContactProblem(Kind.INVALID, message, List.of(), null);
    }

    static ContactProblem duplicate(long existingId) {
        return new ContactProblem(Kind.DUPLICATE, "A contact with this phone number already exists.", List.of(),
                existingId);
    }

    static ContactProblem conflict(String message) {
        return new ContactProblem(Kind.CONFLICT, message, List.of(), null);
    }

    public Kind kind() {
        return this.kind;
    }

    public List<FieldProblem> fieldProblems() {
        return this.fieldProblems;
    }

    /** The contact that already has the number, for {@link Kind#DUPLICATE}. */
    public Long existingId() {
        return this.existingId;
    }

}

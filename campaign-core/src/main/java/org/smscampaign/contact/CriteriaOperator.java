package org.smscampaign.contact;

/** What a condition checks. Which operators a field allows depends on its kind. */
public enum CriteriaOperator {

    EQUALS("is", 1), NOT_EQUALS("is not", 1), IN("is one of", -1), NOT_IN("is none of", -1), CONTAINS("contains", 1),
    STARTS_WITH("starts with", 1), GREATER_THAN("is more than", 1), LESS_THAN("is less than", 1),
    BETWEEN("is between", 2), BEFORE("is before", 1), AFTER("is after", 1), HAS_ANY("has any of", -1),
    HAS_ALL("has all of", -1), HAS_NONE("has none of", -1), IS_TRUE("is yes", 0), IS_FALSE("is no", 0),
    IS_EMPTY("is empty", 0), IS_NOT_EMPTY("is not empty", 0), DID("did", 0), DID_NOT("did not", 0);

    private final String label;

    private final int arity;

    CriteriaOperator(String label, int arity) {
        this.label = label;
        this.arity = arity;
    }

    public String label() {
        return this.label;
    }

    /** Number of values the operator takes; -1 for one or more. */
    public int arity() {
        return this.arity;
    }

}

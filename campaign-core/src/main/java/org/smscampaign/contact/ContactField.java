package org.smscampaign.contact;

import java.util.EnumSet;
import java.util.Set;

import static org.smscampaign.contact.CriteriaOperator.AFTER;
import static org.smscampaign.contact.CriteriaOperator.BEFORE;
import static org.smscampaign.contact.CriteriaOperator.BETWEEN;
import static org.smscampaign.contact.CriteriaOperator.CONTAINS;
import static org.smscampaign.contact.CriteriaOperator.DID;
import static org.smscampaign.contact.CriteriaOperator.DID_NOT;
import static org.smscampaign.contact.CriteriaOperator.EQUALS;
import static org.smscampaign.contact.CriteriaOperator.GREATER_THAN;
import static org.smscampaign.contact.CriteriaOperator.HAS_ALL;
import static org.smscampaign.contact.CriteriaOperator.HAS_ANY;
import static org.smscampaign.contact.CriteriaOperator.HAS_NONE;
import static org.smscampaign.contact.CriteriaOperator.IN;
import static org.smscampaign.contact.CriteriaOperator.IS_EMPTY;
import static org.smscampaign.contact.CriteriaOperator.IS_FALSE;
import static org.smscampaign.contact.CriteriaOperator.IS_NOT_EMPTY;
import static org.smscampaign.contact.CriteriaOperator.IS_TRUE;
import static org.smscampaign.contact.CriteriaOperator.LESS_THAN;
import static org.smscampaign.contact.CriteriaOperator.NOT_EQUALS;
import static org.smscampaign.contact.CriteriaOperator.NOT_IN;
import static org.smscampaign.contact.CriteriaOperator.STARTS_WITH;

/** The contact fields segments can select on; each knows its column and kind. */
public enum ContactField {

    FIRST_NAME("First name", Kind.TEXT, "c.first_name"), LAST_NAME("Last name", Kind.TEXT, "c.last_name"),
    EMAIL("E-mail", Kind.TEXT, "c.email"), CITY("City", Kind.TEXT, "c.city"), REGION("Region", Kind.TEXT, "c.region"),
    COUNTRY("Country", Kind.CODE, "c.country"), LANGUAGE("Language", Kind.CODE, "c.language"),
    TIME_ZONE("Time zone", Kind.CODE, "c.time_zone"), GENDER("Gender", Kind.CHOICE, "c.gender"),
    AGE("Age", Kind.NUMBER, "c.birth_date"), BIRTH_DATE("Birth date", Kind.DATE, "c.birth_date"),
    TAGS("Interests", Kind.TAGS, "c.tags"), CONSENT("Consent", Kind.CHOICE, "c.consent_status"),
    PHONE_TYPE("Number type", Kind.CHOICE, "c.phone_type"), LIST("List", Kind.LIST, "c.id"),
    CREATED_AT("Added on", Kind.DATE, "c.created_at"), CUSTOM("Custom attribute", Kind.CUSTOM, "c.attributes"),
    PREFERRED_CHANNEL("Preferred channel", Kind.CHOICE, "c.preferred_channel"),
    WHATSAPP_CONSENT("WhatsApp opt-in", Kind.CHOICE, "c.whatsapp_consent"),
    // Behaviour: what people did with earlier campaigns (EngagementConditions).
    RECEIVED("Was sent a text", Kind.ACTIVITY, "c.id"), DELIVERED("Had a text delivered", Kind.ACTIVITY, "c.id"),
    CLICKED("Clicked a link (people, not bots)", Kind.ACTIVITY, "c.id"),
    CONVERTED("Bought (a conversion)", Kind.ACTIVITY, "c.id"), REPLIED("Replied", Kind.ACTIVITY, "c.id"),
    QUERIED("Asked a question (a query)", Kind.ACTIVITY, "c.id"), REDEEMED("Redeemed a coupon", Kind.ACTIVITY, "c.id"),
    LAST_ENGAGED("Last click, reply or purchase", Kind.MOMENT, "c.id"), REVENUE("Total spent", Kind.TOTAL, "c.id"),
    ORDERS("Number of orders", Kind.TOTAL, "c.id"),
    WHATSAPP_REACHABLE("Reachable on WhatsApp", Kind.REACH, "c.phone_number"),
    RCS_REACHABLE("Reachable on RCS", Kind.REACH, "c.phone_number");

    /** The kind of value a field holds, which decides its operators. */
    public enum Kind {

        TEXT(EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, CONTAINS, STARTS_WITH, IS_EMPTY, IS_NOT_EMPTY)),
        CODE(EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, IS_EMPTY, IS_NOT_EMPTY)),
        CHOICE(EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, IS_EMPTY, IS_NOT_EMPTY)),
        NUMBER(EnumSet.of(EQUALS, NOT_EQUALS, GREATER_THAN, LESS_THAN, BETWEEN, IS_EMPTY, IS_NOT_EMPTY)),
        DATE(EnumSet.of(BEFORE, AFTER, BETWEEN, IS_EMPTY, IS_NOT_EMPTY)),
        TAGS(EnumSet.of(HAS_ANY, HAS_ALL, HAS_NONE, IS_EMPTY, IS_NOT_EMPTY)),
        BOOLEAN(EnumSet.of(IS_TRUE, IS_FALSE, IS_EMPTY, IS_NOT_EMPTY)), LIST(EnumSet.of(IN, NOT_IN)),
        CUSTOM(EnumSet.noneOf(CriteriaOperator.class)), ACTIVITY(EnumSet.of(DID, DID_NOT)),
        MOMENT(EnumSet.of(BEFORE, AFTER, BETWEEN)), TOTAL(EnumSet.of(GREATER_THAN, LESS_THAN, BETWEEN)),
        REACH(EnumSet.of(IS_TRUE, IS_FALSE));

        /** Behaviour rules: compiled by EngagementConditions. */
        public boolean behaviour() {
            return this == ACTIVITY || this == MOMENT || this == TOTAL || this == REACH;
        }

        private final Set<CriteriaOperator> operators;

        Kind(Set<CriteriaOperator> operators) {
            this.operators = operators;
        }

        public Set<CriteriaOperator> operators() {
            return this.operators;
        }

    }

    private final String label;

    private final Kind kind;

    private final String column;

    ContactField(String label, Kind kind, String column) {
        this.label = label;
        this.kind = kind;
        this.column = column;
    }

    public String label() {
        return this.label;
    }

    public Kind kind() {
        return this.kind;
    }

    String column() {
        return this.column;
    }

    /** The kind of a custom attribute's values. */
    static Kind kindOf(CustomAttributeType type) {
        return switch (type) {
            case TEXT -> Kind.TEXT;
            case NUMBER -> Kind.NUMBER;
            case DATE -> Kind.DATE;
            case BOOLEAN -> Kind.BOOLEAN;
        };
    }

}

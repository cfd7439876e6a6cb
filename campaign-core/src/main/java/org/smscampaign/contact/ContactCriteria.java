package org.smscampaign.contact;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Which contacts a segment means: a tree of AND/OR groups over conditions on contact
 * fields. Stored as JSON, compiled to parameterised SQL; an empty group matches everyone.
 *
 * <pre>
 * {"type":"group","combinator":"ALL","criteria":[
 *   {"type":"condition","field":"COUNTRY","operator":"EQUALS","values":["DE"]},
 *   {"type":"condition","field":"AGE","operator":"BETWEEN","values":["25","40"]}]}
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ContactCriteria.Group.class, name = "group"),
        @JsonSubTypes.Type(value = ContactCriteria.Condition.class, name = "condition") })
public sealed interface ContactCriteria {

    /** Everyone. */
    ContactCriteria EVERYONE = new Group(Combinator.ALL, List.of());

    /** How the criteria of a group combine. */
    enum Combinator {

        /** All criteria hold (AND). */
        ALL,

        /** At least one holds (OR). */
        ANY,

        /** None holds (NOT ... OR ...): for exclusions. */
        NONE

    }

    /** A group of criteria joined by AND or OR. */
    record Group(Combinator combinator, List<ContactCriteria> criteria) implements ContactCriteria {

        public Group {
            combinator = (combinator != null) ? combinator : Combinator.ALL;
            criteria = (criteria != null) ? List.copyOf(criteria) : List.of();
        }

    }

    /**
     * One condition.
     *
     * @param attribute the custom attribute key, for {@link ContactField#CUSTOM} only
     * @param values the operand(s): one for EQUALS, two for BETWEEN, any number for IN
     * @param campaignId behaviour rules only: in this campaign
     * @param withinDays behaviour rules only: in any campaign within this many days
     * @param lastMessages {@link ContactField#CLICKED} only: in the last N texts sent
     */
    record Condition(ContactField field, CriteriaOperator operator, List<String> values, String attribute,
            Long campaignId, Integer withinDays, Integer lastMessages) implements ContactCriteria {

        public Condition {
            values = (values != null) ? List.copyOf(values) : List.of();
        }

        public Condition(ContactField field, CriteriaOperator operator, List<String> values, String attribute) {
            this(field, operator, values, attribute, null, null, null);
        }

        /** A behaviour rule (clicked, converted, ...) in one campaign. */
        public static Condition inCampaign(ContactField field, CriteriaOperator operator, long campaignId) {
            return new Condition(field, operator, List.of(), null, campaignId, null, null);
        }

        public static Condition of(ContactField field, CriteriaOperator operator, String... values) {
            return new Condition(field, operator, List.of(values), null);
        }

    }

}

package org.smscampaign.segment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;
import org.smscampaign.contact.AudienceCount;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactCriteria;
import org.smscampaign.contact.ContactCriteria.Combinator;
import org.smscampaign.contact.ContactCriteria.Condition;
import org.smscampaign.contact.ContactCriteria.Group;
import org.smscampaign.contact.ContactDetails;
import org.smscampaign.contact.ContactField;
import org.smscampaign.contact.ContactFixtures;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.contact.ContactQueries;
import org.smscampaign.contact.ContactSummary;
import org.smscampaign.contact.CriteriaOperator;
import org.smscampaign.contact.CustomAttributeType;
import org.smscampaign.contact.CustomAttributes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Segment counts on a small audience whose answers can be checked by hand. */
@CampaignCoreIT
class SegmentsIT {

    @Autowired
    Segments segments;

    @Autowired
    ContactQueries queries;

    @Autowired
    ContactManagement contacts;

    @Autowired
    ContactLists lists;

    @Autowired
    CustomAttributes customAttributes;

    @Autowired
    JdbcClient jdbc;

    long vipList;

    @BeforeEach
    void audience() {
        ContactFixtures.deleteAll(this.jdbc);
        this.customAttributes.define("points", "Points", CustomAttributeType.NUMBER);
        ContactDetails anna = contact("0171 1111111", "Anna", "Berlin", "DE", "f", "1990-05-17", "sports|travel",
                Map.of("points", "120"), ConsentStatus.SUBSCRIBED);
        contact("0171 2222222", "Bernd", "Köln", "DE", "m", "1980-01-01", null, Map.of("points", "7"),
                ConsentStatus.SUBSCRIBED);
        contact("0171 3333333", "Carla", "Hamburg", "DE", "f", "2001-06-01", "sports", Map.of(),
                ConsentStatus.UNSUBSCRIBED);
        contact("+1 212 555 0100", "Dan", "New York", "US", "m", "1995-03-03", "sports", Map.of(),
                ConsentStatus.SUBSCRIBED);
        ContactDetails eve = contact("+33 6 12 34 56 78", "Eve", "Paris", "FR", null, null, "fashion", Map.of(),
                ConsentStatus.PENDING);
        ContactDetails erased = contact("0171 4444444", "Gone", "Berlin", "DE", "f", "1990-01-01", "sports", Map.of(),
                ConsentStatus.SUBSCRIBED);
        this.contacts.erase(erased.id(), "privacy");
        this.vipList = this.lists.create("VIP", null).id();
        this.lists.add(this.vipList, List.of(anna.id(), eve.id()));
    }

    private ContactDetails contact(String phone, String name, String city, String country, String gender,
            String birthDate, String tags, Map<String, String> attributes, ConsentStatus consent) {
        return this.contacts.create(new ContactInput(phone, name, null, null, city, null, country, gender, birthDate,
                null, null, tags, attributes), consent, ConsentSource.IMPORT, null, "test");
    }

    private static ContactCriteria all(ContactCriteria... criteria) {
        return new Group(Combinator.ALL, List.of(criteria));
    }

    private static ContactCriteria any(ContactCriteria... criteria) {
        return new Group(Combinator.ANY, List.of(criteria));
    }

    private AudienceCount count(ContactCriteria criteria) {
        return this.queries.count(criteria);
    }

    @Test
    void erasedContactsAreNeverCountedAndOnlySubscribedAreReachable() {
        assertThat(count(ContactCriteria.EVERYONE)).isEqualTo(new AudienceCount(5, 3));
        assertThat(count(Condition.of(ContactField.COUNTRY, CriteriaOperator.EQUALS, "de")))
            .isEqualTo(new AudienceCount(3, 2));
    }

    @Test
    void threeConditionsCombineWithAnd() {
        ContactCriteria youngSportsFansInGermany = all(
                Condition.of(ContactField.COUNTRY, CriteriaOperator.EQUALS, "DE"),
                Condition.of(ContactField.AGE, CriteriaOperator.BETWEEN, "18", "40"),
                Condition.of(ContactField.TAGS, CriteriaOperator.HAS_ANY, "sports"));

        assertThat(count(youngSportsFansInGermany)).isEqualTo(new AudienceCount(2, 1));
    }

    @Test
    void groupsCombineWithOr() {
        assertThat(count(any(Condition.of(ContactField.COUNTRY, CriteriaOperator.EQUALS, "US"),
                Condition.of(ContactField.CITY, CriteriaOperator.EQUALS, "PARIS"))))
            .isEqualTo(new AudienceCount(2, 1));
    }

    @Test
    void negationsIncludeContactsWithoutTheValue() {
        assertThat(count(Condition.of(ContactField.GENDER, CriteriaOperator.NOT_EQUALS, "female")).matching())
            .isEqualTo(3);
        assertThat(count(Condition.of(ContactField.TAGS, CriteriaOperator.HAS_NONE, "sports")).matching()).isEqualTo(2);
        assertThat(count(Condition.of(ContactField.TAGS, CriteriaOperator.IS_EMPTY)).matching()).isEqualTo(1);
    }

    @Test
    void listsConsentCustomAttributesAndTextOperators() {
        assertThat(count(Condition.of(ContactField.LIST, CriteriaOperator.IN, String.valueOf(this.vipList))))
            .isEqualTo(new AudienceCount(2, 1));
        assertThat(count(Condition.of(ContactField.CONSENT, CriteriaOperator.EQUALS, "pending")).matching())
            .isEqualTo(1);
        assertThat(count(new Condition(ContactField.CUSTOM, CriteriaOperator.GREATER_THAN, List.of("100"), "points"))
            .matching()).isEqualTo(1);
        assertThat(count(new Condition(ContactField.CUSTOM, CriteriaOperator.IS_NOT_EMPTY, List.of(), "points"))
            .matching()).isEqualTo(2);
        assertThat(count(Condition.of(ContactField.CITY, CriteriaOperator.STARTS_WITH, "ham")).matching()).isEqualTo(1);
        assertThat(count(Condition.of(ContactField.FIRST_NAME, CriteriaOperator.IN, "anna", "EVE")).matching())
            .isEqualTo(2);
        assertThat(count(Condition.of(ContactField.AGE, CriteriaOperator.GREATER_THAN, "40")).matching()).isEqualTo(1);
        assertThat(count(Condition.of(ContactField.BIRTH_DATE, CriteriaOperator.BEFORE, "1990-01-01")).matching())
            .isEqualTo(1);
    }

    @Test
    void aSavedSegmentKeepsItsRuleAndCountsIt() {
        ContactCriteria rule = all(Condition.of(ContactField.COUNTRY, CriteriaOperator.IN, "DE", "US"),
                Condition.of(ContactField.TAGS, CriteriaOperator.HAS_ANY, "sports"));

        SegmentView saved = this.segments.create("Sports fans", "DE and US", rule, "marketer");

        assertThat(this.segments.get(saved.id()).rule()).isEqualTo(rule);
        assertThat(this.segments.count(saved.id())).isEqualTo(new AudienceCount(3, 2));
        SegmentPreview preview = this.segments.preview(rule);
        assertThat(preview.sample()).extracting(ContactSummary::firstName).containsExactly("Dan", "Carla", "Anna");
        assertThatExceptionOfType(SegmentProblem.class)
            .isThrownBy(() -> this.segments.create("Sports fans", null, rule, "marketer"))
            .satisfies((problem) -> assertThat(problem.kind()).isEqualTo(SegmentProblem.Kind.CONFLICT));
    }

    @Test
    void anInvalidRuleIsRefusedWithTheConditionAtFault() {
        ContactCriteria rule = all(Condition.of(ContactField.COUNTRY, CriteriaOperator.EQUALS, "DE"),
                Condition.of(ContactField.AGE, CriteriaOperator.BETWEEN, "18"));

        assertThatExceptionOfType(SegmentProblem.class)
            .isThrownBy(() -> this.segments.create("Broken", null, rule, "marketer"))
            .withMessage("Condition 2: 'is between' takes 2 values.");
        assertThat(this.segments.all()).isEmpty();
    }

}

package org.smscampaign.contact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CriteriaCompilerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static CriteriaCompiler.Compiled compile(ContactCriteria criteria) {
        return CriteriaCompiler.compile(criteria, Map.of("points", CustomAttributeType.NUMBER), TODAY);
    }

    private static ContactCriteria all(ContactCriteria... criteria) {
        return new ContactCriteria.Group(ContactCriteria.Combinator.ALL, List.of(criteria));
    }

    @Test
    void anEmptyRuleMatchesEveryone() {
        assertThat(compile(ContactCriteria.EVERYONE).sql()).isEqualTo("true");
    }

    @Test
    void userTextOnlyEverBecomesParameters() {
        String hostile = "x' or 1=1; drop table contact; --";
        CriteriaCompiler.Compiled compiled = compile(
                all(ContactCriteria.Condition.of(ContactField.CITY, CriteriaOperator.EQUALS, hostile),
                        ContactCriteria.Condition.of(ContactField.FIRST_NAME, CriteriaOperator.CONTAINS, "50%_off"),
                        new ContactCriteria.Condition(ContactField.CUSTOM, CriteriaOperator.GREATER_THAN, List.of("10"),
                                "points")));

        assertThat(compiled.sql()).doesNotContain("drop", "1=1", "50", "points");
        assertThat(compiled.params()).containsValue(hostile.toLowerCase())
            .containsValue("%50\\%\\_off%")
            .containsValue("points");
    }

    @Test
    void agesBecomeBirthDateRangesSoTheIndexApplies() {
        CriteriaCompiler.Compiled compiled = compile(
                ContactCriteria.Condition.of(ContactField.AGE, CriteriaOperator.BETWEEN, "25", "40"));

        assertThat(compiled.sql()).isEqualTo("(c.birth_date > :p0 and c.birth_date <= :p1)");
        assertThat(compiled.params()).containsEntry("p0", LocalDate.of(1985, 11, 23))
            .containsEntry("p1", LocalDate.of(2001, 11, 23));
    }

    @Test
    void groupsCombineWithAndOr() {
        ContactCriteria rule = new ContactCriteria.Group(ContactCriteria.Combinator.ANY,
                List.of(ContactCriteria.Condition.of(ContactField.COUNTRY, CriteriaOperator.EQUALS, "de"),
                        all(ContactCriteria.Condition.of(ContactField.TAGS, CriteriaOperator.HAS_ANY, "Sports"),
                                ContactCriteria.Condition.of(ContactField.GENDER, CriteriaOperator.EQUALS, "f"))));

        CriteriaCompiler.Compiled compiled = compile(rule);

        assertThat(compiled.sql()).isEqualTo("(c.country = :p0 or (c.tags && cast(:p1 as text[]) and c.gender = :p2))");
        assertThat(compiled.params().get("p0")).isEqualTo("DE");
        assertThat((String[]) compiled.params().get("p1")).containsExactly("sports");
        assertThat(compiled.params().get("p2")).isEqualTo("FEMALE");
    }

    @Test
    void refusesOperatorsThatDoNotFitTheField() {
        assertThatExceptionOfType(ContactProblem.class)
            .isThrownBy(
                    () -> compile(all(ContactCriteria.Condition.of(ContactField.AGE, CriteriaOperator.CONTAINS, "3"))))
            .withMessage("Condition 1: Age cannot be compared with 'contains'.");
    }

    @Test
    void refusesBadValuesNamingTheCondition() {
        assertThatExceptionOfType(ContactProblem.class)
            .isThrownBy(() -> compile(all(ContactCriteria.Condition.of(ContactField.CITY, CriteriaOperator.EQUALS, "x"),
                    all(ContactCriteria.Condition.of(ContactField.AGE, CriteriaOperator.BETWEEN, "twenty", "30")))))
            .withMessage("Condition 2.1: an age is a whole number.");
        assertThatExceptionOfType(ContactProblem.class)
            .isThrownBy(() -> compile(ContactCriteria.Condition.of(ContactField.AGE, CriteriaOperator.BETWEEN, "20")))
            .withMessageContaining("takes 2 values");
        assertThatExceptionOfType(ContactProblem.class)
            .isThrownBy(() -> compile(
                    new ContactCriteria.Condition(ContactField.CUSTOM, CriteriaOperator.EQUALS, List.of("1"), "nope")))
            .withMessageContaining("unknown custom attribute 'nope'");
    }

    @Test
    void limitsDepthAndSize() {
        ContactCriteria deep = ContactCriteria.Condition.of(ContactField.CITY, CriteriaOperator.IS_EMPTY);
        for (int i = 0; i < 6; i++) {
            deep = all(deep);
        }
        ContactCriteria finalDeep = deep;
        assertThatExceptionOfType(ContactProblem.class).isThrownBy(() -> compile(finalDeep))
            .withMessageContaining("nest at most 5");

        List<ContactCriteria> many = new ArrayList<>(
                Collections.nCopies(101, ContactCriteria.Condition.of(ContactField.CITY, CriteriaOperator.IS_EMPTY)));
        assertThatExceptionOfType(ContactProblem.class)
            .isThrownBy(() -> compile(new ContactCriteria.Group(ContactCriteria.Combinator.ALL, many)))
            .withMessageContaining("at most 100 conditions");
    }

}

package org.smscampaign.contact;

import java.time.LocalDate;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The segment rule compiler under arbitrary rules (any field, operator, values, nesting,
 * custom attribute names): a rule either compiles to parameterised SQL, with every value
 * a parameter and none in the SQL text, or is refused as invalid with the place at fault;
 * nothing else escapes it.
 */
class CriteriaCompilerFuzzTest {

    static final String MARKER = "zz'; drop table contact; --";

    @Provide
    Arbitrary<ContactCriteria> rules() {
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30),
                Arbitraries.of("DE", "sports", "2020-01-01", "25", "40", "true", "FEMALE", MARKER, "", "-1", "1e9"));
        Arbitrary<ContactCriteria> conditions = net.jqwik.api.Combinators
            .combine(Arbitraries.of(ContactField.class), Arbitraries.of(CriteriaOperator.class),
                    values.list().ofMaxSize(4), Arbitraries.of("points", "unknown", MARKER).injectNull(0.6))
            .as(ContactCriteria.Condition::new);
        return Arbitraries.recursive(() -> conditions,
                (inner) -> net.jqwik.api.Combinators
                    .combine(Arbitraries.of(ContactCriteria.Combinator.class), inner.list().ofMaxSize(4))
                    .as(ContactCriteria.Group::new),
                0, 6);
    }

    @Property(tries = 3000)
    void anyRuleCompilesToParameterisedSqlOrIsRefusedWithItsPlace(@ForAll("rules") ContactCriteria rule) {
        try {
            CriteriaCompiler.Compiled compiled = CriteriaCompiler.compile(rule,
                    Map.of("points", CustomAttributeType.NUMBER), LocalDate.of(2026, 11, 25));
            assertThat(compiled.sql()).isNotBlank().doesNotContain("drop table");
        }
        catch (ContactProblem refused) {
            assertThat(refused.kind()).isEqualTo(ContactProblem.Kind.INVALID);
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

}

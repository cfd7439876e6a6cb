package org.smscampaign.contact.imports;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smscampaign.contact.ColumnTarget.BIRTH_DATE;
import static org.smscampaign.contact.ColumnTarget.CITY;
import static org.smscampaign.contact.ColumnTarget.EMAIL;
import static org.smscampaign.contact.ColumnTarget.FIRST_NAME;
import static org.smscampaign.contact.ColumnTarget.GENDER;
import static org.smscampaign.contact.ColumnTarget.IGNORE;
import static org.smscampaign.contact.ColumnTarget.LAST_NAME;
import static org.smscampaign.contact.ColumnTarget.PHONE;
import static org.smscampaign.contact.ColumnTarget.TAGS;

class ColumnSuggestionsTest {

    @Test
    void recognisesCommonHeadersInSeveralLanguages() {
        assertThat(ColumnSuggestions.suggest(List.of("Mobile Number", "First Name", "Nachname", "E-Mail", "Ort",
                "Geschlecht", "Date of birth", "Interests", "Loyalty points")))
            .containsExactly(PHONE, FIRST_NAME, LAST_NAME, EMAIL, CITY, GENDER, BIRTH_DATE, TAGS, IGNORE);
    }

    @Test
    void suggestsEachTargetOnce() {
        assertThat(ColumnSuggestions.suggest(List.of("phone", "mobile"))).containsExactly(PHONE, IGNORE);
    }

}

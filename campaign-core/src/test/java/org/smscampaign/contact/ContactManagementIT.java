package org.smscampaign.contact;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@CampaignCoreIT
class ContactManagementIT {

    @Autowired
    ContactManagement contacts;

    @Autowired
    ContactLists lists;

    @Autowired
    CustomAttributes customAttributes;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        ContactFixtures.deleteAll(this.jdbc);
    }

    private ContactDetails anna() {
        return this.contacts.create(
                new ContactInput("0171 1234567", "Anna", "Schmidt", "anna@example.org", "Berlin", null, null, "f",
                        "1990-05-17", "de", null, "sports|travel", Map.of()),
                ConsentStatus.SUBSCRIBED, ConsentSource.FORM, "Signed up at the Berlin store", "marketer");
    }

    @Test
    void createsAContactWithItsFirstConsentLogEntry() {
        ContactDetails anna = anna();

        assertThat(anna.phoneNumber()).isEqualTo("+491711234567");
        assertThat(anna.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(anna.country()).isEqualTo("DE");
        assertThat(anna.tags()).containsExactly("sports", "travel");
        assertThat(anna.age()).isNotNull().isBetween(30, 40);
        assertThat(anna.consentLog()).singleElement().satisfies((entry) -> {
            assertThat(entry.status()).isEqualTo(ConsentStatus.SUBSCRIBED);
            assertThat(entry.source()).isEqualTo(ConsentSource.FORM);
            assertThat(entry.proof()).isEqualTo("Signed up at the Berlin store");
        });
        ContactFixtures.assertReachable(anna, true);
    }

    @Test
    void theSameNumberInAnotherSpellingIsADuplicate() {
        long id = anna().id();

        assertThatExceptionOfType(ContactProblem.class)
            .isThrownBy(() -> this.contacts.create(ContactInput.ofPhone("+49 171 1234567"), ConsentStatus.PENDING,
                    ConsentSource.API, null, "api"))
            .satisfies((problem) -> {
                assertThat(problem.kind()).isEqualTo(ContactProblem.Kind.DUPLICATE);
                assertThat(problem.existingId()).isEqualTo(id);
            });
    }

    @Test
    void invalidInputReportsEachField() {
        assertThatExceptionOfType(ContactProblem.class)
            .isThrownBy(
                    () -> this.contacts.create(new ContactInput("abc", null, null, "nope", null, null, null, "robot",
                            null, null, null, null, Map.of()), ConsentStatus.SUBSCRIBED, ConsentSource.FORM, null, "m"))
            .satisfies((problem) -> assertThat(problem.fieldProblems()).extracting(FieldProblem::field)
                .containsExactly("phone", "email", "gender"));
        assertThat(this.contacts.count()).isZero();
    }

    @Test
    void consentChangesAreLoggedAndTheLogCannotBeEdited() {
        ContactDetails anna = anna();

        this.contacts.changeConsent(anna.id(), ConsentStatus.UNSUBSCRIBED, ConsentSource.REPLY_KEYWORD, "STOP",
                "gateway");
        ContactDetails after = this.contacts.changeConsent(anna.id(), ConsentStatus.UNSUBSCRIBED,
                ConsentSource.REPLY_KEYWORD, "STOP", "gateway");

        assertThat(after.consent()).isEqualTo(ConsentStatus.UNSUBSCRIBED);
        assertThat(after.consentLog()).extracting(ConsentEventView::status)
            .containsExactly(ConsentStatus.UNSUBSCRIBED, ConsentStatus.SUBSCRIBED);
        ContactFixtures.assertReachable(after, false);
        assertThatThrownBy(() -> this.jdbc.sql("update consent_event set status = 'SUBSCRIBED'").update())
            .isInstanceOf(UncategorizedSQLException.class)
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> this.jdbc.sql("delete from consent_event").update())
            .hasMessageContaining("append-only");
    }

    @Test
    void updatingReplacesFieldsIncludingCustomAttributes() {
        this.customAttributes.define("points", "Points", CustomAttributeType.NUMBER);
        ContactDetails anna = anna();

        ContactDetails updated = this.contacts.update(anna.id(), new ContactInput("0171 1234567", "Anna-Lena", null,
                null, "Hamburg", null, null, null, null, null, null, "fashion", Map.of("points", "120")));

        assertThat(updated.firstName()).isEqualTo("Anna-Lena");
        assertThat(updated.lastName()).isNull();
        assertThat(updated.city()).isEqualTo("Hamburg");
        assertThat(updated.tags()).containsExactly("fashion");
        assertThat(updated.attributes()).containsEntry("points", 120);
    }

    @Test
    void erasureRemovesPersonalDataAndKeepsAnAnonymousUnsubscribedContact() {
        ContactDetails anna = anna();
        long list = this.lists.create("VIP", null).id();
        this.lists.add(list, List.of(anna.id()));

        this.contacts.erase(anna.id(), "privacy-officer");

        ContactDetails erased = this.contacts.find(anna.id()).orElseThrow();
        assertThat(erased.erased()).isTrue();
        assertThat(erased.phoneNumber()).isNull();
        assertThat(erased.firstName()).isNull();
        assertThat(erased.email()).isNull();
        assertThat(erased.birthDate()).isNull();
        assertThat(erased.tags()).isEmpty();
        assertThat(erased.lists()).isEmpty();
        assertThat(erased.consent()).isEqualTo(ConsentStatus.UNSUBSCRIBED);
        assertThat(erased.consentLog()).extracting(ConsentEventView::proof).containsOnlyNulls();
        assertThat(erased.displayName()).isEqualTo("Erased contact");
        assertThatExceptionOfType(ContactProblem.class).isThrownBy(() -> this.contacts.changeConsent(anna.id(),
                ConsentStatus.SUBSCRIBED, ConsentSource.ADMIN, null, "someone"));
        assertThat(this.contacts.findByPhoneNumber("+491711234567")).isEmpty();
    }

    @Test
    void searchFindsByNamePhoneDigitsListAndConsent() {
        ContactDetails anna = anna();
        ContactDetails bob = this.contacts.create(new ContactInput("+33 6 12 34 56 78", "Bob", "Martin", null, "Paris",
                null, null, null, null, null, null, null, Map.of()), ConsentStatus.PENDING, ConsentSource.API, null,
                "api");
        long list = this.lists.create("Paris", null).id();
        this.lists.add(list, List.of(bob.id()));

        assertThat(this.contacts.search(new ContactSearch("schmi", null, null), 0, 10).items())
            .extracting(ContactSummary::id)
            .containsExactly(anna.id());
        assertThat(this.contacts.search(new ContactSearch("612 345", null, null), 0, 10).items())
            .extracting(ContactSummary::id)
            .containsExactly(bob.id());
        assertThat(this.contacts.search(new ContactSearch(null, list, null), 0, 10).total()).isEqualTo(1);
        assertThat(this.contacts.search(new ContactSearch(null, null, ConsentStatus.PENDING), 0, 10).items())
            .extracting(ContactSummary::id)
            .containsExactly(bob.id());
        assertThat(this.contacts.search(new ContactSearch("100%_", null, null), 0, 10).total()).isZero();
    }

}

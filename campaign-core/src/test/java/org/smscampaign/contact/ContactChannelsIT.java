package org.smscampaign.contact;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A contact's channels: the preferred channel and the WhatsApp opt-in, from imports and
 * one at a time, each WhatsApp change logged with its proof.
 */
@CampaignCoreIT
class ContactChannelsIT {

    @Autowired
    ContactImports imports;

    @Autowired
    ContactManagement contacts;

    @Autowired
    ContactQueries queries;

    @Autowired
    ContactExport export;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        ContactFixtures.deleteAll(this.jdbc);
    }

    private ImportJobView importFile(String content, ExistingContactPolicy policy, ColumnMapping... columns) {
        ImportJobView upload = this.imports.upload("shop-export.csv",
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "marketer");
        assertThat(upload.suggestions()).contains(ColumnTarget.PREFERRED_CHANNEL, ColumnTarget.WHATSAPP_CONSENT);
        this.imports.start(upload.id(), new ImportSettings(List.of(columns), "DE", null, ConsentStatus.SUBSCRIBED, null,
                "Checkout sign-up 2026", policy, null, true, ConsentOrigin.WEB_FORM));
        return ContactFixtures.awaitFinished(this.imports, upload.id());
    }

    private static ColumnMapping[] channelColumns() {
        return new ColumnMapping[] { ColumnMapping.of(0, ColumnTarget.PHONE),
                ColumnMapping.of(1, ColumnTarget.PREFERRED_CHANNEL),
                ColumnMapping.of(2, ColumnTarget.WHATSAPP_CONSENT) };
    }

    @Test
    void anImportSetsThePreferredChannelAndTheWhatsAppOptInWithItsProofAndWarnsOfBadValues() {
        ImportJobView done = importFile("""
                phone,preferred channel,whatsapp opt-in
                0171 1000001,WhatsApp,yes
                0171 1000002,sms,
                0171 1000003,rcs,2026-03-01
                0171 1000004,,no
                0171 1000005,pigeon,maybe
                0171 1000006,whatsapp,opted out
                """, ExistingContactPolicy.UPDATE, channelColumns());

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.created()).as("a bad channel value never loses the subscriber").isEqualTo(6);
        assertThat(this.imports.warnings(done.id(), 10))
            .extracting(ImportRejectionView::line, ImportRejectionView::column, ImportRejectionView::value,
                    ImportRejectionView::reason)
            .containsExactly(
                    tuple(6L, "preferred channel", "pigeon", "unknown channel (use sms, whatsapp or rcs): left empty"),
                    tuple(6L, "whatsapp opt-in", "maybe",
                            "not a WhatsApp opt-in (use yes, no, opted out or the date of the opt-in): left empty"));

        ContactDetails anna = contact("+491711000001");
        assertThat(anna.preferredChannel()).isEqualTo(PreferredChannel.WHATSAPP);
        assertThat(anna.whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_IN);
        assertThat(anna.consentLog()).extracting(ConsentEventView::channel, ConsentEventView::source)
            .containsExactlyInAnyOrder(tuple(ConsentChannel.SMS, ConsentSource.IMPORT),
                    tuple(ConsentChannel.WHATSAPP, ConsentSource.IMPORT));
        assertThat(whatsappEntry(anna).proof()).startsWith("Import of shop-export.csv, line 2: whatsapp opt-in = yes")
            .contains("Checkout sign-up 2026");
        assertThat(whatsappEntry(anna).statusLabel()).isEqualTo("Opted in");

        assertThat(contact("+491711000002").preferredChannel()).isEqualTo(PreferredChannel.SMS);
        assertThat(contact("+491711000002").whatsappConsent()).isEqualTo(WhatsAppConsent.NONE);
        ContactDetails dated = contact("+491711000003");
        assertThat(dated.preferredChannel()).isEqualTo(PreferredChannel.RCS);
        assertThat(dated.whatsappConsentAt()).as("the opt-in date from the file")
            .isEqualTo(java.time.Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(contact("+491711000004").whatsappConsent()).isEqualTo(WhatsAppConsent.NONE);
        assertThat(contact("+491711000004").consentLog()).extracting(ConsentEventView::channel)
            .containsOnly(ConsentChannel.SMS);
        assertThat(contact("+491711000005").preferredChannel()).isNull();
        assertThat(contact("+491711000006").whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_OUT);
    }

    @Test
    void reImportingUpdatesChannelsButNeverOptsInAgainSomeoneWhoOptedOut() {
        ContactDetails anna = this.contacts.create(ContactInput.ofPhone("0171 2000001"), ConsentStatus.SUBSCRIBED,
                ConsentSource.FORM, "store", "m");
        ContactDetails bernd = this.contacts.create(ContactInput.ofPhone("0171 2000002"), ConsentStatus.SUBSCRIBED,
                ConsentSource.FORM, "store", "m");
        this.contacts.changeWhatsAppConsent(bernd.id(), WhatsAppConsent.OPTED_OUT, ConsentSource.REPLY_KEYWORD,
                "STOP received on WhatsApp", "gateway");
        this.contacts.update(anna.id(), new ContactInput("0171 2000001", null, null, null, null, null, null, null, null,
                null, null, null, null, "rcs", null));

        ImportJobView done = importFile("""
                phone,channel,whatsapp consent
                0171 2000001,whatsapp,yes
                0171 2000002,,yes
                0171 2000003,sms,true
                """, ExistingContactPolicy.UPDATE, channelColumns());

        assertThat(done.updated()).isEqualTo(2);
        assertThat(done.created()).isEqualTo(1);
        ContactDetails annaNow = this.contacts.find(anna.id()).orElseThrow();
        assertThat(annaNow.preferredChannel()).isEqualTo(PreferredChannel.WHATSAPP);
        assertThat(annaNow.whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_IN);
        assertThat(whatsappEntry(annaNow).proof())
            .startsWith("Import of shop-export.csv, line 2: whatsapp consent = yes");
        ContactDetails berndNow = this.contacts.find(bernd.id()).orElseThrow();
        assertThat(berndNow.whatsappConsent()).as("an import never opts in again").isEqualTo(WhatsAppConsent.OPTED_OUT);
        assertThat(berndNow.consentLog()).filteredOn((e) -> e.channel() == ConsentChannel.WHATSAPP).hasSize(1);
        ContactDetails carla = contact("+491712000003");
        assertThat(carla.whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_IN);
        assertThat(whatsappEntry(carla).proof()).contains("line 4");

        ImportJobView again = importFile("phone,channel,whatsapp consent\n0171 2000001,,yes\n",
                ExistingContactPolicy.UPDATE, channelColumns());
        assertThat(again.updated()).isEqualTo(1);
        ContactDetails annaAgain = this.contacts.find(anna.id()).orElseThrow();
        assertThat(annaAgain.preferredChannel()).as("a blank cell keeps the preference")
            .isEqualTo(PreferredChannel.WHATSAPP);
        assertThat(annaAgain.consentLog()).as("no change, no entry")
            .filteredOn((e) -> e.channel() == ConsentChannel.WHATSAPP)
            .hasSize(1);
    }

    @Test
    void aWhatsAppOptInNeedsItsProofIsLoggedOnItsChannelAndNeverSubscribesToSms() {
        ContactDetails anna = this.contacts.create(ContactInput.ofPhone("0171 3000001"), ConsentStatus.SUBSCRIBED,
                ConsentSource.FORM, "store", "m");
        this.contacts.changeConsent(anna.id(), ConsentStatus.UNSUBSCRIBED, ConsentSource.REPLY_KEYWORD, "STOP", "sms");

        assertThatExceptionOfType(ContactProblem.class)
            .isThrownBy(() -> this.contacts.changeWhatsAppConsent(anna.id(), WhatsAppConsent.OPTED_IN,
                    ConsentSource.FORM, " ", "marketer"))
            .withMessageContaining("how the person opted in");

        ContactDetails optedIn = this.contacts.changeWhatsAppConsent(anna.id(), WhatsAppConsent.OPTED_IN,
                ConsentSource.FORM, "Ticked the WhatsApp box at checkout, order 1234", "marketer");

        assertThat(optedIn.whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_IN);
        assertThat(optedIn.whatsappConsentAt()).isNotNull();
        assertThat(optedIn.consent()).as("SMS stays unsubscribed").isEqualTo(ConsentStatus.UNSUBSCRIBED);
        assertThat(optedIn.reachable()).isFalse();
        assertThat(this.queries.count(ContactCriteria.EVERYONE).reachable()).isZero();
        assertThat(optedIn.consentLog().get(0)).satisfies((entry) -> {
            assertThat(entry.channel()).isEqualTo(ConsentChannel.WHATSAPP);
            assertThat(entry.statusLabel()).isEqualTo("Opted in");
            assertThat(entry.proof()).isEqualTo("Ticked the WhatsApp box at checkout, order 1234");
            assertThat(entry.recordedBy()).isEqualTo("marketer");
        });

        ContactDetails withdrawn = this.contacts.changeWhatsAppConsent(anna.id(), WhatsAppConsent.OPTED_OUT,
                ConsentSource.ADMIN, null, "marketer");
        assertThat(withdrawn.whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_OUT);
        assertThat(withdrawn.consentLog()).extracting(ConsentEventView::channel, ConsentEventView::statusLabel)
            .startsWith(tuple(ConsentChannel.WHATSAPP, "Opted out"), tuple(ConsentChannel.WHATSAPP, "Opted in"));
    }

    @Test
    void theConsentLogRefusesToChangeTheChannelOfAnEntry() {
        ContactDetails anna = this.contacts.create(ContactInput.ofPhone("0171 4000001"), ConsentStatus.SUBSCRIBED,
                ConsentSource.FORM, "store", "m");

        assertThatThrownBy(() -> this.jdbc
            .sql("update consent_event set channel = 'WHATSAPP', proof = null where contact_id = :id")
            .param("id", anna.id())
            .update()).hasMessageContaining("append-only");

        this.contacts.erase(anna.id(), "admin");
        assertThat(this.contacts.find(anna.id()).orElseThrow().consentLog()).allSatisfy((e) -> {
            assertThat(e.proof()).isNull();
            assertThat(e.channel()).isEqualTo(ConsentChannel.SMS);
        });
    }

    @Test
    void segmentsSelectByPreferredChannelAndWhatsAppOptIn() {
        ContactDetails anna = this.contacts.create(new ContactInput("0171 5000001", null, null, null, null, null, null,
                null, null, null, null, null, null, "WhatsApp", null), ConsentStatus.SUBSCRIBED, ConsentSource.FORM,
                "store", "m");
        this.contacts.create(new ContactInput("0171 5000002", null, null, null, null, null, null, null, null, null,
                null, null, null, "sms", null), ConsentStatus.SUBSCRIBED, ConsentSource.FORM, "store", "m");
        this.contacts.changeWhatsAppConsent(anna.id(), WhatsAppConsent.OPTED_IN, ConsentSource.FORM, "store", "m");

        assertThat(this.queries
            .count(ContactCriteria.Condition.of(ContactField.PREFERRED_CHANNEL, CriteriaOperator.EQUALS, "whatsapp"))
            .matching()).isEqualTo(1);
        assertThat(this.queries
            .count(ContactCriteria.Condition.of(ContactField.WHATSAPP_CONSENT, CriteriaOperator.EQUALS, "opted_in"))
            .matching()).isEqualTo(1);
    }

    @Test
    void anExportCarriesTheChannelsSoThatItImportsBackTheSame() {
        ContactDetails anna = this.contacts.create(
                new ContactInput("0171 6000001", "Anna", null, null, null, null, null, null, null, null, null, null,
                        null, "whatsapp", null),
                ConsentStatus.SUBSCRIBED, ConsentSource.FORM, "store", "m", WhatsAppConsent.OPTED_IN,
                "Ticked the box in store");
        java.io.StringWriter csv = new java.io.StringWriter();
        this.export.write(ContactCriteria.EVERYONE, csv);
        assertThat(csv.toString()).contains(",preferred_channel,whatsapp_consent").contains(",whatsapp,opted in");

        ContactFixtures.deleteAll(this.jdbc);
        ImportJobView upload = this.imports.upload("export.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "marketer");
        assertThat(upload.suggestions()).contains(ColumnTarget.PREFERRED_CHANNEL, ColumnTarget.WHATSAPP_CONSENT);
        List<ColumnMapping> columns = new java.util.ArrayList<>();
        for (int i = 0; i < upload.suggestions().size(); i++) {
            ColumnTarget target = upload.suggestions().get(i);
            if (target != ColumnTarget.IGNORE) {
                columns.add(ColumnMapping.of(i, target));
            }
        }
        this.imports.start(upload.id(), new ImportSettings(columns, "DE", null, ConsentStatus.SUBSCRIBED, null,
                "Re-import of our export", ExistingContactPolicy.UPDATE, null, true, ConsentOrigin.EXISTING_CUSTOMERS));
        assertThat(ContactFixtures.awaitFinished(this.imports, upload.id()).warnings()).isZero();

        ContactDetails back = contact(anna.phoneNumber());
        assertThat(back.preferredChannel()).isEqualTo(PreferredChannel.WHATSAPP);
        assertThat(back.whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_IN);
    }

    private ContactDetails contact(String e164) {
        return this.contacts.findByPhoneNumber(e164).orElseThrow(() -> new AssertionError(e164 + " not imported"));
    }

    private static ConsentEventView whatsappEntry(ContactDetails contact) {
        return contact.consentLog()
            .stream()
            .filter((e) -> e.channel() == ConsentChannel.WHATSAPP)
            .findFirst()
            .orElseThrow();
    }

}

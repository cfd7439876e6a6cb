package org.smscampaign.contact;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.smscampaign.contact.ColumnTarget.BIRTH_DATE;
import static org.smscampaign.contact.ColumnTarget.CITY;
import static org.smscampaign.contact.ColumnTarget.FIRST_NAME;
import static org.smscampaign.contact.ColumnTarget.GENDER;
import static org.smscampaign.contact.ColumnTarget.PHONE;
import static org.smscampaign.contact.ColumnTarget.TAGS;

@CampaignCoreIT
class ContactImportsIT {

    /**
     * An Excel-style export: BOM, semicolons, quoted fields, CRLF, and bad rows among
     * good ones.
     */
    static final String MIXED = "\uFEFFTelefon;Vorname;Ort;Geschlecht;Geburtsdatum;Interessen;Punkte\r\n"
            + "0171 1234567;Anna;Berlin;w;17.05.1990;sports|travel;120\r\n"
            + "\"+49 (171) 2345678\";\"Müller; Bernd\";Köln;m;01.01.1980;;7\r\n" + "hello;Carla;Hamburg;w;;;\r\n"
            + "0171 3456789;Dieter;München;m;31.02.1970;;\r\n" + "0171 4567890;Eva;Bonn;robot;;;\r\n"
            + "+491711234567;Anna again;Berlin;w;;;\r\n" + "0171 5678901;" + "F".repeat(120) + ";Essen;;;;\r\n"
            + "0171 6789012;Fritz;Dresden;;;;many\r\n" + ";;;;;;\r\n"
            + "0171 7890123;Greta;Leipzig;d;1999-12-31;music;1\r\n";

    @Autowired
    ContactImports imports;

    @Autowired
    ContactManagement contacts;

    @Autowired
    ContactLists lists;

    @Autowired
    ContactQueries queries;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        ContactFixtures.deleteAll(this.jdbc);
    }

    private ImportJobView upload(String content, Charset charset) {
        return this.imports.upload("contacts.csv", new ByteArrayInputStream(content.getBytes(charset)), "marketer");
    }

    private static ImportSettings settings(ExistingContactPolicy policy, ConsentStatus consent, Long list,
            ColumnMapping... columns) {
        return new ImportSettings(List.of(columns), "DE", null, consent, null, "Newsletter sign-up 2025", policy, list,
                true, ConsentOrigin.WEB_FORM);
    }

    private static ColumnMapping[] mixedColumns() {
        return new ColumnMapping[] { ColumnMapping.of(0, PHONE), ColumnMapping.of(1, FIRST_NAME),
                ColumnMapping.of(2, CITY), ColumnMapping.of(3, GENDER), ColumnMapping.of(4, BIRTH_DATE),
                ColumnMapping.of(5, TAGS),
                new ColumnMapping(6, ColumnTarget.CUSTOM, "Loyalty Points", CustomAttributeType.NUMBER) };
    }

    @Test
    void anExcelStyleFileImportsEveryRowWithAValidNumberAndWarnsOfTheFieldsLeftEmpty() {
        ImportJobView uploaded = upload(MIXED, StandardCharsets.UTF_8);
        assertThat(uploaded.separator()).isEqualTo(';');
        assertThat(uploaded.suggestions()).startsWith(PHONE, FIRST_NAME, CITY, GENDER, BIRTH_DATE, TAGS);
        assertThat(this.imports.sample(uploaded.id()).get(1)).contains("Müller; Bernd");

        this.imports.start(uploaded.id(),
                settings(ExistingContactPolicy.UPDATE, ConsentStatus.SUBSCRIBED, null, mixedColumns()));
        ImportJobView done = ContactFixtures.awaitFinished(this.imports, uploaded.id());

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.created()).as("every row with a valid, new number").isEqualTo(7);
        assertThat(done.rejected()).as("only a bad number or a duplicate rejects a row").isEqualTo(2);
        assertThat(done.warnings()).isEqualTo(4);
        assertThat(done.rowsRead()).as("blank rows are not counted").isEqualTo(9);
        List<ImportRejectionView> rejections = this.imports.rejections(done.id(), 100);
        assertThat(rejections)
            .extracting(ImportRejectionView::line, ImportRejectionView::column, ImportRejectionView::reason)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "Telefon", "not a phone number"),
                    org.assertj.core.groups.Tuple.tuple(7L, "Telefon",
                            "duplicate inside the file (the first row with this number was imported)"));
        assertThat(rejections.get(0).value()).isEqualTo("hello");
        assertThat(this.imports.warnings(done.id(), 100))
            .extracting(ImportRejectionView::line, ImportRejectionView::column, ImportRejectionView::value,
                    ImportRejectionView::reason)
            .containsExactly(
                    org.assertj.core.groups.Tuple.tuple(5L, "Geburtsdatum", "31.02.1970", "bad date: left empty"),
                    org.assertj.core.groups.Tuple.tuple(6L, "Geschlecht", "robot",
                            "unknown gender value (use female, male or diverse): left empty"),
                    org.assertj.core.groups.Tuple.tuple(8L, "Vorname", "F".repeat(120),
                            "too long (at most 100 characters): left empty"),
                    org.assertj.core.groups.Tuple.tuple(9L, "Punkte", "many", "not a number: left empty"));

        ContactDetails dieter = this.contacts.findByPhoneNumber("+491713456789").orElseThrow();
        assertThat(dieter.firstName()).isEqualTo("Dieter");
        assertThat(dieter.birthDate()).as("the impossible date is left empty").isNull();
        assertThat(this.contacts.findByPhoneNumber("+491714567890").orElseThrow().gender()).isNull();
        ContactDetails fritz = this.contacts.findByPhoneNumber("+491716789012").orElseThrow();
        assertThat(fritz.city()).isEqualTo("Dresden");
        assertThat(fritz.attributes()).doesNotContainKey("loyalty_points");

        ContactDetails bernd = this.contacts.findByPhoneNumber("+491712345678").orElseThrow();
        assertThat(bernd.firstName()).isEqualTo("Müller; Bernd");
        assertThat(bernd.city()).isEqualTo("Köln");
        assertThat(bernd.attributes()).containsEntry("loyalty_points", 7);
        assertThat(this.contacts.findByPhoneNumber("+491711234567").orElseThrow().tags()).containsExactly("sports",
                "travel");

        StringWriter report = new StringWriter();
        this.imports.writeRejections(done.id(), report);
        assertThat(report.toString())
            .startsWith("line,column,value,reason,outcome\r\n4,Telefon,hello,not a phone number,row rejected\r\n")
            .contains("5,Geburtsdatum,31.02.1970,bad date: left empty,imported with a warning");
    }

    @Test
    void aBadEmailOrBirthDateKeepsTheSubscriber() {
        ImportJobView upload = upload("phone,email,birth_date\n0171 1234567,anna@,1990-13-45\n",
                StandardCharsets.UTF_8);
        this.imports.start(upload.id(), settings(ExistingContactPolicy.UPDATE, ConsentStatus.SUBSCRIBED, null,
                ColumnMapping.of(0, PHONE), ColumnMapping.of(1, ColumnTarget.EMAIL), ColumnMapping.of(2, BIRTH_DATE)));
        ImportJobView done = ContactFixtures.awaitFinished(this.imports, upload.id());

        assertThat(done.created()).isEqualTo(1);
        assertThat(done.rejected()).isZero();
        ContactDetails anna = this.contacts.findByPhoneNumber("+491711234567").orElseThrow();
        assertThat(anna.email()).isNull();
        assertThat(anna.birthDate()).isNull();
        assertThat(anna.reachable()).isTrue();
        assertThat(this.imports.warnings(done.id(), 10))
            .extracting(ImportRejectionView::line, ImportRejectionView::column, ImportRejectionView::value,
                    ImportRejectionView::reason)
            .containsExactly(
                    org.assertj.core.groups.Tuple.tuple(2L, "email", "anna@", "not an e-mail address: left empty"),
                    org.assertj.core.groups.Tuple.tuple(2L, "birth_date", "1990-13-45", "bad date: left empty"));
    }

    @Test
    void theCountryColumnGivesTheRegionOfNationalNumbers() {
        ImportJobView upload = upload("phone,country\n0176 12345002,DE\n0176 12345003,de\n0176 12345004,Germany\n"
                + "0176 12345005,Deutschland\n(415) 555-2671,\n06 12 34 56 78,France\n(212) 555-0100,Atlantis\n",
                StandardCharsets.UTF_8);
        this.imports.start(upload.id(),
                new ImportSettings(List.of(ColumnMapping.of(0, PHONE), ColumnMapping.of(1, ColumnTarget.COUNTRY)), "US",
                        null, ConsentStatus.PENDING, null, null, ExistingContactPolicy.UPDATE, null, false, null));
        ImportJobView done = ContactFixtures.awaitFinished(this.imports, upload.id());

        assertThat(done.rejected()).isZero();
        for (String number : List.of("+4917612345002", "+4917612345003", "+4917612345004", "+4917612345005")) {
            assertThat(this.contacts.findByPhoneNumber(number)).as(number)
                .hasValueSatisfying((contact) -> assertThat(contact.country()).isEqualTo("DE"));
        }
        assertThat(this.contacts.findByPhoneNumber("+14155552671").orElseThrow().country())
            .as("no country: the default region")
            .isEqualTo("US");
        assertThat(this.contacts.findByPhoneNumber("+33612345678").orElseThrow().country()).isEqualTo("FR");
        assertThat(this.imports.warnings(done.id(), 10)).singleElement().satisfies((warning) -> {
            assertThat(warning.line()).isEqualTo(8);
            assertThat(warning.value()).isEqualTo("Atlantis");
            assertThat(warning.reason()).startsWith("not a country");
        });
        assertThat(this.contacts.findByPhoneNumber("+12125550100")).as("read with the default region").isPresent();
    }

    @Test
    void aLandlineIsImportedButCannotBeTextedAndIsLeftOutOfTheAudience() {
        ImportJobView upload = upload("phone\n030 12345678\n0171 1234567\n", StandardCharsets.UTF_8);
        this.imports.start(upload.id(),
                settings(ExistingContactPolicy.UPDATE, ConsentStatus.SUBSCRIBED, null, ColumnMapping.of(0, PHONE)));
        ImportJobView done = ContactFixtures.awaitFinished(this.imports, upload.id());

        assertThat(done.created()).isEqualTo(2);
        assertThat(this.imports.warnings(done.id(), 10)).singleElement().satisfies((warning) -> {
            assertThat(warning.line()).isEqualTo(2);
            assertThat(warning.value()).isEqualTo("030 12345678");
            assertThat(warning.reason()).contains("landline").contains("cannot receive SMS");
        });
        ContactDetails landline = this.contacts.findByPhoneNumber("+493012345678").orElseThrow();
        assertThat(landline.consent()).isEqualTo(ConsentStatus.SUBSCRIBED);
        assertThat(landline.reachable()).isFalse();
        assertThat(this.queries.count(ContactCriteria.EVERYONE)).isEqualTo(new AudienceCount(2, 1, 1));
        List<String> audience = new java.util.ArrayList<>();
        this.queries.forEachMatching(ContactCriteria.EVERYONE, true,
                (row) -> audience.add(row.getString("phone_number")));
        assertThat(audience).containsExactly("+491711234567");
    }

    @Test
    void subscribingNeedsTheConfirmationHowConsentWasObtainedAndAProof() {
        ImportJobView upload = upload("phone\n0171 1234567\n", StandardCharsets.UTF_8);
        for (ImportSettings unconfirmed : List.of(
                new ImportSettings(List.of(ColumnMapping.of(0, PHONE)), "DE", null, ConsentStatus.SUBSCRIBED, null,
                        "Shop sign-up form", null, null, false, ConsentOrigin.IN_STORE),
                new ImportSettings(List.of(ColumnMapping.of(0, PHONE)), "DE", null, ConsentStatus.SUBSCRIBED, null,
                        "Shop sign-up form", null, null, true, null),
                new ImportSettings(List.of(ColumnMapping.of(0, PHONE)), "DE", null, ConsentStatus.SUBSCRIBED, null, " ",
                        null, null, true, ConsentOrigin.IN_STORE))) {
            assertThatExceptionOfType(ContactProblem.class)
                .isThrownBy(() -> this.imports.start(upload.id(), unconfirmed))
                .withMessageContaining("confirm that you have their consent");
        }

        this.imports.start(upload.id(), new ImportSettings(List.of(ColumnMapping.of(0, PHONE)), "DE", null, null, null,
                null, null, null, false, null));
        ContactFixtures.awaitFinished(this.imports, upload.id());
        ContactDetails unconfirmed = this.contacts.findByPhoneNumber("+491711234567").orElseThrow();
        assertThat(unconfirmed.consent()).as("without confirmation: pending, not messaged")
            .isEqualTo(ConsentStatus.PENDING);
        assertThat(unconfirmed.reachable()).isFalse();
    }

    @Test
    void oldExcelExportsInWindows1252Import() {
        Charset windows1252 = Charset.forName("windows-1252");
        ImportJobView uploaded = upload("phone;first_name;city\r\n0171 1234567;Jürgen;Düsseldorf\r\n", windows1252);

        this.imports.start(uploaded.id(), settings(ExistingContactPolicy.UPDATE, ConsentStatus.SUBSCRIBED, null,
                ColumnMapping.of(0, PHONE), ColumnMapping.of(1, FIRST_NAME), ColumnMapping.of(2, CITY)));

        assertThat(ContactFixtures.awaitFinished(this.imports, uploaded.id()).created()).isEqualTo(1);
        assertThat(this.contacts.findByPhoneNumber("+491711234567").orElseThrow().city()).isEqualTo("Düsseldorf");
    }

    @Test
    void aFileThatIsNotCsvIsRefusedAndImportsNothing() {
        byte[] workbook = { 'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0 };

        assertThatExceptionOfType(ContactProblem.class)
            .isThrownBy(() -> this.imports.upload("contacts.xlsx", new ByteArrayInputStream(workbook), "marketer"))
            .withMessageContaining("Excel workbook")
            .withMessageContaining("Nothing was imported");
        assertThat(this.imports.recent(10)).isEmpty();
        assertThat(this.contacts.count()).isZero();
    }

    @Test
    void existingContactsAreUpdatedOrSkippedByPolicyAndOptOutsStayOptedOut() {
        ContactDetails anna = this.contacts.create(ContactInput.ofPhone("0171 1234567"), ConsentStatus.SUBSCRIBED,
                ConsentSource.FORM, null, "m");
        ContactDetails bernd = this.contacts.create(ContactInput.ofPhone("0171 2345678"), ConsentStatus.SUBSCRIBED,
                ConsentSource.FORM, null, "m");
        this.contacts.changeConsent(bernd.id(), ConsentStatus.UNSUBSCRIBED, ConsentSource.REPLY_KEYWORD, null, "sms");
        String file = "phone,first_name\n0171 1234567,Anna\n0171 2345678,Bernd\n0171 3456789,Carla\n";

        ImportJobView skip = upload(file, StandardCharsets.UTF_8);
        this.imports.start(skip.id(), settings(ExistingContactPolicy.SKIP, ConsentStatus.SUBSCRIBED, null,
                ColumnMapping.of(0, PHONE), ColumnMapping.of(1, FIRST_NAME)));
        ImportJobView skipped = ContactFixtures.awaitFinished(this.imports, skip.id());
        assertThat(skipped.created()).isEqualTo(1);
        assertThat(skipped.skipped()).isEqualTo(2);
        assertThat(this.contacts.find(anna.id()).orElseThrow().firstName()).isNull();

        long list = this.lists.create("Imported", null).id();
        ImportJobView update = upload(file, StandardCharsets.UTF_8);
        this.imports.start(update.id(), settings(ExistingContactPolicy.UPDATE, ConsentStatus.SUBSCRIBED, list,
                ColumnMapping.of(0, PHONE), ColumnMapping.of(1, FIRST_NAME)));
        ImportJobView updated = ContactFixtures.awaitFinished(this.imports, update.id());
        assertThat(updated.updated()).isEqualTo(3);
        assertThat(this.contacts.find(anna.id()).orElseThrow().firstName()).isEqualTo("Anna");
        ContactDetails berndNow = this.contacts.find(bernd.id()).orElseThrow();
        assertThat(berndNow.firstName()).isEqualTo("Bernd");
        assertThat(berndNow.consent()).as("an import never re-subscribes an opt-out")
            .isEqualTo(ConsentStatus.UNSUBSCRIBED);
        assertThat(this.lists.find(list).orElseThrow().members()).isEqualTo(3);
    }

    @Test
    void anImportOfOptOutsUnsubscribes() {
        ContactDetails anna = this.contacts.create(ContactInput.ofPhone("0171 1234567"), ConsentStatus.SUBSCRIBED,
                ConsentSource.FORM, null, "m");
        ImportJobView upload = upload("phone\n0171 1234567\n", StandardCharsets.UTF_8);

        this.imports.start(upload.id(),
                settings(ExistingContactPolicy.UPDATE, ConsentStatus.UNSUBSCRIBED, null, ColumnMapping.of(0, PHONE)));
        ContactFixtures.awaitFinished(this.imports, upload.id());

        ContactDetails after = this.contacts.find(anna.id()).orElseThrow();
        assertThat(after.consent()).isEqualTo(ConsentStatus.UNSUBSCRIBED);
        assertThat(after.consentLog()).extracting(ConsentEventView::source)
            .containsExactly(ConsentSource.IMPORT, ConsentSource.FORM);
    }

    @Test
    void theConsentSourceOfTheImportIsLogged() {
        ImportJobView upload = upload("phone\n0171 1234567\n", StandardCharsets.UTF_8);

        this.imports.start(upload.id(),
                new ImportSettings(List.of(ColumnMapping.of(0, PHONE)), "DE", null, ConsentStatus.SUBSCRIBED,
                        ConsentSource.FORM, "Shop sign-up form", ExistingContactPolicy.UPDATE, null, true,
                        ConsentOrigin.IN_STORE));
        ContactFixtures.awaitFinished(this.imports, upload.id());

        ContactDetails anna = this.contacts.findByPhoneNumber("+491711234567").orElseThrow();
        assertThat(anna.consent()).isEqualTo(ConsentStatus.SUBSCRIBED);
        assertThat(anna.consentLog()).singleElement().satisfies((entry) -> {
            assertThat(entry.source()).isEqualTo(ConsentSource.FORM);
            assertThat(entry.proof()).isEqualTo("Consent obtained: In store. Proof: Shop sign-up form");
        });
    }

    /**
     * What a kill -9 mid-import leaves (the job RUNNING, its last heartbeat long ago, the
     * file with personal data on disk) is found by the sweep: the job fails with the
     * reason and the file is deleted; a second sweep changes nothing.
     */
    @Test
    void anImportAbandonedByAStoppedInstanceFailsAndItsFileIsDeleted() {
        ImportJobView upload = upload("phone\n0171 1234567\n", StandardCharsets.UTF_8);
        Path file = Path.of(this.jdbc.sql("select stored_file from contact_import where id = :id")
            .param("id", upload.id())
            .query(String.class)
            .single());
        assertThat(file).exists();
        this.jdbc
            .sql("update contact_import set status = 'RUNNING', heartbeat_at = now() - interval '5 minutes' "
                    + "where id = :id")
            .param("id", upload.id())
            .update();

        this.imports.failAbandonedImports();

        ImportJobView failed = this.imports.find(upload.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.failure()).startsWith("Interrupted by a restart of the platform.");
        assertThat(file).doesNotExist();

        this.imports.failAbandonedImports();
        assertThat(this.imports.find(upload.id()).orElseThrow().finishedAt()).isEqualTo(failed.finishedAt());
    }

    /**
     * A job queued minutes after its upload still waits: its heartbeat starts when
     * queued.
     */
    @Test
    void aJobQueuedLongAfterItsUploadIsNotTakenForAbandoned() {
        ImportJobView upload = upload("phone\n0171 1234567\n", StandardCharsets.UTF_8);
        this.jdbc
            .sql("update contact_import set status = 'QUEUED', heartbeat_at = now(), "
                    + "created_at = now() - interval '10 minutes' where id = :id")
            .param("id", upload.id())
            .update();

        this.imports.failAbandonedImports();

        assertThat(this.imports.find(upload.id()).orElseThrow().status()).isEqualTo(ImportStatus.QUEUED);
        this.jdbc.sql("update contact_import set status = 'FAILED' where id = :id").param("id", upload.id()).update();
    }

    @Test
    void startingTwiceImportsOnce() {
        ImportJobView upload = upload("phone\n0171 1234567\n0171 2345678\n", StandardCharsets.UTF_8);
        ImportSettings settings = settings(ExistingContactPolicy.UPDATE, ConsentStatus.SUBSCRIBED, null,
                ColumnMapping.of(0, PHONE));

        this.imports.start(upload.id(), settings);
        this.imports.start(upload.id(), settings);
        ImportJobView done = ContactFixtures.awaitFinished(this.imports, upload.id());

        assertThat(done.created()).isEqualTo(2);
        assertThat(this.jdbc.sql("select count(*) from consent_event").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aMappingWithoutPhoneColumnIsRefused() {
        ImportJobView upload = upload("phone,name\n0171 1234567,Anna\n", StandardCharsets.UTF_8);

        assertThatExceptionOfType(ContactProblem.class)
            .isThrownBy(() -> this.imports.start(upload.id(),
                    settings(ExistingContactPolicy.UPDATE, ConsentStatus.SUBSCRIBED, null,
                            ColumnMapping.of(1, FIRST_NAME))))
            .withMessageContaining("exactly one column to the phone number");
        assertThat(this.imports.find(upload.id()).orElseThrow().status()).isEqualTo(ImportStatus.UPLOADED);
    }

    @Test
    void lineNumbersCountPhysicalLinesAcrossQuotedLineBreaks() {
        ImportJobView upload = upload("phone,note\n0171 1234567,\"two\nlines\"\nbroken,x\n", StandardCharsets.UTF_8);

        this.imports.start(upload.id(),
                settings(ExistingContactPolicy.UPDATE, ConsentStatus.SUBSCRIBED, null, ColumnMapping.of(0, PHONE)));
        ContactFixtures.awaitFinished(this.imports, upload.id());

        assertThat(this.imports.rejections(upload.id(), 10)).singleElement()
            .satisfies((rejection) -> assertThat(rejection.line()).isEqualTo(4));
    }

}

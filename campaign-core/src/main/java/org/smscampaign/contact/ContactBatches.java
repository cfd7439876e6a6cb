package org.smscampaign.contact;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes many contacts at once: COPY into a session-local staging table, then one
 * statement that upserts the contacts, appends consent events where the status changed
 * and adds list memberships. Bulk work, never one JPA save per row.
 */
@Service
public class ContactBatches {

    private static final String STAGING = """
            create temp table if not exists contact_staging (
                phone_number varchar(16), phone_type varchar(24), first_name varchar(100), last_name varchar(100),
                email varchar(254), city varchar(100), region varchar(100), country char(2), gender varchar(8),
                birth_date date, language varchar(16), time_zone varchar(64), tags text[], attributes jsonb,
                preferred_channel varchar(16), whatsapp_consent varchar(16), whatsapp_consent_at timestamptz,
                whatsapp_proof text
            ) on commit delete rows""";

    private static final String COPY = "copy contact_staging from stdin (format text)";

    private static final String COPY_NEW = "copy contact (id, phone_number, phone_type, first_name, last_name, "
            + "email, city, region, country, gender, birth_date, language, time_zone, tags, attributes, consent_status, "
            + "preferred_channel, whatsapp_consent, whatsapp_consent_at) " + "from stdin (format text)";

    private static final String NEXT_IDS = "select nextval(pg_get_serial_sequence('contact', 'id')) "
            + "from generate_series(1, ?)";

    private static final String COPY_EVENTS = "copy consent_event (contact_id, status, source, proof, recorded_by, "
            + "channel) from stdin (format text)";

    private static final String COPY_MEMBERS = "copy contact_list_member (list_id, contact_id) from stdin (format text)";

    private static final String EXISTING = "select phone_number from contact where phone_number = any(?)";

    private static final String UNIQUE_VIOLATION = "23505";

    /** Consent rules of a bulk write, applied to an existing contact {@code c}. */
    private static final String NEW_STATUS = """
            case when excluded.consent_status = 'UNSUBSCRIBED' then 'UNSUBSCRIBED'
                 when c.consent_status = 'UNSUBSCRIBED' then 'UNSUBSCRIBED'
                 when excluded.consent_status = 'SUBSCRIBED' then 'SUBSCRIBED'
                 else c.consent_status end""";

    /**
     * The same rules for the WhatsApp opt-in, when the row gives one (its time is set
     * only then): an opt-out wins and an import never opts anyone in again.
     */
    private static final String NEW_WHATSAPP = """
            case when excluded.whatsapp_consent_at is null then c.whatsapp_consent
                 when excluded.whatsapp_consent = 'OPTED_OUT' then 'OPTED_OUT'
                 when c.whatsapp_consent = 'OPTED_OUT' then 'OPTED_OUT'
                 when excluded.whatsapp_consent = 'OPTED_IN' then 'OPTED_IN'
                 else c.whatsapp_consent end""";

    private static final String UPSERT = """
            with old as (
                select c.id, c.consent_status, c.whatsapp_consent
                from contact c join contact_staging s on c.phone_number = s.phone_number
            ), up as (
                insert into contact as c (phone_number, phone_type, first_name, last_name, email, city, region, country,
                    gender, birth_date, language, time_zone, tags, attributes, consent_status, preferred_channel,
                    whatsapp_consent, whatsapp_consent_at)
                select phone_number, phone_type, first_name, last_name, email, city, region, country, gender,
                    birth_date, language, time_zone, tags, attributes, ?, preferred_channel,
                    coalesce(whatsapp_consent, 'NONE'), whatsapp_consent_at from contact_staging
                on conflict (phone_number) do %s
                returning c.id, c.phone_number, c.consent_status, c.whatsapp_consent, (xmax = 0) as inserted
            ), events as (
                insert into consent_event (contact_id, status, source, proof, recorded_by)
                select up.id, up.consent_status, ?, ?, ? from up left join old on old.id = up.id
                where up.inserted or old.consent_status is distinct from up.consent_status
            ), members as (
                insert into contact_list_member (list_id, contact_id)
                select cast(? as bigint), up.id from up where cast(? as bigint) is not null
                on conflict do nothing
            ), whatsapp_events as (
                insert into consent_event (contact_id, status, source, proof, recorded_by, channel)
                select up.id, case up.whatsapp_consent when 'OPTED_IN' then 'SUBSCRIBED'
                        when 'OPTED_OUT' then 'UNSUBSCRIBED' else 'PENDING' end, ?, s.whatsapp_proof, ?, 'WHATSAPP'
                from up join contact_staging s on s.phone_number = up.phone_number left join old on old.id = up.id
                where s.whatsapp_consent is not null and case when up.inserted then up.whatsapp_consent <> 'NONE'
                    else old.whatsapp_consent is distinct from up.whatsapp_consent end
            )
            select count(*) filter (where up.inserted), count(*) filter (where not up.inserted),
                array_agg(up.phone_number) filter (where not up.inserted and up.consent_status = 'UNSUBSCRIBED'
                    and old.consent_status is distinct from 'UNSUBSCRIBED'),
                array_agg(up.phone_number) filter (where not up.inserted and up.whatsapp_consent = 'OPTED_OUT'
                    and old.whatsapp_consent is distinct from 'OPTED_OUT')
            from up left join old on old.id = up.id""";

    private static final String UPDATE_EXISTING = """
            update set
                phone_type = excluded.phone_type,
                first_name = coalesce(excluded.first_name, c.first_name),
                last_name = coalesce(excluded.last_name, c.last_name),
                email = coalesce(excluded.email, c.email),
                city = coalesce(excluded.city, c.city),
                region = coalesce(excluded.region, c.region),
                country = coalesce(excluded.country, c.country),
                gender = coalesce(excluded.gender, c.gender),
                birth_date = coalesce(excluded.birth_date, c.birth_date),
                language = coalesce(excluded.language, c.language),
                time_zone = excluded.time_zone,
                tags = array(select distinct unnest(c.tags || excluded.tags) order by 1),
                attributes = c.attributes || excluded.attributes,
                consent_status = %s,
                consent_changed_at = case when (%s) = c.consent_status then c.consent_changed_at else now() end,
                preferred_channel = coalesce(excluded.preferred_channel, c.preferred_channel),
                whatsapp_consent = %s,
                whatsapp_consent_at = case when (%s) = c.whatsapp_consent then c.whatsapp_consent_at
                    else excluded.whatsapp_consent_at end,
                updated_at = now()""".formatted(NEW_STATUS, NEW_STATUS, NEW_WHATSAPP, NEW_WHATSAPP);

    private final DataSource dataSource;

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final ApplicationEventPublisher events;

    ContactBatches(DataSource dataSource, JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /**
     * Writes the contacts in one transaction. A number given twice is written once (the
     * first occurrence wins).
     */
    @Transactional
    public BatchResult upsert(List<NormalizedContact> contacts, BatchOptions options) {
        return write(prepare(contacts, options, false));
    }

    /**
     * The part of a write that needs no transaction: ids taken from the sequence and the
     * COPY text built. Bulk writers prepare the next batch while the previous one is
     * being written.
     * @param likelyNew whether the numbers are probably all new, so that copying them at
     * once is worth trying before looking for existing ones
     */
    public PreparedBatch prepare(List<NormalizedContact> contacts, BatchOptions options, boolean likelyNew) {
        List<NormalizedContact> unique = firstOfEachNumber(contacts);
        long[] ids = nextIds(unique.size());
        return new PreparedBatch(unique, contacts.size(), ids, copyText(unique, ids, options.consent().name()), options,
                likelyNew);
    }

    /** Writes a prepared batch in one transaction. */
    @Transactional
    public BatchResult write(PreparedBatch batch) {
        if (batch.contacts().isEmpty()) {
            return new BatchResult(0, 0, batch.given());
        }
        Connection connection = DataSourceUtils.getConnection(this.dataSource);
        try {
            if (batch.likelyNew()
                    && insertNew(connection, batch.copyText(), batch.contacts(), batch.ids(), batch.options())) {
                return new BatchResult(batch.ids().length, 0, batch.given() - batch.ids().length);
            }
            Set<String> existing = existingNumbers(connection, batch.contacts());
            List<NormalizedContact> fresh = new ArrayList<>(batch.contacts().size());
            List<Long> freshIds = new ArrayList<>(batch.contacts().size());
            List<NormalizedContact> known = new ArrayList<>();
            for (int i = 0; i < batch.contacts().size(); i++) {
                NormalizedContact contact = batch.contacts().get(i);
                if (existing.contains(contact.phone().e164())) {
                    known.add(contact);
                }
                else {
                    fresh.add(contact);
                    freshIds.add(batch.ids()[i]);
                }
            }
            long created = 0;
            if (!fresh.isEmpty()) {
                long[] ids = freshIds.stream().mapToLong(Long::longValue).toArray();
                String text = (known.isEmpty()) ? batch.copyText()
                        : copyText(fresh, ids, batch.options().consent().name());
                if (insertNew(connection, text, fresh, ids, batch.options())) {
                    created = fresh.size();
                }
                else {
                    known = batch.contacts();
                }
            }
            BatchResult upserted = known.isEmpty() ? BatchResult.NONE
                    : upsertExisting(connection, known, batch.options());
            created += upserted.created();
            return new BatchResult(created, upserted.updated(), batch.given() - created - upserted.updated());
        }
        catch (SQLException | IOException ex) {
            throw new IllegalStateException("Bulk write of " + batch.given() + " contacts failed", ex);
        }
    }

    private static List<NormalizedContact> firstOfEachNumber(List<NormalizedContact> contacts) {
        if (contacts instanceof UniqueNumbers) {
            return contacts;
        }
        Set<String> seen = new HashSet<>();
        List<NormalizedContact> unique = new ArrayList<>(contacts.size());
        for (NormalizedContact contact : contacts) {
            if (seen.add(contact.phone().e164())) {
                unique.add(contact);
            }
        }
        return unique;
    }

    private long[] nextIds(int count) {
        if (count == 0) {
            return new long[0];
        }
        return this.jdbc.sql(NEXT_IDS)
            .param(count)
            .query(Long.class)
            .list()
            .stream()
            .mapToLong(Long::longValue)
            .toArray();
    }

    private static Set<String> existingNumbers(Connection connection, List<NormalizedContact> contacts)
            throws SQLException {
        Set<String> existing = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(EXISTING)) {
            statement.setArray(1, connection.createArrayOf("varchar",
                    contacts.stream().map((contact) -> contact.phone().e164()).toArray(String[]::new)));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    existing.add(result.getString(1));
                }
            }
        }
        return existing;
    }

    /**
     * Copies new contacts straight into the table under the given ids, then their consent
     * events and list memberships, all by COPY. False (and nothing written) if one of the
     * numbers exists.
     */
    private static boolean insertNew(Connection connection, String contactsText, List<NormalizedContact> contacts,
            long[] ids, BatchOptions options) throws SQLException, IOException {
        Savepoint savepoint = connection.setSavepoint();
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try {
            copy.copyIn(COPY_NEW, new StringReader(contactsText));
        }
        catch (SQLException ex) {
            if (UNIQUE_VIOLATION.equals(ex.getSQLState())) {
                connection.rollback(savepoint);
                return false;
            }
            throw ex;
        }
        CopyText events = new CopyText(ids.length * 48);
        for (int i = 0; i < ids.length; i++) {
            events.value(ids[i])
                .value(options.consent().name())
                .value(options.consentSource().name())
                .value(options.consentProof())
                .value(options.recordedBy())
                .value(ConsentChannel.SMS.name())
                .endRow();
            WhatsAppOptIn whatsapp = contacts.get(i).whatsappOptIn();
            if (whatsapp != null && whatsapp.status() != WhatsAppConsent.NONE) {
                events.value(ids[i])
                    .value(whatsapp.status().logged().name())
                    .value(options.consentSource().name())
                    .value(whatsapp.proof())
                    .value(options.recordedBy())
                    .value(ConsentChannel.WHATSAPP.name())
                    .endRow();
            }
        }
        copy.copyIn(COPY_EVENTS, new StringReader(events.toString()));
        if (options.listId() != null) {
            CopyText members = new CopyText(ids.length * 24);
            for (long id : ids) {
                members.value(options.listId()).value(id).endRow();
            }
            copy.copyIn(COPY_MEMBERS, new StringReader(members.toString()));
        }
        connection.releaseSavepoint(savepoint);
        return true;
    }

    private BatchResult upsertExisting(Connection connection, List<NormalizedContact> contacts, BatchOptions options)
            throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(STAGING);
        }
        connection.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(COPY, new StringReader(copyText(contacts, null, null)));
        return upsertStaged(connection, options);
    }

    /**
     * The rows in COPY text format, with their ids as first column and a consent status
     * as last column when given.
     */
    private String copyText(List<NormalizedContact> contacts, long[] ids, String consent) {
        CopyText rows = new CopyText(contacts.size() * 190);
        java.time.Instant now = java.time.Instant.now();
        for (int i = 0; i < contacts.size(); i++) {
            NormalizedContact contact = contacts.get(i);
            if (ids != null) {
                rows.value(ids[i]);
            }
            rows.value(contact.phone().e164())
                .value(contact.phone().type())
                .value(contact.firstName())
                .value(contact.lastName())
                .value(contact.email())
                .value(contact.city())
                .value(contact.region())
                .value(contact.country())
                .value((contact.gender() != null) ? contact.gender().name() : null)
                .value(contact.birthDate())
                .value(contact.language())
                .value(contact.timeZone())
                .array(contact.tags())
                .value(contact.attributes().isEmpty() ? "{}" : this.json.writeValueAsString(contact.attributes()));
            if (consent != null) {
                rows.value(consent);
            }
            WhatsAppOptIn whatsapp = contact.whatsappOptIn();
            rows.value((contact.preferredChannel() != null) ? contact.preferredChannel().name() : null);
            if (whatsapp == null) {
                rows.value((consent != null) ? WhatsAppConsent.NONE.name() : null).value(null);
            }
            else {
                rows.value(whatsapp.status().name()).value((whatsapp.at() != null) ? whatsapp.at() : now);
            }
            if (consent == null) {
                rows.value((whatsapp != null) ? whatsapp.proof() : null);
            }
            rows.endRow();
        }
        return rows.toString();
    }

    /**
     * Upserts the staged rows. Existing contacts this unsubscribes or opts out of
     * WhatsApp are told ({@link ContactsOptedOut}) in this transaction, so that their
     * waiting messages are withdrawn in the same commit.
     */
    private BatchResult upsertStaged(Connection connection, BatchOptions options) throws SQLException {
        String onConflict = (options.policy() == ExistingContactPolicy.UPDATE) ? UPDATE_EXISTING : "nothing";
        try (PreparedStatement statement = connection.prepareStatement(UPSERT.formatted(onConflict))) {
            statement.setString(1, options.consent().name());
            statement.setString(2, options.consentSource().name());
            statement.setString(3, options.consentProof());
            statement.setString(4, options.recordedBy());
            if (options.listId() != null) {
                statement.setLong(5, options.listId());
                statement.setLong(6, options.listId());
            }
            else {
                statement.setNull(5, Types.BIGINT);
                statement.setNull(6, Types.BIGINT);
            }
            statement.setString(7, options.consentSource().name());
            statement.setString(8, options.recordedBy());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                List<String> unsubscribed = numbers(result.getArray(3));
                List<String> whatsAppOptedOut = numbers(result.getArray(4));
                if (!unsubscribed.isEmpty() || !whatsAppOptedOut.isEmpty()) {
                    this.events.publishEvent(new ContactsOptedOut(unsubscribed, whatsAppOptedOut));
                }
                return new BatchResult(result.getLong(1), result.getLong(2), 0);
            }
        }
    }

    private static List<String> numbers(java.sql.Array array) throws SQLException {
        return (array != null) ? List.of((String[]) array.getArray()) : List.of();
    }

    /**
     * A batch ready to be written: distinct contacts, their ids and COPY text.
     *
     * @param given how many contacts were given before duplicates were dropped
     */
    public record PreparedBatch(List<NormalizedContact> contacts, int given, long[] ids, String copyText,
            BatchOptions options, boolean likelyNew) {

    }

    /**
     * A batch whose numbers are known to be distinct (the importer checks every number
     * against all earlier ones), so the writer need not check again.
     */
    public static final class UniqueNumbers extends java.util.ArrayList<NormalizedContact> {

        public UniqueNumbers(int capacity) {
            super(capacity);
        }

    }

}

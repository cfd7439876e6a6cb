package org.smscampaign.contact;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import tools.jackson.databind.json.JsonMapper;

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
                birth_date date, language varchar(16), time_zone varchar(64), tags text[], attributes jsonb
            ) on commit delete rows""";

    private static final String COPY = "copy contact_staging from stdin (format text)";

    /** Consent rules of a bulk write, applied to an existing contact {@code c}. */
    private static final String NEW_STATUS = """
            case when excluded.consent_status = 'UNSUBSCRIBED' then 'UNSUBSCRIBED'
                 when c.consent_status = 'UNSUBSCRIBED' then 'UNSUBSCRIBED'
                 when excluded.consent_status = 'SUBSCRIBED' then 'SUBSCRIBED'
                 else c.consent_status end""";

    private static final String UPSERT = """
            with old as (
                select c.id, c.consent_status from contact c join contact_staging s on c.phone_number = s.phone_number
            ), up as (
                insert into contact as c (phone_number, phone_type, first_name, last_name, email, city, region, country,
                    gender, birth_date, language, time_zone, tags, attributes, consent_status)
                select phone_number, phone_type, first_name, last_name, email, city, region, country, gender,
                    birth_date, language, time_zone, tags, attributes, ? from contact_staging
                on conflict (phone_number) do %s
                returning c.id, c.consent_status, (xmax = 0) as inserted
            ), events as (
                insert into consent_event (contact_id, status, source, proof, recorded_by)
                select up.id, up.consent_status, ?, ?, ? from up left join old on old.id = up.id
                where up.inserted or old.consent_status is distinct from up.consent_status
            ), members as (
                insert into contact_list_member (list_id, contact_id)
                select cast(? as bigint), up.id from up where cast(? as bigint) is not null
                on conflict do nothing
            )
            select count(*) filter (where inserted), count(*) filter (where not inserted) from up""";

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
                updated_at = now()""".formatted(NEW_STATUS, NEW_STATUS);

    private final DataSource dataSource;

    private final JsonMapper json;

    ContactBatches(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Writes the contacts in one transaction. A number given twice is written once (the
     * first occurrence wins).
     */
    @Transactional
    public BatchResult upsert(List<NormalizedContact> contacts, BatchOptions options) {
        List<NormalizedContact> unique = firstOfEachNumber(contacts);
        if (unique.isEmpty()) {
            return BatchResult.NONE;
        }
        Connection connection = DataSourceUtils.getConnection(this.dataSource);
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute(STAGING);
            }
            copy(connection, unique);
            BatchResult written = upsertStaged(connection, options);
            return new BatchResult(written.created(), written.updated(),
                    contacts.size() - written.created() - written.updated());
        }
        catch (SQLException | IOException ex) {
            throw new IllegalStateException("Bulk write of " + contacts.size() + " contacts failed", ex);
        }
    }

    private static List<NormalizedContact> firstOfEachNumber(List<NormalizedContact> contacts) {
        Set<String> seen = new HashSet<>();
        List<NormalizedContact> unique = new ArrayList<>(contacts.size());
        for (NormalizedContact contact : contacts) {
            if (seen.add(contact.phone().e164())) {
                unique.add(contact);
            }
        }
        return unique;
    }

    private void copy(Connection connection, List<NormalizedContact> contacts) throws SQLException, IOException {
        CopyText rows = new CopyText(contacts.size() * 160);
        for (NormalizedContact contact : contacts) {
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
                .value(contact.attributes().isEmpty() ? "{}" : this.json.writeValueAsString(contact.attributes()))
                .endRow();
        }
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(rows.toString()));
    }

    private static BatchResult upsertStaged(Connection connection, BatchOptions options) throws SQLException {
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
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new BatchResult(result.getLong(1), result.getLong(2), 0);
            }
        }
    }

}

package org.smscampaign.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.smscampaign.money.ExchangeRates;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts by {@link ContactCriteria}: counts, samples, and streaming for exports and
 * launches.
 */
@Service
public class ContactQueries {

    /** Texts can reach them: subscribed, and the number is not a landline. */
    static final String REACHABLE = "c.consent_status = 'SUBSCRIBED' and c.phone_type <> '" + PhoneLine.LANDLINE + "'";

    private static final String SUBSCRIBED_LANDLINE = "c.consent_status = 'SUBSCRIBED' and c.phone_type = '"
            + PhoneLine.LANDLINE + "'";

    private final JdbcClient jdbc;

    private final CustomAttributes customAttributes;

    private final Clock clock;

    private final String currency;

    ContactQueries(JdbcClient jdbc, CustomAttributes customAttributes, Clock clock, ExchangeRates rates) {
        this.jdbc = jdbc;
        this.customAttributes = customAttributes;
        this.clock = clock;
        this.currency = rates.currency();
    }

    /**
     * Checks that the criteria compile.
     * @throws ContactProblem with the reason and the condition at fault
     */
    public void validate(ContactCriteria criteria) {
        compile(criteria);
    }

    @Transactional(readOnly = true)
    public AudienceCount count(ContactCriteria criteria) {
        CriteriaCompiler.Compiled compiled = compile(criteria);
        // Engagement rules join a million summary rows: keep the hash join in memory.
        this.jdbc.sql("set local work_mem = '64MB'").update();
        return this.jdbc
            .sql("select count(*) as matching, count(*) filter (where " + REACHABLE + ") as reachable, "
                    + "count(*) filter (where " + SUBSCRIBED_LANDLINE + ") as landlines "
                    + "from contact c where c.erased_at is null and " + compiled.sql())
            .params(compiled.params())
            .query((row, n) -> new AudienceCount(row.getLong("matching"), row.getLong("reachable"),
                    row.getLong("landlines")))
            .single();
    }

    /** Some matching contacts, newest first, to check a segment by eye. */
    @Transactional(readOnly = true)
    public List<ContactSummary> sample(ContactCriteria criteria, int limit) {
        CriteriaCompiler.Compiled compiled = compile(criteria);
        return this.jdbc
            .sql("select " + ContactRows.SUMMARY_COLUMNS + " from contact c where c.erased_at is null and "
                    + compiled.sql() + " order by c.id desc limit " + Math.max(1, Math.min(limit, 100)))
            .params(compiled.params())
            .query(ContactRows::summary)
            .list();
    }

    /**
     * Streams the matching contacts' rows (all columns of {@code contact c}) in id order,
     * without holding them in memory.
     */
    @Transactional(readOnly = true)
    public void forEachMatching(ContactCriteria criteria, boolean reachableOnly, RowHandler handler) {
        forEachMatching(criteria, reachableOnly, 0, handler);
    }

    /**
     * Streams the matching contacts with ids above {@code afterId} (a launch resumed
     * after a crash continues where it stopped).
     */
    @Transactional(readOnly = true)
    public void forEachMatching(ContactCriteria criteria, boolean reachableOnly, long afterId, RowHandler handler) {
        CriteriaCompiler.Compiled compiled = compile(criteria);
        this.jdbc
            .sql("select c.* from contact c where c.erased_at is null and c.id > " + afterId + " and " + compiled.sql()
                    + (reachableOnly ? " and " + REACHABLE : "") + " order by c.id")
            .params(compiled.params())
            .withFetchSize(2000)
            .query((ResultSet row) -> {
                handler.handle(row);
            });
    }

    /**
     * The first reachable contacts (rows of {@code contact c}, in id order) that match:
     * the composer's preview renders the text for a few real recipients.
     */
    @Transactional(readOnly = true)
    public void firstReachable(ContactCriteria criteria, int limit, RowHandler handler) {
        CriteriaCompiler.Compiled compiled = compile(criteria);
        this.jdbc
            .sql("select c.* from contact c where c.erased_at is null and " + compiled.sql() + " and " + REACHABLE
                    + " order by c.id limit " + Math.max(1, Math.min(limit, 100)))
            .params(compiled.params())
            .query((ResultSet row) -> {
                handler.handle(row);
            });
    }

    /**
     * The standard merge fields that at least one contact has a value for (the composer
     * offers only those); each probe stops at the first contact that has one.
     */
    @Transactional(readOnly = true)
    public List<String> filledFields() {
        String[][] probes = { { "first_name", "first_name" }, { "last_name", "last_name" }, { "city", "city" },
                { "country", "country" }, { "age", "birth_date" }, { "email", "email" } };
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < probes.length; i++) {
            sql.append((i > 0) ? ", " : "")
                .append("exists(select 1 from contact c where c.erased_at is null and c.")
                .append(probes[i][1])
                .append(" is not null) as ")
                .append(probes[i][0]);
        }
        return this.jdbc.sql(sql.toString()).query((row, n) -> {
            List<String> filled = new java.util.ArrayList<>();
            for (String[] probe : probes) {
                if (row.getBoolean(probe[0])) {
                    filled.add(probe[0]);
                }
            }
            return filled;
        }).single();
    }

    private CriteriaCompiler.Compiled compile(ContactCriteria criteria) {
        return CriteriaCompiler.compile(criteria, this.customAttributes.types(), LocalDate.now(this.clock),
                this.clock.instant(), this.currency);
    }

    /** Receives one row at a time. */
    @FunctionalInterface
    public interface RowHandler {

        void handle(ResultSet row) throws SQLException;

    }

}

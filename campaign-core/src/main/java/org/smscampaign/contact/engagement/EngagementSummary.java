package org.smscampaign.contact.engagement;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps what each contact last did (contact.last_sent_at, last_click_at, ...) up to date,
 * so behaviour rules in segments test the row a count scans anyway. Every few seconds it
 * reads the hits, conversions and replies written since its last run (by id) and the
 * messages sent or finished since then (by time), each with a margin for rows committed
 * late, into {@code contact_engagement_pending} together with how far it read (one
 * transaction), then writes the pending times onto the contacts in short batches. Raising
 * is idempotent, so reading a row twice is harmless. A batch never waits for a contact
 * another transaction holds (an import, a consent change): it skips it and the pending
 * row waits for the next run, so the summary is never half of a deadlock. What can move
 * back (a hit reclassified as a bot, a reply corrected, a brand that stops counting
 * browser conversions) is caught by the nightly rebuild, whose pending rows replace the
 * times instead of raising them. One instance works at a time (an advisory lock).
 */
@Component
public class EngagementSummary {

    private static final Logger log = LoggerFactory.getLogger(EngagementSummary.class);

    /** The advisory lock's key: "engaged" in ASCII. */
    private static final long LOCK = 0x656e6761676564L;

    /** Click ids carry their millisecond in the bits above 22 (ClickIds). */
    private static final long CLICK_MARGIN = Duration.ofMinutes(2).toMillis() << 22;

    private static final long ID_MARGIN = 10_000;

    private static final String MESSAGE_MARGIN = "interval '5 minutes'";

    /** Contacts written per transaction: short enough not to hold up imports. */
    private static final int BATCH = 20_000;

    private static final List<String> TIMES = List.of("last_sent_at", "last_delivered_at", "last_click_at",
            "last_conversion_at", "last_redeemed_at", "last_response_at", "last_query_at");

    /** Each time as the pending row {@code p} would leave it on contact {@code c}. */
    private static final String NEW_TIMES = TIMES.stream()
        .map((t) -> "case when p.overwrite then p." + t + " else greatest(c." + t + ", p." + t + ") end")
        .collect(Collectors.joining(", "));

    /** The contact's times set to what the pending row {@code p} leaves. */
    private static final String SET_TIMES = TIMES.stream()
        .map((t) -> t + " = case when p.overwrite then p." + t + " else greatest(c." + t + ", p." + t + ") end")
        .collect(Collectors.joining(", "));

    private static final String OLD_TIMES = TIMES.stream().map((t) -> "c." + t).collect(Collectors.joining(", "));

    /** The pending row would change the contact. */
    private static final String CHANGES = "(" + NEW_TIMES + ") is distinct from (" + OLD_TIMES + ")";

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    EngagementSummary(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${sms.contact.engagement.interval:10s}", initialDelay = 5_000)
    void run() {
        try {
            catchUp();
        }
        catch (RuntimeException ex) {
            log.warn("Updating the engagement summary failed: {}", ex.getMessage());
        }
    }

    @Scheduled(cron = "${sms.contact.engagement.rebuild-cron:0 30 3 * * *}")
    void nightly() {
        try {
            rebuild();
        }
        catch (RuntimeException ex) {
            log.warn("Rebuilding the engagement summary failed: {}", ex.getMessage());
        }
    }

    /**
     * Reads what was written since the last run and writes it onto the contacts; false
     * when another instance is at it.
     */
    public boolean catchUp() {
        return read(false) && write();
    }

    /**
     * Recomputes every contact's times from all messages, hits, replies and conversions.
     */
    public boolean rebuild() {
        return read(true) && write();
    }

    /**
     * Contacts whose times wait to be written (held by another transaction at the last
     * run, or not reached yet).
     */
    public long pending() {
        return this.jdbc.sql("select count(*) from contact_engagement_pending").query(Long.class).single();
    }

    private boolean read(boolean fromScratch) {
        Boolean done = this.transaction.execute((status) -> {
            if (!locked()) {
                return false;
            }
            if (fromScratch) {
                this.jdbc.sql("delete from contact_engagement_pending").update();
                this.jdbc.sql("update contact_engagement_progress set position = 0, read_at = null").update();
            }
            clicks();
            conversions();
            replies();
            messages();
            if (fromScratch) {
                // Everyone with a time now gets what was found (or nothing) instead.
                this.jdbc.sql("""
                        insert into contact_engagement_pending (contact_id, overwrite)
                        select c.id, true from contact c where c.erased_at is null and coalesce(%s) is not null
                        on conflict (contact_id) do update set overwrite = true""".formatted(OLD_TIMES)).update();
            }
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** Writes the pending rows onto the contacts, a batch per transaction. */
    private boolean write() {
        long after = 0;
        while (true) {
            long from = after;
            Long upTo = this.transaction.execute((status) -> locked() ? writeBatch(from) : null);
            if (upTo == null) {
                return false;
            }
            if (upTo <= from) {
                return true;
            }
            after = upTo;
        }
    }

    /** Writes the next batch after contact {@code after}; answers where it ended. */
    private long writeBatch(long after) {
        long upTo = this.jdbc.sql("""
                select coalesce(max(contact_id), :after) from (select contact_id from contact_engagement_pending
                where contact_id > :after order by contact_id limit :batch) next""")
            .param("after", after)
            .param("batch", BATCH)
            .query(Long.class)
            .single();
        if (upTo == after) {
            return after;
        }
        this.jdbc.sql("""
                update contact c set %s
                from contact_engagement_pending p
                where p.contact_id = c.id and p.contact_id > :after and p.contact_id <= :upTo
                  and c.id in (select c.id from contact c join contact_engagement_pending p on p.contact_id = c.id
                               where p.contact_id > :after and p.contact_id <= :upTo and c.erased_at is null and %s
                               for update of c skip locked)""".formatted(SET_TIMES, CHANGES))
            .param("after", after)
            .param("upTo", upTo)
            .update();
        // Done: written, nothing to change, or the contact is gone. Skipped ones stay.
        this.jdbc
            .sql("""
                    delete from contact_engagement_pending p
                    where p.contact_id > :after and p.contact_id <= :upTo
                      and not exists (select 1 from contact c where c.id = p.contact_id and c.erased_at is null and %s)"""
                .formatted(CHANGES))
            .param("after", after)
            .param("upTo", upTo)
            .update();
        return upTo;
    }

    private boolean locked() {
        return this.jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", LOCK).query(Boolean.class).single();
    }

    private Map<String, Object> progress(String source) {
        return this.jdbc.sql("select position, read_at from contact_engagement_progress where source = :s for update")
            .param("s", source)
            .query()
            .singleRow();
    }

    private void clicks() {
        long position = ((Number) progress("CLICKS").get("position")).longValue();
        long top = this.jdbc.sql("select coalesce(max(id), :p) from link_click where id > :p")
            .param("p", position)
            .query(Long.class)
            .single();
        this.jdbc.sql("""
                insert into contact_engagement_pending (contact_id, last_click_at)
                select l.contact_id, max(k.occurred_at) from link_click k join short_link l on l.id = k.link_id
                where k.id > :from and k.id <= :top and k.human and l.contact_id is not null group by l.contact_id
                on conflict (contact_id) do update
                set last_click_at = greatest(contact_engagement_pending.last_click_at, excluded.last_click_at)""")
            .param("from", (position == 0) ? 0 : position - CLICK_MARGIN)
            .param("top", top)
            .update();
        advance("CLICKS", top);
    }

    private void conversions() {
        long position = ((Number) progress("CONVERSIONS").get("position")).longValue();
        long top = this.jdbc.sql("select coalesce(max(id), :p) from conversion where id > :p")
            .param("p", position)
            .query(Long.class)
            .single();
        this.jdbc
            .sql("""
                    insert into contact_engagement_pending (contact_id, last_conversion_at, last_redeemed_at)
                    select v.contact_id, max(v.occurred_at), max(v.occurred_at) filter (where v.coupon_code is not null)
                    from counted_conversion v
                    where v.id > :from and v.id <= :top and v.contact_id is not null group by v.contact_id
                    on conflict (contact_id) do update
                    set last_conversion_at = greatest(contact_engagement_pending.last_conversion_at, excluded.last_conversion_at),
                        last_redeemed_at = greatest(contact_engagement_pending.last_redeemed_at, excluded.last_redeemed_at)""")
            .param("from", Math.max(0, position - ID_MARGIN))
            .param("top", top)
            .update();
        advance("CONVERSIONS", top);
    }

    private void replies() {
        long position = ((Number) progress("REPLIES").get("position")).longValue();
        long top = this.jdbc.sql("select coalesce(max(id), :p) from inbound_message where id > :p")
            .param("p", position)
            .query(Long.class)
            .single();
        this.jdbc.sql("""
                insert into contact_engagement_pending (contact_id, last_response_at, last_query_at)
                select i.contact_id, max(i.received_at) filter (where i.kind in ('KEYWORD', 'QUERY', 'OTHER')),
                       max(i.received_at) filter (where i.kind = 'QUERY')
                from inbound_message i
                where i.id > :from and i.id <= :top and i.contact_id is not null
                  and i.kind in ('KEYWORD', 'QUERY', 'OTHER')
                group by i.contact_id
                on conflict (contact_id) do update
                set last_response_at = greatest(contact_engagement_pending.last_response_at, excluded.last_response_at),
                    last_query_at = greatest(contact_engagement_pending.last_query_at, excluded.last_query_at)""")
            .param("from", Math.max(0, position - ID_MARGIN))
            .param("top", top)
            .update();
        advance("REPLIES", top);
    }

    private void messages() {
        Object readAt = progress("MESSAGES").get("read_at");
        String since = (readAt == null) ? "" : " and (m.sent_at > cast(:since as timestamptz) - " + MESSAGE_MARGIN
                + " or m.final_at > cast(:since as timestamptz) - " + MESSAGE_MARGIN + ")";
        JdbcClient.StatementSpec statement = this.jdbc.sql("""
                insert into contact_engagement_pending (contact_id, last_sent_at, last_delivered_at)
                select m.contact_id,
                       max(m.sent_at) filter (where m.status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED')),
                       max(m.sent_at) filter (where m.status = 'DELIVERED')
                from outbound_message m
                where m.contact_id is not null and m.sent_at is not null""" + since
                + """

                        group by m.contact_id
                        having max(m.sent_at) filter (where m.status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED'))
                            is not null
                        on conflict (contact_id) do update
                        set last_sent_at = greatest(contact_engagement_pending.last_sent_at, excluded.last_sent_at),
                            last_delivered_at = greatest(contact_engagement_pending.last_delivered_at, excluded.last_delivered_at)""");
        if (readAt != null) {
            statement = statement.param("since", readAt);
        }
        // Read before the scan: what commits meanwhile is newer than this.
        Object now = this.jdbc.sql("select transaction_timestamp()").query().singleValue();
        statement.update();
        this.jdbc.sql("update contact_engagement_progress set read_at = :at where source = 'MESSAGES'")
            .param("at", now)
            .update();
    }

    private void advance(String source, long position) {
        this.jdbc.sql("update contact_engagement_progress set position = :p where source = :s")
            .param("p", position)
            .param("s", source)
            .update();
    }

}

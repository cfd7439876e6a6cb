package org.smscampaign.contact.engagement;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code contact_engagement} (what each contact last did) up to date: every few
 * seconds it reads the hits, conversions and replies written since its last run (by id)
 * and the messages sent or finished since then (by time), each with a margin for rows
 * committed late, and raises the per-contact times. Raising is idempotent, so reading a
 * row twice is harmless. What can move back (a hit reclassified as a bot, a reply
 * corrected, a brand that stops counting browser conversions) is caught by the daily
 * rebuild. One instance works at a time (an advisory lock).
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
     * Reads what was written since the last run; false when another instance is at it.
     */
    public boolean catchUp() {
        return locked(false);
    }

    /**
     * Recomputes every contact's row from all messages, hits, replies and conversions.
     */
    public boolean rebuild() {
        return locked(true);
    }

    private boolean locked(boolean fromScratch) {
        Boolean done = this.transaction.execute((status) -> {
            if (!this.jdbc.sql("select pg_try_advisory_xact_lock(:key)")
                .param("key", LOCK)
                .query(Boolean.class)
                .single()) {
                return false;
            }
            if (fromScratch) {
                this.jdbc.sql("delete from contact_engagement").update();
                this.jdbc.sql("update contact_engagement_progress set position = 0, read_at = null").update();
            }
            clicks();
            conversions();
            replies();
            messages();
            return true;
        });
        return Boolean.TRUE.equals(done);
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
                insert into contact_engagement (contact_id, last_click_at)
                select l.contact_id, max(k.occurred_at) from link_click k join short_link l on l.id = k.link_id
                where k.id > :from and k.id <= :top and k.human and l.contact_id is not null group by l.contact_id
                on conflict (contact_id) do update
                set last_click_at = greatest(contact_engagement.last_click_at, excluded.last_click_at)""")
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
        this.jdbc.sql("""
                insert into contact_engagement (contact_id, last_conversion_at, last_redeemed_at)
                select v.contact_id, max(v.occurred_at), max(v.occurred_at) filter (where v.coupon_code is not null)
                from counted_conversion v
                where v.id > :from and v.id <= :top and v.contact_id is not null group by v.contact_id
                on conflict (contact_id) do update
                set last_conversion_at = greatest(contact_engagement.last_conversion_at, excluded.last_conversion_at),
                    last_redeemed_at = greatest(contact_engagement.last_redeemed_at, excluded.last_redeemed_at)""")
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
                insert into contact_engagement (contact_id, last_response_at, last_query_at)
                select i.contact_id, max(i.received_at) filter (where i.kind in ('KEYWORD', 'QUERY', 'OTHER')),
                       max(i.received_at) filter (where i.kind = 'QUERY')
                from inbound_message i
                where i.id > :from and i.id <= :top and i.contact_id is not null
                  and i.kind in ('KEYWORD', 'QUERY', 'OTHER')
                group by i.contact_id
                on conflict (contact_id) do update
                set last_response_at = greatest(contact_engagement.last_response_at, excluded.last_response_at),
                    last_query_at = greatest(contact_engagement.last_query_at, excluded.last_query_at)""")
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
                insert into contact_engagement (contact_id, last_sent_at, last_delivered_at)
                select m.contact_id,
                       max(m.sent_at) filter (where m.status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED')),
                       max(m.sent_at) filter (where m.status = 'DELIVERED')
                from outbound_message m
                where m.contact_id is not null and m.sent_at is not null""" + since + """

                group by m.contact_id
                having max(m.sent_at) filter (where m.status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED'))
                    is not null
                on conflict (contact_id) do update
                set last_sent_at = greatest(contact_engagement.last_sent_at, excluded.last_sent_at),
                    last_delivered_at = greatest(contact_engagement.last_delivered_at, excluded.last_delivered_at)""");
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

package org.smscampaign.messaging.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.smscampaign.messaging.Attribution;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.SendWindow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every change of an outbound message's status, in SQL: the one place its lifecycle is
 * written. Workers claim with {@code FOR UPDATE SKIP LOCKED} and a lease on the database
 * clock; each change a worker makes is fenced by the version it claimed; the history of
 * each message is written in the same statement as its change.
 */
@Component
public class MessageStore {

    private static final String RETURNING = """
            returning m.id, m.status, m.error_code, m.price, m.price_unit, m.channel, m.campaign_id, m.contact_id,
                m.variant, m.to_number, coalesce(m.chain_root_id, case when m.chain_id is not null then m.id end)
                    as chain_root""";

    private static final String WITHDRAWN = "an earlier channel delivered";

    private final JdbcClient jdbc;

    MessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} due messages of a sender for a worker. Messages of
     * paused campaigns stay where they are.
     */
    List<Claimed> claim(String sender, String owner, int limit, Duration lease) {
        return this.jdbc.sql("""
                with due as (
                    select m.id from outbound_message m
                    where m.status = 'QUEUED' and m.sender = :sender and m.due_at <= now()
                      and (m.campaign_id is null
                           or not exists (select 1 from dispatch_pause p
                                       where p.campaign_id = m.campaign_id and p.resumed_at is null))
                    order by m.due_at
                    limit :limit
                    for update of m skip locked)
                update outbound_message m
                set status = 'CLAIMED', lease_owner = :owner, lease_until = now() + :lease * interval '1 millisecond',
                    version = m.version + 1
                from due where m.id = due.id
                returning m.id, m.version, m.channel, m.to_number, m.body, m.segments, m.attempts, m.window_zone,
                    m.window_start, m.window_end, m.window_days, m.window_policy, m.campaign_id, m.contact_id,
                    m.variant, m.content_sid, m.content_variables,
                    (extract(epoch from m.lease_until - now()) * 1000)::bigint as lease_left""")
            .param("sender", sender)
            .param("owner", owner)
            .param("limit", limit)
            .param("lease", lease.toMillis())
            .query(MessageStore::claimed)
            .list();
    }

    private static Claimed claimed(ResultSet row, int n) throws SQLException {
        String zone = row.getString("window_zone");
        SendWindow window = (zone != null) ? SendWindow.of(zone, row.getInt("window_start"), row.getInt("window_end"),
                row.getInt("window_days"), row.getString("window_policy")) : null;
        return new Claimed(row.getLong("id"), row.getInt("version"), Channel.valueOf(row.getString("channel")),
                row.getString("to_number"), row.getString("body"), row.getInt("segments"), row.getInt("attempts"),
                window, attribution(row), row.getLong("lease_left"), template(row));
    }

    private static org.smscampaign.messaging.TemplateContent template(ResultSet row) throws SQLException {
        String sid = row.getString("content_sid");
        return (sid != null) ? new org.smscampaign.messaging.TemplateContent(sid, row.getString("content_variables"))
                : null;
    }

    private static Attribution attribution(ResultSet row) throws SQLException {
        return new Attribution(row.getObject("campaign_id", Long.class), row.getObject("contact_id", Long.class),
                row.getString("variant"));
    }

    /**
     * Outcome of {@link #startSending}: what may be sent now, what turned out suppressed.
     */
    record Start(List<Long> sending, List<Transition> suppressed) {

    }

    /**
     * Marks held messages as being sent, just before the provider is called: only those
     * still held by this worker with enough lease left, and whose number is not
     * suppressed (an opt-out that arrived since the claim wins). The others are not sent.
     */
    Start startSending(Collection<Claimed> messages, Duration margin) {
        long[] ids = messages.stream().mapToLong(Claimed::id).toArray();
        int[] versions = messages.stream().mapToInt(Claimed::version).toArray();
        List<Long> sending = new ArrayList<>();
        List<Transition> suppressed = new ArrayList<>();
        this.jdbc
            .sql("""
                    with batch as (select * from unnest(cast(:ids as bigint[]), cast(:versions as int[])) as b(id, version)),
                    suppressed as (
                        update outbound_message m set status = 'SUPPRESSED', final_at = now(), lease_owner = null,
                            lease_until = null, version = m.version + 1
                        from batch b
                        where m.id = b.id and m.version = b.version and m.status = 'CLAIMED'
                          and exists (select 1 from suppression s where s.phone = m.to_number)
                        returning m.*),
                    logged as (
                        insert into message_event (message_id, status, detail, source)
                        select id, 'SUPPRESSED', 'the number opted out before sending', 'GATEWAY' from suppressed),
                    sending as (
                        update outbound_message m set status = 'SENDING', sending_at = now(), attempts = m.attempts + 1,
                            version = m.version + 1
                        from batch b
                        where m.id = b.id and m.version = b.version and m.status = 'CLAIMED'
                          and m.lease_until > now() + :margin * interval '1 millisecond'
                          and not exists (select 1 from suppression s where s.phone = m.to_number)
                        returning m.id)
                    select id, 'SENDING' as status, null as channel, null::bigint as campaign_id, null::bigint as contact_id,
                        null as variant, null as to_number, null::bigint as chain_root from sending
                    union all
                    select id, 'SUPPRESSED', channel, campaign_id, contact_id, variant, to_number,
                        coalesce(chain_root_id, case when chain_id is not null then id end) from suppressed""")
            .param("ids", ids)
            .param("versions", versions)
            .param("margin", margin.toMillis())
            .query((row, n) -> {
                if ("SENDING".equals(row.getString("status"))) {
                    sending.add(row.getLong("id"));
                }
                else {
                    suppressed.add(new Transition(row.getLong("id"), MessageStatus.SUPPRESSED, null, null, null,
                            Channel.valueOf(row.getString("channel")), attribution(row), row.getString("to_number"),
                            row.getObject("chain_root", Long.class), null));
                }
                return null;
            })
            .list();
        return new Start(sending, suppressed);
    }

    /**
     * Stores how sending ended. Fenced by the version the worker holds; a message the
     * lease sweep already declared UNKNOWN takes the late answer too (it is the
     * provider's word). A status a callback already moved further is kept; the provider's
     * id is stored anyway.
     */
    List<Transition> complete(List<Completion> completions) {
        if (completions.isEmpty()) {
            return List.of();
        }
        int n = completions.size();
        long[] ids = new long[n];
        int[] versions = new int[n];
        String[] statuses = new String[n];
        String[] sids = new String[n];
        Integer[] codes = new Integer[n];
        String[] details = new String[n];
        String[] prices = new String[n];
        String[] units = new String[n];
        String[] retries = new String[n];
        for (int i = 0; i < n; i++) {
            Completion c = completions.get(i);
            ids[i] = c.id();
            versions[i] = c.version();
            statuses[i] = c.status().name();
            sids[i] = c.sid();
            codes[i] = c.errorCode();
            details[i] = truncate(c.detail(), 255);
            prices[i] = (c.price() != null) ? c.price().toPlainString() : null;
            units[i] = c.priceUnit();
            retries[i] = (c.retryAt() != null) ? c.retryAt().toString() : null;
        }
        return this.jdbc.sql("""
                with c as (
                    select * from unnest(cast(:ids as bigint[]), cast(:versions as int[]), cast(:statuses as varchar[]),
                        cast(:sids as varchar[]), cast(:codes as int[]), cast(:details as varchar[]),
                        cast(:prices as numeric[]), cast(:units as varchar[]), cast(:retries as timestamptz[]))
                        as c(id, version, status, sid, error_code, detail, price, price_unit, retry_at)),
                changed as (
                    update outbound_message m set
                        status = case when m.status in ('SENDING', 'UNKNOWN') then c.status else m.status end,
                        provider_sid = coalesce(m.provider_sid, c.sid),
                        error_code = coalesce(c.error_code, m.error_code),
                        error_detail = coalesce(c.detail, m.error_detail),
                        price = coalesce(c.price, m.price),
                        price_unit = coalesce(c.price_unit, m.price_unit),
                        due_at = coalesce(c.retry_at, m.due_at),
                        sent_at = case when c.sid is not null then coalesce(m.sent_at, now()) else m.sent_at end,
                        final_at = case when m.status in ('SENDING', 'UNKNOWN') and c.status in ('FAILED', 'SUPPRESSED')
                            then now() else m.final_at end,
                        lease_owner = null, lease_until = null, version = m.version + 1
                    from c
                    where m.id = c.id and (m.version = c.version or m.status = 'UNKNOWN')
                      and m.status in ('SENDING', 'UNKNOWN', 'ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED')
                    returning m.*, c.status as reported, c.detail as reported_detail, m.status = c.status as applied),
                logged as (
                    insert into message_event (message_id, status, error_code, detail, source)
                    select id, reported, error_code, reported_detail, 'GATEWAY' from changed)
                select * from changed m""")
            .param("ids", ids)
            .param("versions", versions)
            .param("statuses", statuses)
            .param("sids", sids)
            .param("codes", codes)
            .param("details", details)
            .param("prices", prices)
            .param("units", units)
            .param("retries", retries)
            .query((row, i) -> row.getBoolean("applied") ? transition(row, i) : null)
            .list()
            .stream()
            .filter(java.util.Objects::nonNull)
            .toList();
    }

    private static Transition transition(ResultSet row, int n) throws SQLException {
        Long root = row.getObject("chain_root_id", Long.class);
        if (root == null && row.getObject("chain_id") != null) {
            root = row.getLong("id");
        }
        return new Transition(row.getLong("id"), MessageStatus.valueOf(row.getString("status")),
                row.getObject("error_code", Integer.class), row.getBigDecimal("price"), row.getString("price_unit"),
                Channel.valueOf(row.getString("channel")), attribution(row), row.getString("to_number"), root,
                row.getString("window_zone"));
    }

    /**
     * Puts held messages back for later: outside the recipient's window (HOLD) or after a
     * transient error. Not an attempt.
     */
    List<Transition> release(List<Claimed> messages, List<Instant> dueAgain, String detail) {
        if (messages.isEmpty()) {
            return List.of();
        }
        return this.jdbc.sql("""
                with c as (select * from unnest(cast(:ids as bigint[]), cast(:versions as int[]),
                        cast(:due as timestamptz[])) as c(id, version, due_at)),
                changed as (
                    update outbound_message m set status = 'QUEUED', due_at = c.due_at, lease_owner = null,
                        lease_until = null, version = m.version + 1
                    from c where m.id = c.id and m.version = c.version and m.status = 'CLAIMED'
                    returning m.*),
                logged as (
                    insert into message_event (message_id, status, detail, source)
                    select id, 'QUEUED', :detail, 'GATEWAY' from changed)
                select * from changed""")
            .param("ids", messages.stream().mapToLong(Claimed::id).toArray())
            .param("versions", messages.stream().mapToInt(Claimed::version).toArray())
            .param("due", dueAgain.stream().map(Instant::toString).toArray(String[]::new))
            .param("detail", detail)
            .query(MessageStore::transition)
            .list();
    }

    /** Ends held messages without sending them (outside the window with SKIP). */
    List<Transition> finishUnsent(List<Claimed> messages, MessageStatus status, String detail) {
        if (messages.isEmpty()) {
            return List.of();
        }
        return this.jdbc.sql("""
                with c as (select * from unnest(cast(:ids as bigint[]), cast(:versions as int[])) as c(id, version)),
                changed as (
                    update outbound_message m set status = :status, final_at = now(), lease_owner = null,
                        lease_until = null, version = m.version + 1
                    from c where m.id = c.id and m.version = c.version and m.status = 'CLAIMED'
                    returning m.*),
                logged as (
                    insert into message_event (message_id, status, detail, source)
                    select id, :status, :detail, 'GATEWAY' from changed)
                select * from changed""")
            .param("ids", messages.stream().mapToLong(Claimed::id).toArray())
            .param("versions", messages.stream().mapToInt(Claimed::version).toArray())
            .param("status", status.name())
            .param("detail", detail)
            .query(MessageStore::transition)
            .list();
    }

    /**
     * Expired leases: unsent claims go back to the queue; sends in flight become UNKNOWN.
     */
    record Recovered(int requeued, List<Transition> unknown) {

    }

    Recovered recoverExpiredLeases() {
        int requeued = this.jdbc.sql("""
                with changed as (
                    update outbound_message set status = 'QUEUED', lease_owner = null, lease_until = null,
                        version = version + 1
                    where status = 'CLAIMED' and lease_until < now()
                    returning id)
                insert into message_event (message_id, status, detail, source)
                select id, 'QUEUED', 'the worker holding it stopped before sending', 'GATEWAY' from changed""")
            .update();
        List<Transition> unknown = this.jdbc.sql("""
                with changed as (
                    update outbound_message m set status = 'UNKNOWN', lease_owner = null, lease_until = null,
                        version = m.version + 1
                    where m.status = 'SENDING' and m.lease_until < now()
                    returning m.*),
                logged as (
                    insert into message_event (message_id, status, detail, source)
                    select id, 'UNKNOWN', 'the worker sending it stopped before recording the outcome', 'GATEWAY'
                    from changed)
                select * from changed""").query(MessageStore::transition).list();
        return new Recovered(requeued, unknown);
    }

    /** A message waiting for reconciliation. */
    record Unknown(long id, int version, Channel channel, String sender, String to, String body, Instant attemptedAt,
            int attempts) {

    }

    List<Unknown> unknownSince(Duration age, int limit) {
        return this.jdbc.sql("""
                select id, version, channel, sender, to_number, body, sending_at, attempts from outbound_message
                where status = 'UNKNOWN' and sending_at < now() - :age * interval '1 millisecond'
                order by sending_at limit :limit""")
            .param("age", age.toMillis())
            .param("limit", limit)
            .query((row, n) -> new Unknown(row.getLong("id"), row.getInt("version"),
                    Channel.valueOf(row.getString("channel")), row.getString("sender"), row.getString("to_number"),
                    row.getString("body"), row.getTimestamp("sending_at").toInstant(), row.getInt("attempts")))
            .list();
    }

    /**
     * Settles an UNKNOWN message: found at the provider, or not (queued again or failed).
     */
    Optional<Transition> settleUnknown(long id, MessageStatus status, String sid, String detail) {
        return this.jdbc
            .sql("""
                    with changed as (
                        update outbound_message m set status = :status, provider_sid = coalesce(cast(:sid as varchar), m.provider_sid),
                            sent_at = case when cast(:sid as varchar) is not null then coalesce(m.sent_at, m.sending_at) else m.sent_at end,
                            final_at = case when cast(:status as varchar) = 'FAILED' then now() else m.final_at end,
                            due_at = case when cast(:status as varchar) = 'QUEUED' then now() else m.due_at end,
                            version = m.version + 1
                        where m.id = :id and m.status = 'UNKNOWN'
                        returning m.*),
                    logged as (
                        insert into message_event (message_id, status, detail, source)
                        select id, :status, :detail, 'GATEWAY' from changed)
                    select * from changed""")
            .param("id", id)
            .param("status", status.name())
            .param("sid", sid)
            .param("detail", truncate(detail, 255))
            .query(MessageStore::transition)
            .optional();
    }

    /**
     * A status report applied, how long after sending it came, and the later steps of its
     * cascade it withdrew.
     */
    record Reported(Transition transition, Duration lag, List<Transition> withdrawn) {

    }

    /**
     * Applies a provider's status report: only forward, never out of a final status (a
     * late "sent" after "delivered" changes nothing; a duplicate changes nothing). A
     * delivered step of a cascade withdraws the later steps not gone out yet in the same
     * statement: a crash never leaves them to be sent too, and a receipt costs no
     * transaction.
     */
    Optional<Reported> report(long id, MessageStatus status, String sid, Integer errorCode) {
        List<String> earlier = new ArrayList<>();
        for (MessageStatus candidate : MessageStatus.values()) {
            if (candidate.mayBecome(status)) {
                earlier.add(candidate.name());
            }
        }
        List<Object[]> rows = this.jdbc.sql("""
                with changed as (
                    update outbound_message m set status = :status, provider_sid = coalesce(m.provider_sid, :sid),
                        error_code = coalesce(:code, m.error_code),
                        sent_at = coalesce(m.sent_at, now()),
                        final_at = case when :final then now() else m.final_at end
                    where m.id = :id and m.status = any(cast(:earlier as varchar[]))
                    returning m.*),
                logged as (
                    insert into message_event (message_id, status, error_code, source)
                    select id, :status, :code, 'PROVIDER' from changed),
                outdone as (
                    update outbound_message l set status = 'CANCELED', final_at = now(), lease_owner = null,
                        lease_until = null, version = l.version + 1
                    from changed c
                    where c.status = 'DELIVERED' and c.chain_id is not null
                      and l.chain_root_id = coalesce(c.chain_root_id, c.id) and l.id <> c.id
                      and l.status in ('QUEUED', 'CLAIMED')
                    returning l.*),
                outdone_logged as (
                    insert into message_event (message_id, status, detail, source)
                    select id, 'CANCELED', :withdrawn, 'GATEWAY' from outdone)
                select c.*, (extract(epoch from now() - c.sending_at) * 1000)::bigint as lag, false as withdrawal
                from changed c
                union all
                select o.*, null, true from outdone o""")
            .param("id", id)
            .param("status", status.name())
            .param("sid", sid)
            .param("code", errorCode)
            .param("final", status.terminal())
            .param("earlier", earlier.toArray(String[]::new))
            .param("withdrawn", WITHDRAWN)
            .query((row,
                    n) -> new Object[] { transition(row, n), row.getBoolean("withdrawal"),
                            (row.getObject("lag") != null) ? Duration.ofMillis(row.getLong("lag")) : null })
            .list();
        Reported reported = null;
        List<Transition> withdrawn = new ArrayList<>();
        for (Object[] row : rows) {
            if ((Boolean) row[1]) {
                withdrawn.add((Transition) row[0]);
            }
            else {
                reported = new Reported((Transition) row[0], (Duration) row[2], withdrawn);
            }
        }
        return Optional.ofNullable(reported);
    }

    /**
     * Stamps a delivered message read, once (read receipts never move back, and a late
     * "delivered" leaves it read).
     */
    java.util.Optional<Long> markRead(long id) {
        return this.jdbc.sql("""
                with marked as (
                    update outbound_message set read_at = now()
                    where id = :id and status = 'DELIVERED' and read_at is null
                    returning id, campaign_id),
                logged as (
                    insert into message_event (message_id, status, detail, source)
                    select id, 'DELIVERED', 'read by the recipient', 'PROVIDER' from marked)
                select coalesce(campaign_id, 0) from marked""").param("id", id).query(Long.class).optional();
    }

    boolean exists(long id) {
        return this.jdbc.sql("select exists (select 1 from outbound_message where id = :id)")
            .param("id", id)
            .query(Boolean.class)
            .single();
    }

    /** Withdraws the waiting messages to a number that opted out. */
    List<Transition> suppressWaiting(String phone, String detail) {
        return withdraw("m.to_number = :key", phone, MessageStatus.SUPPRESSED, detail, "GATEWAY");
    }

    /**
     * Fails the waiting messages to a number on one channel (its consent there was
     * withdrawn): failed, not cancelled, so a cascade hands on to its next channel.
     */
    List<Transition> failWaitingOnChannel(String phone, org.smscampaign.messaging.Channel channel, String detail) {
        return withdraw("m.to_number = :key and m.channel = '" + channel.name() + "'", phone, MessageStatus.FAILED,
                detail, "GATEWAY");
    }

    /**
     * Withdraws the waiting messages to numbers that may no longer be texted at all (the
     * person unsubscribed or was erased).
     */
    List<Transition> suppressWaiting(Collection<String> phones, String detail) {
        return withdraw("m.to_number = any(cast(:key as varchar[]))", phones.toArray(String[]::new),
                MessageStatus.SUPPRESSED, detail, "GATEWAY");
    }

    /** As {@link #failWaitingOnChannel(String, Channel, String)}, for many. */
    List<Transition> failWaitingOnChannel(Collection<String> phones, Channel channel, String detail) {
        return withdraw("m.to_number = any(cast(:key as varchar[])) and m.channel = '" + channel.name() + "'",
                phones.toArray(String[]::new), MessageStatus.FAILED, detail, "GATEWAY");
    }

    /** Withdraws the waiting messages of a campaign. */
    List<Transition> cancelCampaign(long campaignId, String detail) {
        return withdraw("m.campaign_id = :key", campaignId, MessageStatus.CANCELED, detail, "OPERATOR");
    }

    /** Withdraws the later steps of a recipient's cascade that have not gone out yet. */
    List<Transition> cancelLaterSteps(long chainRoot) {
        return withdraw("m.chain_root_id = :key", chainRoot, MessageStatus.CANCELED, WITHDRAWN, "GATEWAY");
    }

    /**
     * Withdraws steps not gone out yet whose cascade an earlier step delivered after they
     * were queued, as {@link #cancelLaterSteps} would have (a crash came between). A step
     * queued after the delivery (not read in time) stays. Few rows: later steps waiting.
     */
    List<Transition> cancelOutdoneSteps(int limit) {
        return this.jdbc.sql("""
                with outdone as (
                    select l.id from outbound_message l
                    where l.chain_root_id is not null and l.status in ('QUEUED', 'CLAIMED')
                      and exists (select 1 from outbound_message d
                                  where (d.id = l.chain_root_id or d.chain_root_id = l.chain_root_id)
                                    and d.status = 'DELIVERED' and coalesce(d.chain_step, 0) < l.chain_step
                                    and d.final_at >= l.created_at)
                    limit :limit
                    for update of l skip locked),
                changed as (
                    update outbound_message m set status = 'CANCELED', final_at = now(), lease_owner = null,
                        lease_until = null, version = m.version + 1
                    from outdone where m.id = outdone.id and m.status in ('QUEUED', 'CLAIMED')
                    returning m.*),
                logged as (
                    insert into message_event (message_id, status, detail, source)
                    select id, 'CANCELED', :detail, 'GATEWAY' from changed)
                select * from changed""")
            .param("limit", limit)
            .param("detail", WITHDRAWN)
            .query(MessageStore::transition)
            .list();
    }

    /**
     * Ends the messages that have not gone out yet (queued or claimed), with their
     * history.
     */
    private List<Transition> withdraw(String which, Object key, MessageStatus status, String detail, String source) {
        return this.jdbc.sql("""
                with changed as (
                    update outbound_message m set status = :status, final_at = now(), lease_owner = null,
                        lease_until = null, version = m.version + 1,
                        error_detail = case when :status = 'FAILED' then :detail else m.error_detail end
                    where %s and m.status in ('QUEUED', 'CLAIMED')
                    returning m.*),
                logged as (
                    insert into message_event (message_id, status, detail, source)
                    select id, :status, :detail, :source from changed)
                select * from changed""".formatted(which))
            .param("key", key)
            .param("status", status.name())
            .param("detail", truncate(detail, 255))
            .param("source", source)
            .query(MessageStore::transition)
            .list();
    }

    /** Queue depth and the age of the oldest due message, per sender. */
    Map<String, long[]> queueBySender() {
        Map<String, long[]> queues = new LinkedHashMap<>();
        this.jdbc.sql("""
                select sender, count(*) as depth,
                    coalesce(extract(epoch from now() - min(due_at)) * 1000, 0)::bigint as oldest
                from outbound_message where status = 'QUEUED' and due_at <= now() group by sender""")
            .query((row, n) -> queues.put(row.getString("sender"),
                    new long[] { row.getLong("depth"), Math.max(0, row.getLong("oldest")) }))
            .list();
        return queues;
    }

    static String truncate(String text, int length) {
        return (text == null || text.length() <= length) ? text : text.substring(0, length);
    }

}

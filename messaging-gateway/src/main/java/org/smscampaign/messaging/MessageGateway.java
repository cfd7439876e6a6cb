package org.smscampaign.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.smscampaign.messaging.dispatch.MessageQueue;
import org.smscampaign.messaging.dispatch.MessageStoreAccess;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gateway's application service: messages in (bulk, idempotent), their status and
 * history out, campaigns paused, resumed or cancelled, cost by channel.
 */
@Service
public class MessageGateway {

    private final MessageQueue queue;

    private final MessageStoreAccess store;

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final CustomerWindows windows;

    MessageGateway(MessageQueue queue, MessageStoreAccess store, JdbcClient jdbc, ApplicationEventPublisher events,
            Clock clock, CustomerWindows windows) {
        this.windows = windows;
        this.queue = queue;
        this.store = store;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Reserves ids for messages about to be enqueued (so their links can name them). */
    public long[] reserveIds(int count) {
        return this.queue.reserveIds(count);
    }

    /**
     * Enqueues messages; enqueueing a key again adds nothing. Returns each key's message
     * id.
     */
    @Transactional
    public Map<String, Long> enqueue(List<MessageRequest> requests) {
        return this.queue.enqueue(requests);
    }

    /**
     * Sends one text now (a test message, an answer) on the channel of its sender:
     * segments counted from the text, no window, no campaign. The number must be in
     * E.164.
     */
    public long send(String to, String body, String sender) {
        return send(to, body, sender, null);
    }

    /**
     * Sends one message now on the channel of its sender, as free text or as an approved
     * template ({@code body} then its rendering for people to read). Free text on
     * WhatsApp needs the person's customer-service window open.
     * @throws OutsideCustomerWindow free text on WhatsApp outside the 24-hour window
     */
    public long send(String to, String body, String sender, TemplateContent template) {
        if (!this.queue.knowsSender(sender)) {
            throw new IllegalArgumentException("No sender '" + sender + "' is configured");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("The message has no text");
        }
        if (body.length() > 1600) {
            throw new IllegalArgumentException("A message has at most 1,600 characters");
        }
        Channel channel = this.queue.channelOf(sender);
        String number = Channel.number(to);
        if (template == null && !this.windows.open(channel, number)) {
            throw new OutsideCustomerWindow(number);
        }
        String key = "single:" + java.util.UUID.randomUUID();
        return this.queue
            .enqueue(List.of(new MessageRequest(null, key, channel, sender, number, body, SmsText.of(body).segments(),
                    this.clock.instant(), null, Attribution.NONE, List.of(), template, List.of())))
            .get(key);
    }

    /**
     * Queues a person's answer from the inbox on a sender (its channel), due at the given
     * moment and held to the recipient's window; attributed to the contact, to no
     * campaign. Free text on WhatsApp needs the customer-service window open now.
     * @throws OutsideCustomerWindow free text on WhatsApp outside the 24-hour window
     */
    public long answer(String to, String body, String sender, java.time.Instant dueAt, SendWindow window,
            Long contactId, String by) {
        return answer(to, body, sender, dueAt, window, contactId, by, null);
    }

    /**
     * As
     * {@link #answer(String, String, String, java.time.Instant, SendWindow, Long, String)},
     * once per request key: the same key again (a double click, a client's retry) queues
     * nothing more and returns the first answer's id.
     * @param requestKey the caller's key of this answer (letters, digits, dashes), or
     * null
     */
    public long answer(String to, String body, String sender, java.time.Instant dueAt, SendWindow window,
            Long contactId, String by, String requestKey) {
        if (!this.queue.knowsSender(sender)) {
            throw new IllegalArgumentException("No sender '" + sender + "' is configured");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("text: the answer has no text");
        }
        if (body.length() > 1600) {
            throw new IllegalArgumentException("text: an answer has at most 1,600 characters");
        }
        Channel channel = this.queue.channelOf(sender);
        String number = Channel.number(to);
        if (!this.windows.open(channel, number)) {
            throw new OutsideCustomerWindow(number);
        }
        String once = (requestKey != null && requestKey.matches("[A-Za-z0-9-]{8,64}")) ? requestKey
                : java.util.UUID.randomUUID().toString();
        String key = org.smscampaign.messaging.inbox.ConversationStore.ANSWER_KEY + by + ":" + once;
        return this.queue
            .enqueue(List.of(new MessageRequest(null, key, channel, sender, number, body, SmsText.of(body).segments(),
                    dueAt, window, new Attribution(null, contactId, null), List.of())))
            .get(key);
    }

    /** The channel a configured sender sends on. */
    public Channel channelOf(String sender) {
        return this.queue.channelOf(sender);
    }

    /** The configured senders' names. */
    public java.util.Set<String> senders() {
        return this.queue.senders();
    }

    @Transactional(readOnly = true)
    public Optional<MessageView> find(long id) {
        return this.jdbc.sql("select * from outbound_message where id = :id")
            .param("id", id)
            .query(MessageGateway::view)
            .optional();
    }

    /**
     * Messages delivered at or after {@code from} and before {@code to}, oldest first,
     * after {@code after} (paging; null for the first page). One range of the index on
     * final_at.
     */
    @Transactional(readOnly = true)
    public List<DeliveredMessage> deliveredBetween(Instant from, Instant to, DeliveredMessage after, int limit) {
        return this.jdbc.sql("""
                select id, final_at, window_zone from outbound_message
                where final_at >= :from and final_at < :to and status = 'DELIVERED'
                  and (final_at, id) > (cast(:afterAt as timestamptz), :afterId)
                order by final_at, id limit :limit""")
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .param("afterAt", Timestamp.from((after != null) ? after.at() : from.minusSeconds(1)))
            .param("afterId", (after != null) ? after.id() : 0L)
            .param("limit", limit)
            .query((row, n) -> new DeliveredMessage(row.getLong("id"), row.getTimestamp("final_at").toInstant(),
                    row.getString("window_zone")))
            .list();
    }

    @Transactional(readOnly = true)
    public List<MessageEventView> history(long id) {
        return this.jdbc.sql("select * from message_event where message_id = :id order by id")
            .param("id", id)
            .query((row, n) -> new MessageEventView(MessageStatus.valueOf(row.getString("status")),
                    row.getObject("error_code", Integer.class), row.getString("detail"), row.getString("source"),
                    row.getTimestamp("at").toInstant()))
            .list();
    }

    /** Messages, newest first. */
    @Transactional(readOnly = true)
    public List<MessageView> search(MessageSearch search, int limit) {
        List<String> conditions = new ArrayList<>();
        if (search.campaignId() != null) {
            conditions.add("campaign_id = :campaign");
        }
        if (search.status() != null) {
            conditions.add("status = :status");
        }
        if (search.to() != null && !search.to().isBlank()) {
            conditions.add("to_number = :to");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        var statement = this.jdbc.sql("select * from outbound_message" + where + " order by id desc limit :limit")
            .param("limit", limit);
        if (search.campaignId() != null) {
            statement = statement.param("campaign", search.campaignId());
        }
        if (search.status() != null) {
            statement = statement.param("status", search.status().name());
        }
        if (search.to() != null && !search.to().isBlank()) {
            statement = statement.param("to", search.to().strip());
        }
        return statement.query(MessageGateway::view).list();
    }

    /**
     * Contacts that got (or will get) at least {@code atLeast} campaign messages due
     * within the interval, sorted: for frequency caps. Messages that did not go out do
     * not count. Every channel counts, and a cascade once: its steps are one message to
     * the person.
     */
    @Transactional(readOnly = true)
    public long[] contactsMessagedBetween(java.time.Instant from, java.time.Instant to, int atLeast) {
        return this.jdbc.sql("""
                select contact_id from outbound_message
                where contact_id is not null and campaign_id is not null and due_at >= :from and due_at < :to
                  and status not in ('SUPPRESSED', 'SKIPPED', 'CANCELED', 'FAILED')
                group by contact_id having count(distinct coalesce(chain_root_id, id)) >= :n
                order by contact_id""")
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .param("n", atLeast)
            .query(Long.class)
            .list()
            .stream()
            .mapToLong(Long::longValue)
            .toArray();
    }

    /** How many of a campaign's messages are in each status, per variant. */
    @Transactional(readOnly = true)
    public Map<String, Map<MessageStatus, Long>> countsOfCampaignByVariant(long campaignId) {
        Map<String, Map<MessageStatus, Long>> counts = new java.util.TreeMap<>();
        this.jdbc
            .sql("select coalesce(variant, '') as variant, status, count(*) from outbound_message "
                    + "where campaign_id = :id group by 1, 2")
            .param("id", campaignId)
            .query((row, n) -> counts
                .computeIfAbsent(row.getString(1), (v) -> new java.util.EnumMap<>(MessageStatus.class))
                .put(MessageStatus.valueOf(row.getString(2)), row.getLong(3)))
            .list();
        return counts;
    }

    /** How many of a campaign's messages are in each status. */
    @Transactional(readOnly = true)
    public Map<MessageStatus, Long> countsOfCampaign(long campaignId) {
        Map<MessageStatus, Long> counts = new java.util.EnumMap<>(MessageStatus.class);
        this.jdbc.sql("select status, count(*) from outbound_message where campaign_id = :id group by status")
            .param("id", campaignId)
            .query((row, n) -> counts.put(MessageStatus.valueOf(row.getString(1)), row.getLong(2)))
            .list();
        return counts;
    }

    /**
     * Every sender with messages due now (not those of a paused campaign), with the last
     * time it sent: whether its queue moves.
     */
    @Transactional(readOnly = true)
    public List<SenderQueue> dueQueues() {
        return this.jdbc.sql("""
                select q.sender, q.due, q.oldest,
                  (select max(s.sent_at) from outbound_message s where s.sender = q.sender) as last_sent
                from (select m.sender, count(*) as due, min(m.due_at) as oldest from outbound_message m
                      where m.status = 'QUEUED' and m.due_at <= now()
                        and not exists (select 1 from dispatch_pause p
                                        where p.campaign_id = m.campaign_id and p.resumed_at is null)
                      group by m.sender) q
                order by q.sender""")
            .query((row, n) -> new SenderQueue(row.getString("sender"), row.getLong("due"),
                    instant(row.getTimestamp("oldest")), instant(row.getTimestamp("last_sent"))))
            .list();
    }

    /** Stops sending a campaign's messages until it is resumed (queued ones wait). */
    @Transactional
    public void pause(long campaignId, String reason, String by) {
        int added = this.jdbc.sql(MessageStoreAccess.PAUSE)
            .param("campaign", campaignId)
            .param("reason", reason)
            .param("by", by)
            .update();
        if (added == 1) {
            this.events.publishEvent(new SendingPaused(campaignId, reason, by, this.clock.instant()));
        }
    }

    /**
     * Lets a paused campaign send again; failures before this moment no longer count for
     * an error storm. Returns whether it was paused.
     */
    @Transactional
    public boolean resume(long campaignId, String by) {
        return this.jdbc
            .sql("update dispatch_pause set resumed_at = now(), resumed_by = :by "
                    + "where campaign_id = :id and resumed_at is null")
            .param("id", campaignId)
            .param("by", by)
            .update() == 1;
    }

    @Transactional(readOnly = true)
    public Optional<CampaignPause> pauseOf(long campaignId) {
        return this.jdbc.sql("select * from dispatch_pause where campaign_id = :id and resumed_at is null")
            .param("id", campaignId)
            .query(MessageGateway::pause)
            .optional();
    }

    /** The open pauses among these campaigns (a look-up by primary key). */
    @Transactional(readOnly = true)
    public List<CampaignPause> pausesOf(Collection<Long> campaignIds) {
        if (campaignIds.isEmpty()) {
            return List.of();
        }
        return this.jdbc
            .sql("select * from dispatch_pause where campaign_id = any(:ids) and resumed_at is null "
                    + "order by campaign_id")
            .param("ids", campaignIds.toArray(Long[]::new))
            .query(MessageGateway::pause)
            .list();
    }

    private static CampaignPause pause(ResultSet row, int n) throws SQLException {
        return new CampaignPause(row.getLong("campaign_id"), row.getString("reason"), row.getString("paused_by"),
                row.getTimestamp("paused_at").toInstant());
    }

    /**
     * Withdraws the messages to a number on one channel that have not gone out (consent
     * for that channel withdrawn); a cascade goes on with its next channel. Returns how
     * many.
     */
    public int withdrawOnChannel(String phone, Channel channel, String why) {
        return this.store.failWaitingOnChannel(phone, channel, why);
    }

    /**
     * As {@link #withdrawOnChannel(String, Channel, String)} for many numbers (an
     * import). Joins the caller's transaction, so consent and withdrawal commit together.
     */
    public int withdrawOnChannel(Collection<String> phones, Channel channel, String why) {
        return phones.isEmpty() ? 0 : this.store.failWaitingOnChannel(phones, channel, why);
    }

    /**
     * Withdraws every message to these numbers that has not gone out, on any channel (the
     * person may no longer be texted: unsubscribed or erased). Joins the caller's
     * transaction. Returns how many.
     */
    public int withdrawAll(Collection<String> phones, String why) {
        return phones.isEmpty() ? 0 : this.store.suppressWaiting(phones, why);
    }

    /** Withdraws a campaign's messages that have not gone out. Returns how many. */
    public int cancel(long campaignId, String by) {
        return this.store.cancelCampaign(campaignId, "campaign cancelled by " + by);
    }

    private static MessageView view(ResultSet row, int n) throws SQLException {
        return new MessageView(row.getLong("id"),
                new Attribution(row.getObject("campaign_id", Long.class), row.getObject("contact_id", Long.class),
                        row.getString("variant")),
                Channel.valueOf(row.getString("channel")), row.getString("sender"), row.getString("to_number"),
                row.getString("body"), row.getInt("segments"), MessageStatus.valueOf(row.getString("status")),
                instant(row.getTimestamp("due_at")), row.getInt("attempts"), row.getString("provider_sid"),
                row.getObject("error_code", Integer.class), row.getString("error_detail"), row.getBigDecimal("price"),
                trimmed(row.getString("price_unit")), row.getBigDecimal("estimated_cost"),
                trimmed(row.getString("cost_currency")), row.getObject("chain_step", Integer.class),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("sent_at")),
                instant(row.getTimestamp("final_at")), instant(row.getTimestamp("read_at")));
    }

    private static String trimmed(String code) {
        return (code != null) ? code.strip() : null;
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

    /**
     * A contact's campaign messages sent at or before a moment (that did not fail to go
     * out), newest first: what an offline result is attributed to.
     */
    @Transactional(readOnly = true)
    public List<SentCampaignMessage> campaignMessagesOf(long contactId, java.time.Instant before, int limit) {
        return this.jdbc.sql("""
                select campaign_id, variant, sent_at from outbound_message
                where contact_id = :contact and campaign_id is not null and sent_at <= :before
                  and status not in ('SUPPRESSED', 'SKIPPED', 'CANCELED', 'FAILED')
                order by sent_at desc, id desc limit :limit""")
            .param("contact", contactId)
            .param("before", Timestamp.from(before))
            .param("limit", limit)
            .query((row, n) -> new SentCampaignMessage(row.getLong(1), row.getString(2),
                    row.getTimestamp(3).toInstant()))
            .list();
    }

}

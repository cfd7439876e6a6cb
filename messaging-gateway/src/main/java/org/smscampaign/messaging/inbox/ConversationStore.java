package org.smscampaign.messaging.inbox;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.ConversationEntry;
import org.smscampaign.messaging.ConversationFilter;
import org.smscampaign.messaging.ConversationSummary;
import org.smscampaign.messaging.InboxNote;
import org.smscampaign.messaging.KindCorrection;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.ReplyKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inbox's SQL: conversations are the numbers that wrote to us, with their texts in
 * and out; their state (assignment, done, flag) and notes live in the inbox's own tables.
 */
@Component
public class ConversationStore {

    /** Prefix of the idempotency key of answers sent from the inbox (then the user). */
    public static final String ANSWER_KEY = "inbox:";

    private static final String SUMMARIES = """
            with inbound as (
              select from_number as phone, max(received_at) as last_in,
                count(*) filter (where kind = 'QUERY' and answered_at is null) as waiting,
                (array_agg(body order by received_at desc, id desc))[1] as last_text,
                (array_agg(channel order by received_at desc, id desc))[1] as channel,
                (array_agg(contact_id order by received_at desc, id desc)
                  filter (where contact_id is not null))[1] as contact_id
              from inbound_message %s group by from_number
            ), conversation as (
              select i.*, s.assigned_to, s.flagged_at,
                (select max(o.created_at) from outbound_message o where o.to_number = i.phone) as last_out,
                (s.done_at is not null and s.done_at >= i.last_in) as done,
                array(select distinct campaign_id from inbound_message m
                      where m.from_number = i.phone and m.campaign_id is not null
                      union select distinct campaign_id from outbound_message o
                      where o.to_number = i.phone and o.campaign_id is not null) as campaigns
              from inbound i left join inbox_conversation s on s.phone = i.phone
            )
            select *, greatest(last_in, coalesce(last_out, last_in)) as last_activity,
              (not done and (waiting > 0 or flagged_at is not null)) as needs_answer
            from conversation
            """;

    private final JdbcClient jdbc;

    ConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ConversationSummary> list(ConversationFilter filter, int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.needsAnswer()) {
            conditions.add("not done and (waiting > 0 or flagged_at is not null)");
        }
        if (filter.campaignId() != null) {
            conditions.add(":campaign = any(campaigns)");
            params.put("campaign", filter.campaignId());
        }
        if (filter.assignedTo() != null) {
            conditions.add("assigned_to = :assignee");
            params.put("assignee", filter.assignedTo());
        }
        switch (filter.state()) {
            case OPEN -> conditions.add("not done");
            case DONE -> conditions.add("done");
            case ALL -> {
            }
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        params.put("limit", limit);
        return this.jdbc.sql(SUMMARIES.formatted("") + where + " order by last_activity desc, phone limit :limit")
            .params(params)
            .query(ConversationStore::summary)
            .list();
    }

    public Optional<ConversationSummary> find(String phone) {
        return this.jdbc.sql(SUMMARIES.formatted("where from_number = :phone"))
            .param("phone", phone)
            .query(ConversationStore::summary)
            .optional();
    }

    /** Conversations waiting for an answer (the nav's counter). */
    public long waiting() {
        return this.jdbc.sql("""
                select count(*) from (
                  select from_number as phone, max(received_at) as last_in from inbound_message
                  where kind = 'QUERY' and answered_at is null group by from_number
                  union
                  select s.phone, (select max(received_at) from inbound_message m where m.from_number = s.phone)
                  from inbox_conversation s where s.flagged_at is not null
                ) w
                left join inbox_conversation s on s.phone = w.phone
                where not (s.done_at is not null and s.done_at >= (select max(received_at)
                           from inbound_message m where m.from_number = w.phone))""").query(Long.class).single();
    }

    /** The texts of a conversation, the latest {@code limit} of them, oldest first. */
    public List<ConversationEntry> entries(String phone, int limit) {
        Map<Long, List<KindCorrection>> corrections = new HashMap<>();
        this.jdbc.sql("""
                select k.* from inbound_correction k join inbound_message m on m.id = k.inbound_id
                where m.from_number = :phone order by k.corrected_at, k.id""")
            .param("phone", phone)
            .query((row, n) -> corrections.computeIfAbsent(row.getLong("inbound_id"), (id) -> new ArrayList<>())
                .add(new KindCorrection(row.getLong("inbound_id"), ReplyKind.valueOf(row.getString("from_kind")),
                        ReplyKind.valueOf(row.getString("to_kind")), row.getString("corrected_by"),
                        row.getString("note"), row.getTimestamp("corrected_at").toInstant())))
            .list();
        List<ConversationEntry> entries = new ArrayList<>(this.jdbc.sql("""
                (select true as inbound, id, body, received_at as at, channel, kind, kind_reason, classified_kind,
                   answered_at, null as status, null as due_at, campaign_id, null as idempotency_key
                 from inbound_message where from_number = :phone order by received_at desc, id desc limit :limit)
                union all
                (select false, id, body, created_at, channel, null, null, null, null, status, due_at, campaign_id,
                   idempotency_key
                 from outbound_message where to_number = :phone order by created_at desc, id desc limit :limit)
                order by at desc, id desc limit :limit""")
            .param("phone", phone)
            .param("limit", limit)
            .query((row, n) -> entry(row, corrections))
            .list());
        java.util.Collections.reverse(entries);
        return entries;
    }

    public List<InboxNote> notes(String phone) {
        return this.jdbc.sql("select * from inbox_note where phone = :phone order by written_at, id")
            .param("phone", phone)
            .query((row, n) -> new InboxNote(row.getLong("id"), row.getString("phone"), row.getString("body"),
                    row.getString("written_by"), row.getTimestamp("written_at").toInstant()))
            .list();
    }

    public InboxNote note(String phone, String body, String by) {
        return this.jdbc.sql("insert into inbox_note (phone, body, written_by) values (:phone, :body, :by) returning *")
            .param("phone", phone)
            .param("body", body)
            .param("by", by)
            .query((row, n) -> new InboxNote(row.getLong("id"), row.getString("phone"), row.getString("body"),
                    row.getString("written_by"), row.getTimestamp("written_at").toInstant()))
            .single();
    }

    public void assign(String phone, String assignee, String by) {
        this.jdbc.sql("""
                insert into inbox_conversation (phone, assigned_to, assigned_by, assigned_at)
                values (:phone, :assignee, :by, now())
                on conflict (phone) do update set assigned_to = excluded.assigned_to,
                    assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at""")
            .param("phone", phone)
            .param("assignee", assignee)
            .param("by", by)
            .update();
    }

    public void done(String phone, boolean done, String by) {
        this.jdbc.sql("""
                insert into inbox_conversation (phone, done_at, done_by)
                values (:phone, case when :done then now() end, case when :done then :by end)
                on conflict (phone) do update set done_at = excluded.done_at, done_by = excluded.done_by,
                    flagged_at = case when :done then null else inbox_conversation.flagged_at end""")
            .param("phone", phone)
            .param("done", done)
            .param("by", by)
            .update();
    }

    public void flag(String phone, boolean flagged, String by) {
        this.jdbc.sql("""
                insert into inbox_conversation (phone, flagged_at, flagged_by)
                values (:phone, case when :flagged then now() end, case when :flagged then :by end)
                on conflict (phone) do update set flagged_at = excluded.flagged_at,
                    flagged_by = excluded.flagged_by""")
            .param("phone", phone)
            .param("flagged", flagged)
            .param("by", by)
            .update();
    }

    /**
     * Marks the conversation's unanswered responses answered (first answer only) and
     * clears its flag. Returns how many texts were marked.
     */
    public int answered(String phone, Instant at) {
        int marked = this.jdbc.sql("""
                update inbound_message set answered_at = :at
                where from_number = :phone and answered_at is null and kind in ('KEYWORD', 'QUERY', 'OTHER')""")
            .param("phone", phone)
            .param("at", Timestamp.from(at))
            .update();
        this.jdbc.sql("update inbox_conversation set flagged_at = null, flagged_by = null where phone = :phone")
            .param("phone", phone)
            .update();
        return marked;
    }

    /** The address and channel the person last wrote to. */
    public Optional<String[]> lastWrittenTo(String phone) {
        return this.jdbc.sql("""
                select to_number, channel from inbound_message where from_number = :phone
                order by received_at desc, id desc limit 1""")
            .param("phone", phone)
            .query((row, n) -> new String[] { row.getString(1), row.getString(2) })
            .optional();
    }

    private static ConversationEntry entry(ResultSet row, Map<Long, List<KindCorrection>> corrections)
            throws SQLException {
        boolean inbound = row.getBoolean("inbound");
        long id = row.getLong("id");
        String key = row.getString("idempotency_key");
        String answeredBy = (key != null && key.startsWith(ANSWER_KEY))
                ? key.substring(ANSWER_KEY.length(), Math.max(ANSWER_KEY.length(), key.lastIndexOf(':'))) : null;
        String status = row.getString("status");
        return new ConversationEntry(inbound, id, row.getString("body"), instant(row.getTimestamp("at")),
                Channel.valueOf(row.getString("channel")), row.getString("kind"), row.getString("kind_reason"),
                row.getString("classified_kind"), instant(row.getTimestamp("answered_at")),
                inbound ? corrections.getOrDefault(id, List.of()) : List.of(),
                (status != null) ? MessageStatus.valueOf(status) : null, instant(row.getTimestamp("due_at")),
                row.getObject("campaign_id", Long.class), answeredBy);
    }

    private static ConversationSummary summary(ResultSet row, int n) throws SQLException {
        Array campaigns = row.getArray("campaigns");
        List<Long> ids = (campaigns != null) ? Arrays.stream((Object[]) campaigns.getArray())
            .map((id) -> ((Number) id).longValue())
            .sorted()
            .toList() : List.of();
        return new ConversationSummary(row.getString("phone"), row.getObject("contact_id", Long.class), ids,
                row.getString("last_text"), instant(row.getTimestamp("last_activity")), row.getInt("waiting"),
                row.getBoolean("needs_answer"), row.getBoolean("done"), row.getString("assigned_to"),
                row.getTimestamp("flagged_at") != null, Channel.valueOf(row.getString("channel")));
    }

    private static Instant instant(Timestamp at) {
        return (at != null) ? at.toInstant() : null;
    }

}

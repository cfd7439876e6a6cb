package org.smscampaign.messaging.dispatch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.smscampaign.messaging.ChainStep;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageRequest;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.SendWindow;
import org.smscampaign.messaging.StepText;
import org.smscampaign.messaging.pricing.PriceTable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes new messages in bulk (one statement per batch), idempotently: a key already
 * queued adds nothing. Cascades get their chain of steps stored once per distinct chain.
 */
@Component
public class MessageQueue {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    private final MessagingProperties properties;

    private final MessageCopy copy;

    private final PriceTable prices;

    MessageQueue(JdbcClient jdbc, MessagingProperties properties, MessageCopy copy, PriceTable prices) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.copy = copy;
        this.prices = prices;
    }

    public boolean knowsSender(String name) {
        return name != null && this.properties.senders().containsKey(name);
    }

    /** The channel of a configured sender (SMS for one not configured). */
    public Channel channelOf(String name) {
        MessagingProperties.Sender sender = (name != null) ? this.properties.senders().get(name) : null;
        return (sender != null) ? sender.channel() : Channel.SMS;
    }

    public Set<String> senders() {
        return new TreeSet<>(this.properties.senders().keySet());
    }

    /**
     * Reserves message ids ahead of enqueueing (links in a body can name their message).
     */
    public long[] reserveIds(int count) {
        return this.jdbc
            .sql("select nextval(pg_get_serial_sequence('outbound_message', 'id')) from generate_series(1, :n)")
            .param("n", count)
            .query(Long.class)
            .list()
            .stream()
            .mapToLong(Long::longValue)
            .toArray();
    }

    /** Enqueues the messages; returns the id of each key, new or already queued. */
    @Transactional
    public Map<String, Long> enqueue(List<MessageRequest> requests) {
        Map<String, Long> ids = new LinkedHashMap<>();
        if (requests.isEmpty()) {
            return ids;
        }
        if (MessageCopy.suits(requests) && this.copy.copy(requests)) {
            requests.forEach((request) -> ids.put(request.idempotencyKey(), request.messageId()));
            return ids;
        }
        Map<List<ChainStep>, Long> chains = chains(requests);
        int n = requests.size();
        Long[] given = new Long[n];
        String[] keys = new String[n];
        Long[] campaigns = new Long[n];
        Long[] contacts = new Long[n];
        String[] variants = new String[n];
        String[] channels = new String[n];
        String[] senders = new String[n];
        String[] numbers = new String[n];
        String[] bodies = new String[n];
        Integer[] segments = new Integer[n];
        String[] due = new String[n];
        String[] zones = new String[n];
        Integer[] starts = new Integer[n];
        Integer[] ends = new Integer[n];
        Integer[] days = new Integer[n];
        String[] policies = new String[n];
        String[] costs = new String[n];
        Long[] chainIds = new Long[n];
        String[] contentSids = new String[n];
        String[] contentVariables = new String[n];
        String[] stepTexts = new String[n];
        String[] smsOnlyCosts = new String[n];
        for (int i = 0; i < n; i++) {
            MessageRequest request = requests.get(i);
            MessagingProperties.Sender sender = this.properties.senders().get(request.sender());
            if (sender == null) {
                throw new IllegalArgumentException("No sender '" + request.sender() + "' is configured (known: "
                        + this.properties.senders().keySet() + ")");
            }
            given[i] = request.messageId();
            keys[i] = request.idempotencyKey();
            campaigns[i] = request.attribution().campaignId();
            contacts[i] = request.attribution().contactId();
            variants[i] = request.attribution().variant();
            channels[i] = request.channel().name();
            senders[i] = request.sender();
            numbers[i] = request.to();
            bodies[i] = request.body();
            segments[i] = request.segments();
            due[i] = request.dueAt().toString();
            SendWindow window = request.window();
            if (window != null) {
                zones[i] = window.zone().getId();
                starts[i] = window.startMinute();
                ends[i] = window.endMinute();
                days[i] = window.dayBits();
                policies[i] = window.policy().name();
            }
            BigDecimal cost = this.prices.quote(request.channel(), request.to(), sender)
                .costOf(request.channel().billedUnits(request.segments()));
            costs[i] = (cost != null) ? cost.toPlainString() : null;
            chainIds[i] = request.cascade().isEmpty() ? null : chains.get(request.cascade());
            if (request.template() != null) {
                contentSids[i] = request.template().contentSid();
                contentVariables[i] = request.template().variables();
            }
            stepTexts[i] = request.stepTexts().isEmpty() ? null : JSON.writeValueAsString(stepTexts(request));
            BigDecimal smsOnly = request.cascade().isEmpty() ? null : smsOnlyCost(request);
            smsOnlyCosts[i] = (smsOnly != null) ? smsOnly.toPlainString() : null;
        }
        // A key is claimed in outbound_message_key first (messages are partitioned by
        // month: no unique index can span them); a message is written for each key
        // claimed
        // now, once even if the batch names it twice.
        this.jdbc.sql("""
                with r as (
                    select coalesce(u.given, nextval(pg_get_serial_sequence('outbound_message', 'id'))) as id, u.*
                    from unnest(cast(:ids as bigint[]), cast(:keys as varchar[]), cast(:campaigns as bigint[]),
                    cast(:contacts as bigint[]), cast(:variants as varchar[]), cast(:channels as varchar[]),
                    cast(:senders as varchar[]), cast(:numbers as varchar[]), cast(:bodies as text[]),
                    cast(:segments as int[]), cast(:due as timestamptz[]), cast(:zones as varchar[]),
                    cast(:starts as int[]), cast(:ends as int[]), cast(:days as int[]), cast(:policies as varchar[]),
                    cast(:costs as numeric[]), cast(:chains as bigint[]), cast(:contentSids as varchar[]),
                    cast(:contentVariables as text[]), cast(:stepTexts as text[]), cast(:smsOnly as numeric[]))
                    as u(given, key, campaign, contact, variant, channel, sender, number, body, segments, due, zone,
                        start_minute, end_minute, days, policy, cost, chain, content_sid, content_variables, step_texts,
                        sms_only_cost)),
                keyed as (
                    insert into outbound_message_key (idempotency_key, message_id)
                    select key, id from r on conflict do nothing returning message_id)
                insert into outbound_message (id, idempotency_key, campaign_id, contact_id, variant, channel, sender,
                    to_number, body, segments, status, due_at, window_zone, window_start, window_end, window_days,
                    window_policy, estimated_cost, cost_currency, chain_id, chain_step, content_sid, content_variables,
                    step_texts, sms_only_cost)
                select r.id, r.key, r.campaign, r.contact, r.variant, r.channel, r.sender, r.number, r.body,
                    r.segments, 'QUEUED', r.due, r.zone, r.start_minute, r.end_minute, r.days, r.policy, r.cost,
                    case when r.cost is not null then :currency end, r.chain,
                    case when r.chain is not null then 0 end, r.content_sid, r.content_variables,
                    cast(r.step_texts as jsonb), r.sms_only_cost
                from r join keyed on keyed.message_id = r.id""")
            .param("ids", given)
            .param("keys", keys)
            .param("campaigns", campaigns)
            .param("contacts", contacts)
            .param("variants", variants)
            .param("channels", channels)
            .param("senders", senders)
            .param("numbers", numbers)
            .param("bodies", bodies)
            .param("segments", segments)
            .param("due", due)
            .param("zones", zones)
            .param("starts", starts)
            .param("ends", ends)
            .param("days", days)
            .param("policies", policies)
            .param("costs", costs)
            .param("chains", chainIds)
            .param("contentSids", contentSids)
            .param("contentVariables", contentVariables)
            .param("stepTexts", stepTexts)
            .param("smsOnly", smsOnlyCosts)
            .param("currency", this.prices.currency())
            .update();
        this.jdbc.sql(
                "select message_id, idempotency_key from outbound_message_key where idempotency_key = any(cast(:keys as varchar[]))")
            .param("keys", keys)
            .query((row, i) -> ids.put(row.getString("idempotency_key"), row.getLong("message_id")))
            .list();
        return ids;
    }

    /** Each step's text as the cascade advancer reads it ({@code step_texts}). */
    private static List<Map<String, Object>> stepTexts(MessageRequest request) {
        List<Map<String, Object>> texts = new ArrayList<>();
        for (StepText text : request.stepTexts()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("body", text.body());
            json.put("segments", text.segments());
            json.put("contentSid", (text.template() != null) ? text.template().contentSid() : null);
            json.put("contentVariables", (text.template() != null) ? text.template().variables() : null);
            texts.add(json);
        }
        return texts;
    }

    /**
     * What the recipient of a cascade would cost by SMS alone: the SMS price of the
     * destination times the segments of the cascade's SMS text (the first SMS step's,
     * else the message's own body). The savings of a cascade are measured against it.
     */
    private BigDecimal smsOnlyCost(MessageRequest request) {
        int segments = request.segments();
        MessagingProperties.Sender sender = null;
        for (int step = 0; step < request.cascade().size(); step++) {
            if (request.cascade().get(step).channel() == Channel.SMS) {
                sender = this.properties.senders().get(request.cascade().get(step).sender());
                segments = request.stepTexts().isEmpty() ? request.segments()
                        : request.stepTexts().get(step).segments();
                break;
            }
        }
        if (sender == null && request.channel() != Channel.SMS) {
            segments = org.smscampaign.messaging.SmsText.of(request.body()).segments();
        }
        return this.prices.quote(Channel.SMS, request.to(), sender).costOf(segments);
    }

    private Map<List<ChainStep>, Long> chains(List<MessageRequest> requests) {
        Map<List<ChainStep>, Long> chains = new HashMap<>();
        for (MessageRequest request : requests) {
            if (!request.cascade().isEmpty() && !chains.containsKey(request.cascade())) {
                List<Map<String, Object>> steps = new ArrayList<>();
                for (ChainStep step : request.cascade()) {
                    if (!this.properties.senders().containsKey(step.sender())) {
                        throw new IllegalArgumentException("No sender '" + step.sender() + "' is configured");
                    }
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("channel", step.channel().name());
                    json.put("sender", step.sender());
                    json.put("timeoutSeconds", step.timeout().toSeconds());
                    json.put("deliveredWhen", step.deliveredWhen().name());
                    steps.add(json);
                }
                long id = this.jdbc.sql("insert into message_chain (steps) values (cast(:steps as jsonb)) returning id")
                    .param("steps", JSON.writeValueAsString(steps))
                    .query(Long.class)
                    .single();
                chains.put(request.cascade(), id);
            }
        }
        return chains;
    }

}

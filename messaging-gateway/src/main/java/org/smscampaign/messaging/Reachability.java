package org.smscampaign.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What numbers can be reached on, learned from the provider: a number that is not on a
 * channel (63003: no WhatsApp account, not RCS-capable) or whose message failed there for
 * a reason of the recipient's is skipped on that channel for
 * {@code sms.messaging.reachability.skip-period}; a message delivered there clears it.
 * SMS is never skipped: it is every cascade's last resort.
 */
@Service
public class Reachability {

    /** Twilio: the channel could not find the To address (not on WhatsApp, not RCS). */
    public static final int NOT_ON_CHANNEL_CODE = 63003;

    /**
     * Failures that are the recipient's, so worth remembering: not on the channel
     * (63003), invalid recipient (63024), the person's number cannot take it (63032),
     * Meta chose not to deliver to them (63049), unreachable handset, unknown destination
     * or landline (30003, 30005, 30006). Failures of ours (outside the 24-hour window
     * 63016, rate limits 63018, a template not approved 63040) teach nothing about the
     * number: skipping it for a month would punish the person for our mistake.
     */
    private static final Set<Integer> RECIPIENT_FAILURES = Set.of(NOT_ON_CHANNEL_CODE, 63024, 63032, 63049, 30003,
            30005, 30006);

    private final JdbcClient jdbc;

    private final MessagingProperties.Reachability settings;

    private final Clock clock;

    Reachability(JdbcClient jdbc, MessagingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.reachability();
        this.clock = clock;
    }

    /** Why a number is skipped on a channel. */
    public enum Reason {

        NOT_ON_CHANNEL, FAILED

    }

    /** A channel a number is skipped on, why, and until when. */
    public record Unreachable(String phone, Channel channel, Reason reason, Integer errorCode, Instant learnedAt,
            Instant skipUntil) {

    }

    /**
     * The channels each of the numbers is skipped on now (numbers without any: absent).
     */
    @Transactional(readOnly = true)
    public Map<String, Set<Channel>> unreachableAmong(Collection<String> phones) {
        Map<String, Set<Channel>> unreachable = new HashMap<>();
        if (phones.isEmpty()) {
            return unreachable;
        }
        this.jdbc
            .sql("select phone, channel from channel_reachability where phone = any(cast(:phones as varchar[])) "
                    + "and skip_until > now()")
            .param("phones", phones.toArray(String[]::new))
            .query((row, n) -> unreachable.computeIfAbsent(row.getString(1), (p) -> EnumSet.noneOf(Channel.class))
                .add(Channel.valueOf(row.getString(2))))
            .list();
        return unreachable;
    }

    /** What is known of one number, skips in force first. */
    @Transactional(readOnly = true)
    public List<Unreachable> of(String phone) {
        return this.jdbc.sql("select * from channel_reachability where phone = :phone order by skip_until desc")
            .param("phone", phone)
            .query((row, n) -> new Unreachable(row.getString("phone"), Channel.valueOf(row.getString("channel")),
                    Reason.valueOf(row.getString("reason")), row.getObject("error_code", Integer.class),
                    row.getTimestamp("learned_at").toInstant(), row.getTimestamp("skip_until").toInstant()))
            .list();
    }

    /**
     * Learns from a message's final status: a failure on WhatsApp or RCS skips the number
     * there; a delivery clears what was learned.
     */
    @Transactional
    public void learn(String phone, Channel channel, MessageStatus status, Integer errorCode, Long messageId) {
        if (channel == Channel.SMS || phone == null) {
            return;
        }
        if (status == MessageStatus.DELIVERED) {
            this.jdbc.sql("delete from channel_reachability where phone = :phone and channel = :channel")
                .param("phone", phone)
                .param("channel", channel.name())
                .update();
        }
        else if ((status == MessageStatus.FAILED || status == MessageStatus.UNDELIVERED) && errorCode != null
                && RECIPIENT_FAILURES.contains(errorCode)) {
            Reason reason = (errorCode != null && errorCode == NOT_ON_CHANNEL_CODE) ? Reason.NOT_ON_CHANNEL
                    : Reason.FAILED;
            Instant now = this.clock.instant();
            this.jdbc.sql("""
                    insert into channel_reachability (phone, channel, reason, error_code, message_id, learned_at,
                        skip_until)
                    values (:phone, :channel, :reason, :code, :message, :now, :until)
                    on conflict (phone, channel) do update set reason = excluded.reason,
                        error_code = excluded.error_code, message_id = excluded.message_id,
                        learned_at = excluded.learned_at, skip_until = excluded.skip_until""")
                .param("phone", phone)
                .param("channel", channel.name())
                .param("reason", reason.name())
                .param("code", errorCode)
                .param("message", messageId)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(this.settings.skipPeriod())))
                .update();
        }
    }

    /** Forgets what was learned of a number on a channel (a person says they joined). */
    @Transactional
    public void forget(String phone, Channel channel) {
        this.jdbc.sql("delete from channel_reachability where phone = :phone and channel = :channel")
            .param("phone", phone)
            .param("channel", channel.name())
            .update();
    }

    /**
     * Forgets what has expired (the numbers are personal data; nothing in force is lost).
     * Hourly, on every instance: the delete is idempotent.
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public int purgeExpired() {
        return this.jdbc.sql("delete from channel_reachability where skip_until <= now()").update();
    }

}

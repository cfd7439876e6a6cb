package org.smscampaign.messaging.dispatch;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.OptOutReason;
import org.smscampaign.messaging.RecipientOptedIn;
import org.smscampaign.messaging.RecipientOptedOut;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers that must not be texted. An opt-out takes effect at once: the number is listed
 * and its waiting messages are withdrawn in the same transaction; a message already being
 * claimed is refused when its sending starts (the check is repeated there).
 */
@Component
public class SuppressionList {

    private static final Logger log = LoggerFactory.getLogger(SuppressionList.class);

    private final JdbcClient jdbc;

    private final MessageStore store;

    private final StatusEvents statusEvents;

    private final MessagingMetrics metrics;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    SuppressionList(JdbcClient jdbc, MessageStore store, StatusEvents statusEvents, MessagingMetrics metrics,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.statusEvents = statusEvents;
        this.metrics = metrics;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Lists a number and withdraws its waiting messages. Returns whether it was newly
     * listed.
     */
    @Transactional
    public boolean optOut(String phone, OptOutReason reason, String keyword) {
        return optOut(phone, reason, keyword, Channel.SMS);
    }

    /**
     * As {@link #optOut(String, OptOutReason, String)}, for a STOP received on a channel:
     * the bare number is listed, so every channel stops.
     */
    @Transactional
    public boolean optOut(String phone, OptOutReason reason, String keyword, Channel channel) {
        boolean added = this.jdbc
            .sql("insert into suppression (phone, reason, detail) values (:phone, :reason, :detail) "
                    + "on conflict (phone) do nothing")
            .param("phone", phone)
            .param("reason", reason.name())
            .param("detail", MessageStore.truncate(keyword, 255))
            .update() == 1;
        List<Transition> withdrawn = this.store.suppressWaiting(phone, "opted out: " + keyword);
        this.metrics.suppressed(withdrawn.size());
        this.statusEvents.publish(withdrawn);
        if (added) {
            log.info("{} opted out ({}); {} waiting messages withdrawn", phone, keyword, withdrawn.size());
        }
        // Told even when the number was listed already: a STOP on WhatsApp after one by
        // SMS still withdraws the WhatsApp opt-in given since (listeners act on state).
        this.events.publishEvent(new RecipientOptedOut(phone, reason, keyword, this.clock.instant(), channel));
        return added;
    }

    /** Takes a number off the list. Returns whether it was listed. */
    @Transactional
    public boolean optIn(String phone, String keyword) {
        return optIn(phone, keyword, Channel.SMS);
    }

    /**
     * A START received on a channel. By SMS it takes the number off the list; on WhatsApp
     * or RCS it is that channel's opt-in only and lifts nothing: a STOP stops every
     * channel, and only a START by SMS (or a person, by hand) sends again. Returns
     * whether the number was taken off the list.
     */
    @Transactional
    public boolean optIn(String phone, String keyword, Channel channel) {
        if (channel != Channel.SMS) {
            this.events.publishEvent(new RecipientOptedIn(phone, keyword, this.clock.instant(), channel));
            return false;
        }
        boolean removed = this.jdbc.sql("delete from suppression where phone = :phone")
            .param("phone", phone)
            .update() == 1;
        if (removed) {
            log.info("{} opted in again ({})", phone, keyword);
            this.events.publishEvent(new RecipientOptedIn(phone, keyword, this.clock.instant(), channel));
        }
        return removed;
    }

    public boolean contains(String phone) {
        return this.jdbc.sql("select exists (select 1 from suppression where phone = :phone)")
            .param("phone", phone)
            .query(Boolean.class)
            .single();
    }

}

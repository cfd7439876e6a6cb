package org.smscampaign.link;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.smscampaign.link.click.DeliveryTimes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Delivery times of messages, as the gateway reports them, so that hits before delivery
 * or seconds after it are not counted as people. Hits recorded before the receipt arrived
 * are reclassified when it does.
 */
@Service
public class LinkDeliveries {

    private final JdbcClient jdbc;

    private final LinkProperties properties;

    private final DeliveryTimes times;

    LinkDeliveries(JdbcClient jdbc, LinkProperties properties, DeliveryTimes times) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.times = times;
    }

    /**
     * Records when a message was delivered; returns how many of its hits were
     * reclassified. A receipt arrives for every message sent and most find no hit on the
     * message's link yet: the note and that question are one plain statement (its plan is
     * kept), and only hits found are reclassified.
     */
    public int delivered(long messageId, Instant deliveredAt, String recipientZone) {
        boolean hits = this.jdbc.sql("""
                with noted as (
                    insert into link_delivery (message_id, delivered_at, local_slot) values (:message, :at, :slot)
                    on conflict (message_id) do update set delivered_at = least(link_delivery.delivered_at, :at),
                        local_slot = coalesce(link_delivery.local_slot, excluded.local_slot))
                select exists (select 1 from link_click
                               where link_id in (select id from short_link where message_id = :message))""")
            .param("message", messageId)
            .param("at", Timestamp.from(deliveredAt))
            .param("slot", SendSlot.of(deliveredAt, recipientZone))
            .query(Boolean.class)
            .single();
        this.times.delivered(messageId, deliveredAt.toEpochMilli());
        return hits ? reclassify(messageId, deliveredAt) : 0;
    }

    /**
     * Of these delivered messages, those with a link and no delivery noted (a receipt
     * whose note was lost to a crash): key lookups only.
     */
    public List<Long> unnoted(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return this.jdbc.sql("""
                select m from unnest(cast(:ids as bigint[])) as m
                where not exists (select 1 from link_delivery d where d.message_id = m)
                  and exists (select 1 from short_link l where l.message_id = m)""")
            .param("ids", messageIds.toArray(Long[]::new))
            .query(Long.class)
            .list();
    }

    /**
     * Hits before the delivery, or seconds after it, are no person's; their campaign's
     * figures change.
     */
    private int reclassify(long messageId, Instant deliveredAt) {
        return this.jdbc.sql("""
                with reclassified as (
                    update link_click set human = false,
                        reason = case when occurred_at < :at then 'BEFORE_DELIVERY' else 'NEAR_DELIVERY' end,
                        txid = pg_current_xact_id()::text::bigint
                    where link_id in (select id from short_link where message_id = :message)
                      and human and occurred_at < :near
                    returning link_id)
                select count(*) from reclassified""")
            .param("message", messageId)
            .param("at", Timestamp.from(deliveredAt))
            .param("near", Timestamp.from(deliveredAt.plus(this.properties.classification().nearDelivery())))
            .query(Integer.class)
            .single();
    }

}

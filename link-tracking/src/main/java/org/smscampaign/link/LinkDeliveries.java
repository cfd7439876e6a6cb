package org.smscampaign.link;

import java.sql.Timestamp;
import java.time.Instant;

import org.smscampaign.link.click.DeliveryTimes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
     * reclassified.
     */
    @Transactional
    public int delivered(long messageId, Instant deliveredAt, String recipientZone) {
        this.jdbc.sql("""
                insert into link_delivery (message_id, delivered_at, local_slot) values (:message, :at, :slot)
                on conflict (message_id) do update set delivered_at = least(link_delivery.delivered_at, :at),
                    local_slot = coalesce(link_delivery.local_slot, excluded.local_slot)""")
            .param("message", messageId)
            .param("at", Timestamp.from(deliveredAt))
            .param("slot", SendSlot.of(deliveredAt, recipientZone))
            .update();
        int before = this.jdbc.sql("update link_click set human = false, reason = 'BEFORE_DELIVERY' "
                + "where link_id in (select id from short_link where message_id = :message) and human and occurred_at < :at")
            .param("message", messageId)
            .param("at", Timestamp.from(deliveredAt))
            .update();
        int near = this.jdbc
            .sql("update link_click set human = false, reason = 'NEAR_DELIVERY' "
                    + "where link_id in (select id from short_link where message_id = :message) and human "
                    + "and occurred_at >= :at and occurred_at < :near")
            .param("message", messageId)
            .param("at", Timestamp.from(deliveredAt))
            .param("near", Timestamp.from(deliveredAt.plus(this.properties.classification().nearDelivery())))
            .update();
        this.times.delivered(messageId, deliveredAt.toEpochMilli());
        if (before + near > 0) {
            // Hits reclassified: their campaign's figures change.
            this.jdbc.sql("""
                    insert into click_rollup_state (campaign_id, dirty)
                    select campaign_id, true from short_link where message_id = :message and campaign_id is not null
                    on conflict (campaign_id) do update set dirty = true""").param("message", messageId).update();
        }
        return before + near;
    }

}

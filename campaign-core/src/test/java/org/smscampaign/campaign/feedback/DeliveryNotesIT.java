package org.smscampaign.campaign.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;
import org.smscampaign.link.LinkDeliveries;
import org.smscampaign.link.RecipientLinkRequest;
import org.smscampaign.link.ShortLinks;
import org.smscampaign.messaging.MessageGateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery stored without its note to link tracking (the process died between the two)
 * gets the note from the repair after a restart, once.
 */
@CampaignCoreIT
class DeliveryNotesIT {

    @Autowired
    MessageGateway gateway;

    @Autowired
    LinkDeliveries deliveries;

    @Autowired
    ShortLinks links;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeliveryWhoseNoteWasLostIsNotedAfterARestartOnce() {
        long campaign = ThreadLocalRandom.current().nextLong(3_000_000_000L, 3_100_000_000L);
        long withLink = delivered(campaign);
        long withoutLink = delivered(campaign);
        this.links.mint(List.of(new RecipientLinkRequest("https://shop.example/", null, campaign, withLink, "A",
                withLink, "notes", 7)));
        Instant deliveredAt = this.jdbc.sql("select final_at from outbound_message where id = :id")
            .param("id", withLink)
            .query(Instant.class)
            .single();
        assertThat(noted(withLink)).as("as the crash left it").isNull();

        DeliveryNotes restarted = new DeliveryNotes(this.gateway, this.deliveries, this.clock, Duration.ofHours(1));
        restarted.repair();

        assertThat(noted(withLink)).isEqualTo(deliveredAt);
        assertThat(noted(withoutLink)).as("no link, nothing to tell").isNull();
        restarted.repair();
        new DeliveryNotes(this.gateway, this.deliveries, this.clock, Duration.ofHours(1)).repair();
        assertThat(noted(withLink)).as("idempotent").isEqualTo(deliveredAt);
        assertThat(this.deliveries.unnoted(List.of(withLink, withoutLink))).isEmpty();
    }

    /** Delivered five minutes ago, as stored by the receipt's own statement. */
    private long delivered(long campaign) {
        return this.jdbc.sql("""
                insert into outbound_message (idempotency_key, campaign_id, channel, sender, to_number, body, segments,
                    status, due_at, sending_at, sent_at, final_at, window_zone)
                values ('notes-' || gen_random_uuid(), :campaign, 'SMS', 'notes-test', :to, 'Hello', 1, 'DELIVERED',
                    now() - interval '6 minutes', now() - interval '6 minutes', now() - interval '6 minutes',
                    now() - interval '5 minutes', 'Europe/Berlin')
                returning id""")
            .param("campaign", campaign)
            .param("to", "+49176" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)))
            .query(Long.class)
            .single();
    }

    private Instant noted(long message) {
        return this.jdbc.sql("select delivered_at from link_delivery where message_id = :id")
            .param("id", message)
            .query(Instant.class)
            .optional()
            .orElse(null);
    }

}

package org.smscampaign.link.redirect;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.LinkTrackingIT;
import org.smscampaign.link.LinkDeliveries;
import org.smscampaign.link.MintedLink;
import org.smscampaign.link.RawHttp;
import org.smscampaign.link.RecipientLinkRequest;
import org.smscampaign.link.ShortLinks;
import org.smscampaign.link.SwitchableDataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recipient's first tap comes soon after delivery: by then the link is in memory, read
 * with the other links delivered meanwhile, not on the tap.
 */
@LinkTrackingIT
@Import(SwitchableDataSource.InFrontOfThePool.class)
class DeliveredLinksIT {

    @Autowired
    SwitchableDataSource database;

    @Autowired
    ShortLinks links;

    @Autowired
    LinkDeliveries deliveries;

    @Autowired
    LinkCache cache;

    @Autowired
    LinkServer server;

    @AfterEach
    void databaseBack() {
        this.database.up();
    }

    @Test
    void theFirstTapAfterDeliveryIsAnsweredFromMemory() {
        this.cache.loadDeliveredLinks(); // what was delivered before is not this test's
        long message = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        MintedLink delivered = this.links
            .mint(List
                .of(new RecipientLinkRequest("https://shop.example/delivered", null, 7, 42, "A", message, "autumn", 7)))
            .get(0);
        MintedLink waiting = this.links
            .mint(List.of(new RecipientLinkRequest("https://shop.example/waiting", null, 7, 43, "A", message + 1,
                    "autumn", 7)))
            .get(0);

        this.deliveries.delivered(message, Instant.now(), "Europe/Berlin");
        this.cache.loadDeliveredLinks(); // once a second on every instance
        this.database.down();
        RawHttp.Response tap = RawHttp.get(this.server.port(), "/" + delivered.code(), LinkServerIT.PHONE);
        RawHttp.Response early = RawHttp.get(this.server.port(), "/" + waiting.code(), LinkServerIT.PHONE);

        assertThat(tap.status()).as("answered from memory, the database away").isEqualTo(302);
        assertThat(tap.header("Location")).startsWith("https://shop.example/delivered?");
        assertThat(early.status()).as("a message not delivered yet: its link is read on the tap").isEqualTo(503);
    }

}

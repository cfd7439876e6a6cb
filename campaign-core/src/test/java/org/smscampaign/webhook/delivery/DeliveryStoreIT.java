package org.smscampaign.webhook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;
import org.smscampaign.notice.PlatformEvent;
import org.smscampaign.webhook.DeliveryStatus;
import org.smscampaign.webhook.WebhookEndpoint;
import org.smscampaign.webhook.endpoint.EndpointStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox on PostgreSQL as several instances use it (no worker runs in this context:
 * the test claims): claims never overlap, a lease keeps a claim from others until it
 * ends, and a worker that outlived its lease cannot record over the next one.
 */
@CampaignCoreIT
class DeliveryStoreIT {

    @Autowired
    DeliveryStore store;

    @Autowired
    EndpointStore endpoints;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    WebhookEndpoint endpoint;

    @BeforeEach
    void onlyThisTestsDeliveriesAreDue() {
        // Earlier tests' deliveries in this database are not this test's business.
        this.jdbc.sql("update webhook_delivery set status = 'FAILED' where status = 'PENDING'").update();
        long id = this.endpoints.insert("https://hooks.example.com/" + UUID.randomUUID(), "store test", List.of(), true,
                "whsec_store", "test");
        this.endpoint = this.endpoints.find(id).orElseThrow();
    }

    @Test
    void twoInstancesClaimingAtOnceNeverTakeTheSameDelivery() throws Exception {
        Set<UUID> queued = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            queued.addAll(this.outbox.queue(event(i), List.of(this.endpoint)));
        }
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<List<DeliveryStore.Claimed>>> instances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            instances.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
                return this.store.claim(20, Duration.ofMinutes(1));
            }));
        }
        List<UUID> claimed = new ArrayList<>();
        for (CompletableFuture<List<DeliveryStore.Claimed>> instance : instances) {
            instance.get().forEach((c) -> claimed.add(c.id()));
        }

        assertThat(claimed).doesNotHaveDuplicates().hasSize(30);
        assertThat(new HashSet<>(claimed)).isEqualTo(queued);
        assertThat(this.store.claim(20, Duration.ofMinutes(1))).as("leased").isEmpty();
    }

    @Test
    void aLapsedLeaseIsClaimedAgainAndTheOldWorkerCannotRecord() throws Exception {
        UUID id = this.outbox.queue(event(1), List.of(this.endpoint)).get(0);
        DeliveryStore.Claimed first = only(this.store.claim(10, Duration.ofMillis(200)));
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.secret()).isEqualTo("whsec_store");

        DeliveryStore.Claimed second = null;
        Instant deadline = Instant.now().plusSeconds(10);
        while (second == null && Instant.now().isBefore(deadline)) {
            List<DeliveryStore.Claimed> again = this.store.claim(10, Duration.ofMinutes(1));
            second = again.isEmpty() ? null : only(again);
            Thread.sleep(50);
        }
        assertThat(second).as("claimed again after the lease").isNotNull();
        assertThat(second.id()).isEqualTo(id);
        assertThat(second.attempt()).isEqualTo(2);

        assertThat(this.store.record(id, 1, Instant.now(), 200, 5, null, true, null)).as("fenced").isFalse();
        assertThat(this.store.record(id, 2, Instant.now(), 200, 5, null, true, null)).isTrue();
        var delivery = this.store.find(this.endpoint.id(), id).orElseThrow();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).hasSize(1);
        assertThat(delivery.attempts().get(0).number()).isEqualTo(2);
    }

    @Test
    void onlyEnabledEndpointsThatFollowTheTypeGetAnEvent() {
        long chosen = this.endpoints.insert("https://hooks.example.com/chosen", "", List.of("campaign.paused"), true,
                "whsec_a", "test");
        long disabled = this.endpoints.insert("https://hooks.example.com/off", "", List.of(), false, "whsec_b", "test");

        List<Long> launched = this.endpoints.following("campaign.launched").stream().map(WebhookEndpoint::id).toList();
        List<Long> paused = this.endpoints.following("campaign.paused").stream().map(WebhookEndpoint::id).toList();

        assertThat(launched).contains(this.endpoint.id()).doesNotContain(chosen, disabled);
        assertThat(paused).contains(this.endpoint.id(), chosen).doesNotContain(disabled);
    }

    private static DeliveryStore.Claimed only(List<DeliveryStore.Claimed> claimed) {
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    private static PlatformEvent event(int n) {
        return new PlatformEvent(PlatformEvent.CAMPAIGN_LAUNCHED, (long) n, "Campaign " + n, "Launched", Map.of("n", n),
                Instant.now());
    }

}

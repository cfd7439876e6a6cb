package org.smscampaign.webhook.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.smscampaign.link.PublicHosts;
import org.smscampaign.webhook.WebhookProperties;
import org.smscampaign.webhook.endpoint.EndpointUrls;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: every instance claims a batch (rows locked with SKIP LOCKED, so
 * instances never take the same one), sends them a few at a time outside any transaction,
 * and records each outcome with the next attempt's time.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    /** Claims in a row while batches come back full, before yielding the scheduler. */
    private static final int MAX_ROUNDS = 10;

    private final DeliveryStore store;

    private final WebhookProperties properties;

    private final HttpAttempt http;

    private final Backoff backoff;

    private final ThreadPoolExecutor senders;

    DeliveryWorker(DeliveryStore store, WebhookProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.http = new HttpAttempt(properties, new EndpointUrls(
                new PublicHosts(PublicHosts::dns, Duration.ofSeconds(3)), properties.allowHttpLoopback()), clock);
        this.backoff = new Backoff(properties);
        // A sweep hands over one batch and waits for it: the queue never holds more.
        this.senders = new ThreadPoolExecutor(properties.concurrency(), properties.concurrency(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, properties.batchSize())), (task) -> {
                    Thread thread = new Thread(task, "webhook-sender");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        new ExecutorServiceMetrics(this.senders, "webhook-sender", List.of()).bindTo(meters);
    }

    @Scheduled(fixedDelayString = "${sms.webhook.poll-interval:1s}",
            initialDelayString = "${sms.webhook.poll-interval:1s}")
    void sweep() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<DeliveryStore.Claimed> batch = this.store.claim(this.properties.batchSize(), this.properties.lease());
            if (batch.isEmpty()) {
                return;
            }
            CompletableFuture
                .allOf(batch.stream()
                    .map((delivery) -> CompletableFuture.runAsync(() -> attempt(delivery), this.senders))
                    .toArray(CompletableFuture[]::new))
                .join();
            if (batch.size() < this.properties.batchSize()) {
                return;
            }
        }
    }

    private void attempt(DeliveryStore.Claimed delivery) {
        try {
            HttpAttempt.Outcome outcome = this.http.send(delivery);
            Duration retry = outcome.delivered() ? null
                    : this.backoff.after(delivery.attempt(), ThreadLocalRandom.current().nextDouble());
            boolean recorded = this.store.record(delivery.id(), delivery.attempt(), outcome.at(), outcome.statusCode(),
                    outcome.latencyMillis(), outcome.error(), outcome.delivered(), retry);
            if (!recorded) {
                log.warn("Webhook delivery {} attempt {} outlived its lease; another instance took it over",
                        delivery.id(), delivery.attempt());
            }
            else if (!outcome.delivered() && retry == null) {
                log.warn("Webhook delivery {} ({}) to endpoint {} failed after {} attempts: {}", delivery.id(),
                        delivery.eventType(), delivery.endpointId(), delivery.attempt(), outcome.error());
            }
        }
        catch (RuntimeException ex) {
            // Left claimed: due again when the lease ends.
            log.error("Webhook delivery {} attempt {} could not be completed", delivery.id(), delivery.attempt(), ex);
        }
    }

    @PreDestroy
    void stop() {
        this.senders.shutdownNow();
    }

}

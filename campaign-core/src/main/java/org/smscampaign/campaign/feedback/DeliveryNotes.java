package org.smscampaign.campaign.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.link.LinkDeliveries;
import org.smscampaign.messaging.DeliveredMessage;
import org.smscampaign.messaging.MessageGateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Repairs what a crash between a delivery receipt and its note to link tracking left (see
 * {@link GatewayFeedback#statusChanged}): messages delivered lately that have a link and
 * no delivery time get it. The receipt path stays one statement per receipt; this reads
 * the deliveries since its last pass (after a start, the look-back) in pages, by key, at
 * most {@value #PAGES} pages a pass.
 */
@Component
class DeliveryNotes {

    private static final Logger log = LoggerFactory.getLogger(DeliveryNotes.class);

    private static final int PAGE = 1_000;

    /** A pass reads at most this many pages; the next goes on from there. */
    private static final int PAGES = 50;

    /** Receipts being noted right now are left to their own thread. */
    private static final Duration SETTLING = Duration.ofSeconds(30);

    /** A pass reads again the minute before its last end (late commits). */
    private static final Duration OVERLAP = Duration.ofMinutes(1);

    private final MessageGateway gateway;

    private final LinkDeliveries deliveries;

    private final Clock clock;

    private final Duration lookBack;

    private Instant notedUpTo;

    /** False while catching up: the next pass goes on exactly where this one stopped. */
    private boolean caughtUp;

    DeliveryNotes(MessageGateway gateway, LinkDeliveries deliveries, Clock clock,
            @Value("${sms.feedback.delivery-notes.look-back:1h}") Duration lookBack) {
        this.gateway = gateway;
        this.deliveries = deliveries;
        this.clock = clock;
        this.lookBack = lookBack;
    }

    /** The first pass soon after a start: it reads the look-back. */
    @Scheduled(fixedDelayString = "${sms.feedback.delivery-notes.interval:2m}", initialDelay = 30_000)
    void sweep() {
        try {
            repair();
        }
        catch (RuntimeException ex) {
            log.warn("Repairing delivery notes failed (again at the next pass): {}", ex.getMessage());
        }
    }

    /**
     * One pass; returns how many notes were missing and are written now. Idempotent: a
     * note written is not missing any more.
     */
    synchronized int repair() {
        Instant to = this.clock.instant().minus(SETTLING);
        Instant from = (this.notedUpTo == null) ? to.minus(this.lookBack)
                : this.caughtUp ? this.notedUpTo.minus(OVERLAP) : this.notedUpTo;
        int repaired = 0;
        Instant reached = to;
        boolean done = true;
        DeliveredMessage after = null;
        for (int pages = 0; pages < PAGES; pages++) {
            List<DeliveredMessage> page = this.gateway.deliveredBetween(from, to, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            Map<Long, DeliveredMessage> byId = page.stream()
                .collect(Collectors.toMap(DeliveredMessage::id, Function.identity()));
            for (Long id : this.deliveries.unnoted(byId.keySet())) {
                DeliveredMessage message = byId.get(id);
                this.deliveries.delivered(id, message.at(), message.recipientZone());
                repaired++;
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1);
            if (pages == PAGES - 1) {
                reached = after.at();
                done = false;
            }
        }
        this.notedUpTo = reached;
        this.caughtUp = done;
        if (repaired > 0) {
            log.warn("{} delivered messages had no delivery time for their links; noted now", repaired);
        }
        return repaired;
    }

}

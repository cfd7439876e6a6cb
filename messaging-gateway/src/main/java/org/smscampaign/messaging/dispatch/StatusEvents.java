package org.smscampaign.messaging.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessageStatusChanged;
import org.smscampaign.messaging.Reachability;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the rest of the platform what happened to messages, once stored, and draws the
 * consequences inside the gateway: a delivered step of a cascade withdraws the later
 * steps (the first channel that delivers wins); a final status on WhatsApp or RCS teaches
 * whether the number is reachable there ({@link Reachability}).
 */
@Component
public class StatusEvents {

    private final ApplicationEventPublisher events;

    private final MessageStore store;

    private final MessagingMetrics metrics;

    private final Clock clock;

    private final Reachability reachability;

    StatusEvents(ApplicationEventPublisher events, MessageStore store, MessagingMetrics metrics, Clock clock,
            Reachability reachability) {
        this.reachability = reachability;
        this.events = events;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void publish(List<Transition> transitions) {
        Instant now = this.clock.instant();
        for (Transition transition : transitions) {
            this.metrics.transition(transition);
            this.events.publishEvent(new MessageStatusChanged(transition.id(), transition.attribution(),
                    transition.channel(), transition.status(), transition.errorCode(), transition.price(),
                    transition.priceUnit(), now, transition.recipientZone()));
            if (transition.status().terminal()) {
                this.reachability.learn(transition.to(), transition.channel(), transition.status(),
                        transition.errorCode(), transition.id());
            }
            if (transition.status() == MessageStatus.DELIVERED && transition.chainRoot() != null) {
                publish(this.store.cancelLaterSteps(transition.chainRoot()));
            }
        }
    }

}

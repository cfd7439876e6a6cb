package org.smscampaign.messaging.dispatch;

import java.time.Clock;
import java.util.List;

import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessageStatusChanged;
import org.smscampaign.messaging.Reachability;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the rest of the platform what happened to messages, once stored, and draws the
 * consequences inside the gateway: a delivered step of a cascade withdraws the later
 * steps (the first channel that delivers wins; {@link CascadeAdvancer} repairs what a
 * crash left); a final status on WhatsApp or RCS teaches whether the number is reachable
 * there ({@link Reachability}).
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
        for (Transition transition : transitions) {
            tell(transition);
            if (transition.status() == MessageStatus.DELIVERED && transition.chainRoot() != null) {
                publish(this.store.cancelLaterSteps(transition.chainRoot()));
            }
        }
    }

    /**
     * A report and the later steps its statement withdrew already (no second statement on
     * the receipt's path).
     */
    void publishReported(Transition reported, List<Transition> withdrawn) {
        tell(reported);
        withdrawn.forEach(this::tell);
    }

    private void tell(Transition transition) {
        this.metrics.transition(transition);
        this.events.publishEvent(new MessageStatusChanged(transition.id(), transition.attribution(),
                transition.channel(), transition.status(), transition.errorCode(), transition.price(),
                transition.priceUnit(), this.clock.instant(), transition.recipientZone()));
        if (transition.status().terminal()) {
            this.reachability.learn(transition.to(), transition.channel(), transition.status(), transition.errorCode(),
                    transition.id());
        }
    }

}

package org.smscampaign.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every event the gateway published, from any thread, for assertions. */
@Component
public class RecordedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void record(MessageStatusChanged event) {
        this.events.add(event);
    }

    @EventListener
    void record(RecipientOptedOut event) {
        this.events.add(event);
    }

    @EventListener
    void record(RecipientOptedIn event) {
        this.events.add(event);
    }

    @EventListener
    void record(ReplyReceived event) {
        this.events.add(event);
    }

    @EventListener
    void record(SendingPaused event) {
        this.events.add(event);
    }

    public <T> List<T> of(Class<T> type) {
        return this.events.stream().filter(type::isInstance).map(type::cast).toList();
    }

}

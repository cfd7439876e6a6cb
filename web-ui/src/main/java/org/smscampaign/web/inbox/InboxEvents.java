package org.smscampaign.web.inbox;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.Conversations;
import org.smscampaign.messaging.ReplyReceived;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The inbox's live stream (Server-Sent Events): every open inbox page hears when a text
 * arrives or a conversation changes (assigned, answered, done) and refreshes what it
 * shows. Pages also poll, slower, for what other instances received.
 */
@Component
class InboxEvents {

    private static final Logger log = LoggerFactory.getLogger(InboxEvents.class);

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

    // Sends leave the caller's thread: a slow browser never holds up a webhook. A storm
    // of
    // replies faster than browsers take them keeps the newest 1,000 (each carries the
    // waiting count, so a dropped one is made good by the next).
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000), (task) -> {
                Thread thread = new Thread(task, "inbox-events");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardOldestPolicy());

    private final Conversations conversations;

    private final InboxProperties properties;

    InboxEvents(Conversations conversations, InboxProperties properties, MeterRegistry meters) {
        this.conversations = conversations;
        this.properties = properties;
        new ExecutorServiceMetrics(this.sender, "inbox-events", List.of()).bindTo(meters);
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(this.properties.streamTimeout().toMillis());
        this.emitters.add(emitter);
        emitter.onCompletion(() -> this.emitters.remove(emitter));
        emitter.onTimeout(emitter::complete);
        emitter.onError((ex) -> this.emitters.remove(emitter));
        try {
            emitter.send(SseEmitter.event().name("hello").data(Map.of("waiting", this.conversations.waiting())));
        }
        catch (IOException ex) {
            this.emitters.remove(emitter);
        }
        return emitter;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ReplyReceived reply) {
        changed(reply.phone());
    }

    /** A conversation changed: every open inbox page hears it. */
    void changed(String phone) {
        if (this.emitters.isEmpty()) {
            return;
        }
        this.sender.execute(() -> {
            Map<String, Object> data = Map.of("phone", phone, "waiting", this.conversations.waiting());
            for (SseEmitter emitter : this.emitters) {
                try {
                    emitter.send(SseEmitter.event().name("inbox").data(data, MediaType.APPLICATION_JSON));
                }
                catch (IOException | IllegalStateException ex) {
                    log.debug("An inbox stream closed: {}", ex.getMessage());
                    this.emitters.remove(emitter);
                }
            }
        });
    }

    @PreDestroy
    void close() {
        this.emitters.forEach(SseEmitter::complete);
        this.sender.shutdownNow();
    }

}

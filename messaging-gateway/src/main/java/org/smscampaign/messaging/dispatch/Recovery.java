package org.smscampaign.messaging.dispatch;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.provider.CallbackAddresses;
import org.smscampaign.messaging.provider.Lookup;
import org.smscampaign.messaging.provider.OutgoingMessage;
import org.smscampaign.messaging.provider.SmsSender;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What a crashed or stalled worker left behind. Claims whose lease expired before sending
 * go back to the queue (nothing was sent). Sends whose outcome was never stored become
 * UNKNOWN; after a while without a status callback the provider is asked: it has the
 * message (adopted), or has none (sent again, or failed, by configuration), or cannot
 * tell (asked again later). Never resent blindly.
 */
@Component
class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final MessageStore store;

    private final SmsSender provider;

    private final CallbackAddresses callbacks;

    private final StatusEvents statusEvents;

    private final MessagingMetrics metrics;

    private final MessagingProperties properties;

    private final boolean enabled;

    Recovery(MessageStore store, SmsSender provider, CallbackAddresses callbacks, StatusEvents statusEvents,
            MessagingMetrics metrics, MessagingProperties properties,
            @Value("${sms.messaging.dispatch.enabled:true}") boolean enabled) {
        this.enabled = enabled;
        this.store = store;
        this.provider = provider;
        this.callbacks = callbacks;
        this.statusEvents = statusEvents;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${sms.messaging.dispatch.sweep-interval:5s}")
    void sweep() {
        if (this.enabled) {
            recoverExpiredLeases();
            reconcileUnknown();
        }
    }

    void recoverExpiredLeases() {
        MessageStore.Recovered recovered = this.store.recoverExpiredLeases();
        int expired = recovered.requeued() + recovered.unknown().size();
        if (expired > 0) {
            log.warn("Expired claims: {} messages queued again, {} sends of unknown outcome", recovered.requeued(),
                    recovered.unknown().size());
            this.metrics.leaseExpired(expired);
            this.statusEvents.publish(recovered.unknown());
        }
    }

    void reconcileUnknown() {
        List<MessageStore.Unknown> unknown = this.store.unknownSince(this.properties.dispatch().reconcileAfter(), 100);
        for (MessageStore.Unknown message : unknown) {
            MessagingProperties.Sender sender = this.properties.senders().get(message.sender());
            OutgoingMessage outgoing = new OutgoingMessage(message.id(), message.channel(), message.to(),
                    message.body(), message.sender(), sender, this.callbacks.statusCallback(message.id()));
            Lookup lookup = this.provider.lookup(outgoing, message.attemptedAt());
            if (lookup instanceof Lookup.Found found) {
                settle(message, found.status(), found.sid(), "reconciled: the provider has it");
            }
            else if (lookup instanceof Lookup.NotFound) {
                boolean resend = this.properties.dispatch()
                    .unknownOutcome() == MessagingProperties.UnknownOutcome.RESEND
                        && message.attempts() < this.properties.dispatch().maxAttempts();
                settle(message, resend ? MessageStatus.QUEUED : MessageStatus.FAILED, null,
                        resend ? "reconciled: the provider never received it; queued again"
                                : "reconciled: the provider never received it; not resent (policy)");
            }
            else {
                log.info("Message {}: the provider cannot tell yet ({})", message.id(),
                        ((Lookup.CannotTell) lookup).detail());
            }
        }
    }

    private void settle(MessageStore.Unknown message, MessageStatus status, String sid, String detail) {
        this.store.settleUnknown(message.id(), status, sid, detail)
            .ifPresent((transition) -> this.statusEvents.publish(List.of(transition)));
    }

}

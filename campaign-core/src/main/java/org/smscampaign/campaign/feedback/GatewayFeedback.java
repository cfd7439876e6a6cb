package org.smscampaign.campaign.feedback;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.contact.WhatsAppConsent;
import org.smscampaign.link.LinkDeliveries;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageStatusChanged;
import org.smscampaign.messaging.OptOutReason;
import org.smscampaign.messaging.RecipientOptedIn;
import org.smscampaign.messaging.RecipientOptedOut;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the gateway learns, carried to the other modules: a STOP unsubscribes the contact
 * with that number (logged as a reply keyword), a START subscribes it again, and a
 * delivery receipt tells link tracking when the message arrived (hits before or seconds
 * after it are not people).
 * <p>
 * A STOP or START changes the contact's consent, with its consent log entry, in the
 * gateway's own transaction (listeners run where the event is published), so the
 * suppression and the consent commit together. Chosen over a reconciler: it costs the
 * webhook a few single-row statements by unique number, leaves no window in which a START
 * could remove the suppression before a sweep saw it (WhatsApp would then resume after a
 * STOP), and needs no periodic join of the suppression list with the contacts. If the
 * consent change fails, the STOP rolls back whole, its text unstored, and the provider's
 * retry handles it again.
 */
@Component
class GatewayFeedback {

    private static final Logger log = LoggerFactory.getLogger(GatewayFeedback.class);

    private static final String RECORDED_BY = "messaging gateway";

    private final ContactManagement contacts;

    private final LinkDeliveries deliveries;

    GatewayFeedback(ContactManagement contacts, LinkDeliveries deliveries) {
        this.contacts = contacts;
        this.deliveries = deliveries;
    }

    /**
     * A STOP on any channel ends both consents: SMS unsubscribed and the WhatsApp opt-in
     * withdrawn, each logged.
     */
    @EventListener
    @Transactional
    void optedOut(RecipientOptedOut event) {
        this.contacts.findByPhoneNumber(event.phone()).filter((contact) -> !contact.erased()).ifPresent((contact) -> {
            ConsentSource source = (event.reason() == OptOutReason.MANUAL) ? ConsentSource.ADMIN
                    : ConsentSource.REPLY_KEYWORD;
            if (contact.consent() != ConsentStatus.UNSUBSCRIBED) {
                this.contacts.changeConsent(contact.id(), ConsentStatus.UNSUBSCRIBED, source, proof(event),
                        RECORDED_BY);
                log.info("Contact {} unsubscribed by reply", contact.id());
            }
            if (contact.whatsappConsent() != WhatsAppConsent.OPTED_OUT) {
                this.contacts.changeWhatsAppConsent(contact.id(), WhatsAppConsent.OPTED_OUT, source,
                        whatsappProof(event), RECORDED_BY);
            }
        });
    }

    private static String channelName(Channel channel) {
        return switch (channel) {
            case SMS -> "SMS";
            case WHATSAPP -> "WhatsApp";
            case RCS -> "RCS";
        };
    }

    private static String whatsappProof(RecipientOptedOut event) {
        String at = DateTimeFormatter.ISO_INSTANT.format(event.at().truncatedTo(ChronoUnit.SECONDS));
        return switch (event.reason()) {
            case KEYWORD -> "\"" + event.detail() + "\" received on " + channelName(event.channel()) + " at " + at
                    + ": a STOP on any channel stops every channel";
            default -> proof(event) + " at " + at + ": every channel stops";
        };
    }

    private static String proof(RecipientOptedOut event) {
        return switch (event.reason()) {
            case KEYWORD -> "Replied \"" + event.detail() + "\" on " + channelName(event.channel());
            case CARRIER -> "The carrier reports the recipient unsubscribed (" + event.detail() + ")";
            case REVIEWED_REPLY -> "A reply read as an opt-out (" + event.detail() + ")";
            case MANUAL -> "Suppressed by hand: " + event.detail();
        };
    }

    @EventListener
    @Transactional
    void optedIn(RecipientOptedIn event) {
        this.contacts.findByPhoneNumber(event.phone()).filter((contact) -> !contact.erased()).ifPresent((contact) -> {
            // Only a START by SMS subscribes to SMS again: WhatsApp opt-in is its own.
            if (event.channel() == Channel.SMS && contact.consent() == ConsentStatus.UNSUBSCRIBED) {
                this.contacts.changeConsent(contact.id(), ConsentStatus.SUBSCRIBED, ConsentSource.REPLY_KEYWORD,
                        "Replied \"" + event.keyword() + "\"", RECORDED_BY);
            }
            // Written to us on WhatsApp: that is a WhatsApp opt-in, with its proof.
            if (event.channel() == Channel.WHATSAPP && contact.whatsappConsent() != WhatsAppConsent.OPTED_IN) {
                this.contacts.changeWhatsAppConsent(contact.id(), WhatsAppConsent.OPTED_IN, ConsentSource.REPLY_KEYWORD,
                        "\"" + event.keyword() + "\" received on WhatsApp at "
                                + DateTimeFormatter.ISO_INSTANT.format(event.at().truncatedTo(ChronoUnit.SECONDS)),
                        RECORDED_BY);
            }
        });
    }

    /**
     * Deliveries only. The note is one statement, atomic by itself: it runs outside any
     * transaction (one still bound after its commit would swallow it), so a receipt costs
     * no transaction of its own here.
     */
    @TransactionalEventListener(fallbackExecution = true, condition = "#event.status().name() == 'DELIVERED'")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void statusChanged(MessageStatusChanged event) {
        this.deliveries.delivered(event.messageId(), event.at(), event.recipientZone());
    }

}

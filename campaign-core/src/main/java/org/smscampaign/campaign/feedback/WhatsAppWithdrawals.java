package org.smscampaign.campaign.feedback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.contact.WhatsAppConsent;
import org.smscampaign.contact.WhatsAppConsentChanged;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageGateway;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A WhatsApp opt-in withdrawn (by hand, import, API or a STOP) withdraws the WhatsApp
 * messages still waiting for that person at once; a cascade goes on with its next
 * channel, whose own consent applies.
 */
@Component
class WhatsAppWithdrawals {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWithdrawals.class);

    private final ContactManagement contacts;

    private final MessageGateway gateway;

    WhatsAppWithdrawals(ContactManagement contacts, MessageGateway gateway) {
        this.contacts = contacts;
        this.gateway = gateway;
    }

    @TransactionalEventListener(fallbackExecution = true,
            condition = "#event.status() != T(org.smscampaign.contact.WhatsAppConsent).OPTED_IN")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void consentChanged(WhatsAppConsentChanged event) {
        this.contacts.find(event.contactId())
            .filter((contact) -> contact.phoneNumber() != null)
            .filter((contact) -> contact.whatsappConsent() != WhatsAppConsent.OPTED_IN)
            .ifPresent((contact) -> {
                int withdrawn = this.gateway.withdrawOnChannel(contact.phoneNumber(), Channel.WHATSAPP,
                        "WhatsApp opt-in withdrawn");
                if (withdrawn > 0) {
                    log.info("Contact {}: {} waiting WhatsApp messages withdrawn", contact.id(), withdrawn);
                }
            });
    }

}

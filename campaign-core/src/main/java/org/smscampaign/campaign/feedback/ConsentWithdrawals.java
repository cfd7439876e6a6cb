package org.smscampaign.campaign.feedback;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactConsentChanged;
import org.smscampaign.contact.ContactErased;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.contact.ContactsOptedOut;
import org.smscampaign.contact.WhatsAppConsent;
import org.smscampaign.contact.WhatsAppConsentChanged;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageGateway;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent withdrawn withdraws the messages still waiting for that person, in the same
 * transaction as the consent change (listeners run where the change is published, not
 * after its commit): a crash leaves both or neither, never an opt-out with its messages
 * still queued (the gateway knows no contact's consent when it sends). A WhatsApp opt-in
 * withdrawn (by hand, import, API or a STOP) fails the waiting WhatsApp messages, so a
 * cascade goes on with its next channel, whose own consent applies; unsubscribed or
 * erased, the person gets nothing on any channel.
 */
@Component
class ConsentWithdrawals {

    private static final Logger log = LoggerFactory.getLogger(ConsentWithdrawals.class);

    private final ContactManagement contacts;

    private final MessageGateway gateway;

    ConsentWithdrawals(ContactManagement contacts, MessageGateway gateway) {
        this.contacts = contacts;
        this.gateway = gateway;
    }

    @EventListener(condition = "#event.status() != T(org.smscampaign.contact.WhatsAppConsent).OPTED_IN")
    @Transactional(propagation = Propagation.MANDATORY)
    void whatsAppConsentChanged(WhatsAppConsentChanged event) {
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

    @EventListener(condition = "#event.status() == T(org.smscampaign.contact.ConsentStatus).UNSUBSCRIBED")
    @Transactional(propagation = Propagation.MANDATORY)
    void unsubscribed(ContactConsentChanged event) {
        this.contacts.find(event.contactId())
            .filter((contact) -> contact.phoneNumber() != null)
            .filter((contact) -> contact.consent() == ConsentStatus.UNSUBSCRIBED)
            .ifPresent((contact) -> withdrawAll(contact.id(), contact.phoneNumber(), "unsubscribed"));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void erased(ContactErased event) {
        if (event.formerPhoneNumber() != null) {
            withdrawAll(event.contactId(), event.formerPhoneNumber(), "contact erased");
        }
    }

    /** An import's opt-outs: one statement per kind for the whole batch. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void importedOptOuts(ContactsOptedOut event) {
        int all = this.gateway.withdrawAll(event.unsubscribed(), "unsubscribed");
        int whatsApp = this.gateway.withdrawOnChannel(event.whatsAppOptedOut(), Channel.WHATSAPP,
                "WhatsApp opt-in withdrawn");
        if (all + whatsApp > 0) {
            log.info("Import: {} waiting messages withdrawn ({} on WhatsApp)", all + whatsApp, whatsApp);
        }
    }

    private void withdrawAll(long contactId, String phone, String why) {
        int withdrawn = this.gateway.withdrawAll(List.of(phone), why);
        if (withdrawn > 0) {
            log.info("Contact {} {}: {} waiting messages withdrawn", contactId, why, withdrawn);
        }
    }

}

package org.smscampaign.campaign.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;
import org.smscampaign.contact.BatchOptions;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactBatches;
import org.smscampaign.contact.ContactDetails;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.contact.ExistingContactPolicy;
import org.smscampaign.contact.NormalizedContact;
import org.smscampaign.contact.ParsedPhoneNumber;
import org.smscampaign.contact.WhatsAppConsent;
import org.smscampaign.contact.WhatsAppOptIn;
import org.smscampaign.messaging.Attribution;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageRequest;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessageStatusChanged;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Consent withdrawn and the withdrawal of the person's waiting messages commit together:
 * a process that dies between the two leaves neither, and the change made again leaves
 * both, once. No waiting: the withdrawal is part of the change's commit.
 */
@CampaignCoreIT
class ConsentWithdrawalsIT {

    @Autowired
    ContactManagement contacts;

    @Autowired
    ContactBatches batches;

    @Autowired
    MessageGateway gateway;

    @Autowired
    ConfigurableApplicationContext context;

    private static String uniqueNumber() {
        return "+49176" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private ContactDetails whatsAppContact() {
        ContactDetails created = this.contacts.create(new ContactInput(uniqueNumber(), "Mia", "Berg", null, null, null,
                null, null, null, null, null, null, Map.of()), ConsentStatus.SUBSCRIBED, ConsentSource.FORM,
                "Store sign-up", "marketer");
        return this.contacts.changeWhatsAppConsent(created.id(), WhatsAppConsent.OPTED_IN, ConsentSource.FORM,
                "Ticked the WhatsApp box at checkout", "marketer");
    }

    /** A message due in two hours, so that no worker sends it meanwhile. */
    private long queue(ContactDetails contact, Channel channel) {
        return this.gateway.enqueue(List.of(new MessageRequest(null,
                "withdrawal-" + channel + "-" + contact.phoneNumber() + "-" + System.nanoTime(), channel, "default",
                contact.phoneNumber(), "Sale tomorrow", 1, Instant.now().plus(Duration.ofHours(2)), null,
                new Attribution(null, contact.id(), null), List.of())))
            .values()
            .iterator()
            .next();
    }

    private MessageStatus status(long message) {
        return this.gateway.find(message).orElseThrow().status();
    }

    private int logSize(long contact) {
        return this.contacts.find(contact).orElseThrow().consentLog().size();
    }

    /** Runs the action with the withdrawal of that message dying half-way. */
    private void withTheWithdrawalDying(long message, Runnable action) {
        ApplicationListener<ApplicationEvent> dying = (event) -> {
            if (event instanceof PayloadApplicationEvent<?> published
                    && published.getPayload() instanceof MessageStatusChanged changed
                    && changed.messageId() == message) {
                throw new IllegalStateException("the process died here");
            }
        };
        this.context.addApplicationListener(dying);
        try {
            assertThatIllegalStateException().isThrownBy(action::run).withMessage("the process died here");
        }
        finally {
            this.context.removeApplicationListener(dying);
        }
    }

    @Test
    void aWhatsAppOptOutWhoseWithdrawalDiesLeavesNeitherAndMadeAgainLeavesBothOnce() {
        ContactDetails mia = whatsAppContact();
        long whatsApp = queue(mia, Channel.WHATSAPP);
        long sms = queue(mia, Channel.SMS);
        int logged = logSize(mia.id());

        withTheWithdrawalDying(whatsApp, () -> this.contacts.changeWhatsAppConsent(mia.id(), WhatsAppConsent.OPTED_OUT,
                ConsentSource.ADMIN, "Asked us by phone", "marketer"));

        assertThat(this.contacts.find(mia.id()).orElseThrow().whatsappConsent()).as("no opt-out without withdrawal")
            .isEqualTo(WhatsAppConsent.OPTED_IN);
        assertThat(logSize(mia.id())).isEqualTo(logged);
        assertThat(status(whatsApp)).isEqualTo(MessageStatus.QUEUED);

        for (int time = 0; time < 2; time++) {
            this.contacts.changeWhatsAppConsent(mia.id(), WhatsAppConsent.OPTED_OUT, ConsentSource.ADMIN,
                    "Asked us by phone", "marketer");

            assertThat(this.contacts.find(mia.id()).orElseThrow().whatsappConsent())
                .isEqualTo(WhatsAppConsent.OPTED_OUT);
            assertThat(logSize(mia.id())).as("logged once").isEqualTo(logged + 1);
            assertThat(status(whatsApp)).isEqualTo(MessageStatus.FAILED);
            assertThat(this.gateway.find(whatsApp).orElseThrow().errorDetail()).isEqualTo("WhatsApp opt-in withdrawn");
            assertThat(status(sms)).as("SMS consent is its own").isEqualTo(MessageStatus.QUEUED);
        }
    }

    @Test
    void unsubscribingByHandWithdrawsEveryWaitingMessageInTheSameCommit() {
        ContactDetails mia = whatsAppContact();
        long sms = queue(mia, Channel.SMS);
        long whatsApp = queue(mia, Channel.WHATSAPP);

        withTheWithdrawalDying(sms, () -> this.contacts.changeConsent(mia.id(), ConsentStatus.UNSUBSCRIBED,
                ConsentSource.ADMIN, "Asked us by e-mail", "marketer"));

        assertThat(this.contacts.find(mia.id()).orElseThrow().consent()).isEqualTo(ConsentStatus.SUBSCRIBED);
        assertThat(status(sms)).isEqualTo(MessageStatus.QUEUED);

        this.contacts.changeConsent(mia.id(), ConsentStatus.UNSUBSCRIBED, ConsentSource.ADMIN, "Asked us by e-mail",
                "marketer");

        assertThat(this.contacts.find(mia.id()).orElseThrow().consent()).isEqualTo(ConsentStatus.UNSUBSCRIBED);
        assertThat(List.of(status(sms), status(whatsApp))).containsOnly(MessageStatus.SUPPRESSED);
    }

    @Test
    void erasingAContactWithdrawsWhatWaitsForItsFormerNumber() {
        ContactDetails mia = whatsAppContact();
        long sms = queue(mia, Channel.SMS);

        withTheWithdrawalDying(sms, () -> this.contacts.erase(mia.id(), "privacy officer"));

        assertThat(this.contacts.find(mia.id()).orElseThrow().erased()).isFalse();
        assertThat(status(sms)).isEqualTo(MessageStatus.QUEUED);

        this.contacts.erase(mia.id(), "privacy officer");

        assertThat(this.contacts.find(mia.id()).orElseThrow().erased()).isTrue();
        assertThat(status(sms)).isEqualTo(MessageStatus.SUPPRESSED);
    }

    @Test
    void anImportThatOptsOutOfWhatsAppWithdrawsTheWaitingWhatsAppMessagesInItsBatch() {
        ContactDetails mia = whatsAppContact();
        long whatsApp = queue(mia, Channel.WHATSAPP);
        long sms = queue(mia, Channel.SMS);
        NormalizedContact row = new NormalizedContact(
                new ParsedPhoneNumber(mia.phoneNumber(), "MOBILE", "DE", "Europe/Berlin"), null, null, null, null, null,
                null, null, null, null, "Europe/Berlin", List.of(), Map.of(), null,
                new WhatsAppOptIn(WhatsAppConsent.OPTED_OUT, Instant.now(), "Unticked in the store's CRM"));
        BatchOptions options = new BatchOptions(ExistingContactPolicy.UPDATE, ConsentStatus.SUBSCRIBED,
                ConsentSource.IMPORT, null, null, "import");

        withTheWithdrawalDying(whatsApp, () -> this.batches.upsert(List.of(row), options));

        assertThat(this.contacts.find(mia.id()).orElseThrow().whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_IN);
        assertThat(status(whatsApp)).isEqualTo(MessageStatus.QUEUED);

        for (int time = 0; time < 2; time++) {
            this.batches.upsert(List.of(row), options);

            assertThat(this.contacts.find(mia.id()).orElseThrow().whatsappConsent())
                .isEqualTo(WhatsAppConsent.OPTED_OUT);
            assertThat(status(whatsApp)).isEqualTo(MessageStatus.FAILED);
            assertThat(status(sms)).isEqualTo(MessageStatus.QUEUED);
        }
    }

}

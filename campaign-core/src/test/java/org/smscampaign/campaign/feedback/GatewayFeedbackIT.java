package org.smscampaign.campaign.feedback;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;
import org.smscampaign.contact.ConsentChannel;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactDetails;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.contact.WhatsAppConsent;
import org.smscampaign.contact.WhatsAppConsentChanged;
import org.smscampaign.link.MintedLink;
import org.smscampaign.link.RecipientLinkRequest;
import org.smscampaign.link.ShortLinks;
import org.smscampaign.messaging.Attribution;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessageStatusChanged;
import org.smscampaign.messaging.OptOuts;
import org.smscampaign.messaging.reply.InboundMessages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What the gateway learns reaches contacts' consent and link tracking. */
@CampaignCoreIT
class GatewayFeedbackIT {

    @Autowired
    ContactManagement contacts;

    @Autowired
    InboundMessages inbound;

    @Autowired
    OptOuts optOuts;

    @Autowired
    ShortLinks links;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    private ContactDetails subscribedContact() {
        String number = "+49176" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return this.contacts.create(new ContactInput(number, "Lena", "Vogel", null, null, null, null, null, null, null,
                null, null, Map.of()), ConsentStatus.SUBSCRIBED, ConsentSource.FORM, "Store sign-up", "marketer");
    }

    @Test
    void aStopReplyUnsubscribesTheContactAndStartSubscribesItAgainBothLogged() {
        ContactDetails lena = subscribedContact();

        this.inbound.receive("SM" + System.nanoTime(), lena.phoneNumber(), "+15005550006", "Stop.", null);

        ContactDetails stopped = this.contacts.find(lena.id()).orElseThrow();
        assertThat(stopped.consent()).isEqualTo(ConsentStatus.UNSUBSCRIBED);
        assertThat(stopped.consentLog()).filteredOn((e) -> e.channel() == ConsentChannel.SMS)
            .first()
            .satisfies((entry) -> {
                assertThat(entry.source()).isEqualTo(ConsentSource.REPLY_KEYWORD);
                assertThat(entry.proof()).isEqualTo("Replied \"Stop.\" on SMS");
            });

        this.inbound.receive("SM" + System.nanoTime(), lena.phoneNumber(), "+15005550006", "START", null);

        assertThat(this.contacts.find(lena.id()).orElseThrow().consent()).isEqualTo(ConsentStatus.SUBSCRIBED);
    }

    @Test
    void aStopOnWhatsAppEndsBothConsentsAndStartOnWhatsAppOptsInAgainWithProof() {
        ContactDetails lena = subscribedContact();
        this.contacts.changeWhatsAppConsent(lena.id(), WhatsAppConsent.OPTED_IN, ConsentSource.FORM,
                "WhatsApp box ticked at checkout", "marketer");

        this.inbound.receive("SM" + System.nanoTime(), "whatsapp:" + lena.phoneNumber(), "whatsapp:+14155238886",
                "STOP", null);

        ContactDetails stopped = this.contacts.find(lena.id()).orElseThrow();
        assertThat(stopped.consent()).isEqualTo(ConsentStatus.UNSUBSCRIBED);
        assertThat(stopped.whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_OUT);
        assertThat(stopped.consentLog()).filteredOn((e) -> e.channel() == ConsentChannel.WHATSAPP)
            .first()
            .satisfies((entry) -> {
                assertThat(entry.source()).isEqualTo(ConsentSource.REPLY_KEYWORD);
                assertThat(entry.statusLabel()).isEqualTo("Opted out");
                assertThat(entry.proof()).startsWith("\"STOP\" received on WhatsApp at ");
            });

        this.inbound.receive("SM" + System.nanoTime(), "whatsapp:" + lena.phoneNumber(), "whatsapp:+14155238886",
                "START", null);

        ContactDetails started = this.contacts.find(lena.id()).orElseThrow();
        assertThat(started.consent()).as("a START on WhatsApp does not subscribe to SMS again")
            .isEqualTo(ConsentStatus.UNSUBSCRIBED);
        assertThat(started.whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_IN);
        assertThat(started.consentLog().get(0).proof()).startsWith("\"START\" received on WhatsApp at ");
    }

    @Test
    void aStopBySmsWithdrawsTheWhatsAppOptInTooButStartBySmsDoesNotGiveIt() {
        ContactDetails lena = subscribedContact();
        this.contacts.changeWhatsAppConsent(lena.id(), WhatsAppConsent.OPTED_IN, ConsentSource.FORM, "store",
                "marketer");

        this.inbound.receive("SM" + System.nanoTime(), lena.phoneNumber(), "+15005550006", "STOP", null);
        assertThat(this.contacts.find(lena.id()).orElseThrow().whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_OUT);

        this.inbound.receive("SM" + System.nanoTime(), lena.phoneNumber(), "+15005550006", "START", null);
        ContactDetails started = this.contacts.find(lena.id()).orElseThrow();
        assertThat(started.consent()).isEqualTo(ConsentStatus.SUBSCRIBED);
        assertThat(started.whatsappConsent()).as("WhatsApp opt-in is its own consent")
            .isEqualTo(WhatsAppConsent.OPTED_OUT);
    }

    /**
     * The STOP's suppression and the contact's consent commit together: a process that
     * dies between them leaves neither, and the provider's retry of the same text leaves
     * both, once. A later START by SMS then leaves WhatsApp opted out.
     */
    @Test
    void aStopWhoseConsentChangeDiesLeavesNeitherAndItsRetryLeavesBothOnce() {
        ContactDetails lena = subscribedContact();
        this.contacts.changeWhatsAppConsent(lena.id(), WhatsAppConsent.OPTED_IN, ConsentSource.FORM, "store",
                "marketer");
        int logged = this.contacts.find(lena.id()).orElseThrow().consentLog().size();
        String sid = "SM" + System.nanoTime();
        ApplicationListener<ApplicationEvent> dying = (event) -> {
            if (event instanceof PayloadApplicationEvent<?> published
                    && published.getPayload() instanceof WhatsAppConsentChanged changed
                    && changed.contactId() == lena.id()) {
                throw new IllegalStateException("the process died here");
            }
        };
        this.context.addApplicationListener(dying);
        try {
            assertThatIllegalStateException()
                .isThrownBy(() -> this.inbound.receive(sid, lena.phoneNumber(), "+15005550006", "STOP", null));
        }
        finally {
            this.context.removeApplicationListener(dying);
        }

        ContactDetails died = this.contacts.find(lena.id()).orElseThrow();
        assertThat(this.optOuts.isSuppressed(lena.phoneNumber())).as("no suppression without the consent").isFalse();
        assertThat(died.consent()).isEqualTo(ConsentStatus.SUBSCRIBED);
        assertThat(died.whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_IN);
        assertThat(died.consentLog()).hasSize(logged);

        for (int retry = 0; retry < 2; retry++) {
            this.inbound.receive(sid, lena.phoneNumber(), "+15005550006", "STOP", null);

            ContactDetails stopped = this.contacts.find(lena.id()).orElseThrow();
            assertThat(this.optOuts.isSuppressed(lena.phoneNumber())).isTrue();
            assertThat(stopped.consent()).isEqualTo(ConsentStatus.UNSUBSCRIBED);
            assertThat(stopped.whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_OUT);
            assertThat(stopped.consentLog()).as("both consents logged, once").hasSize(logged + 2);
        }

        this.inbound.receive("SM" + System.nanoTime(), lena.phoneNumber(), "+15005550006", "START", null);
        ContactDetails started = this.contacts.find(lena.id()).orElseThrow();
        assertThat(started.consent()).isEqualTo(ConsentStatus.SUBSCRIBED);
        assertThat(started.whatsappConsent()).isEqualTo(WhatsAppConsent.OPTED_OUT);
    }

    @Test
    void aNumberSuppressedByHandIsLoggedAsAPersonsDecision() {
        ContactDetails lena = subscribedContact();

        this.optOuts.suppress(lena.phoneNumber(), "asked by phone");

        assertThat(this.contacts.find(lena.id()).orElseThrow().consentLog()).first()
            .satisfies((entry) -> assertThat(entry.source()).isEqualTo(ConsentSource.ADMIN));
    }

    @Test
    void aDeliveryReceiptTellsLinkTrackingWhenTheMessageArrived() {
        long message = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        MintedLink link = this.links
            .mint(java.util.List
                .of(new RecipientLinkRequest("https://shop.example/", null, 77, 1, "A", message, "feedback", 7)))
            .get(0);
        Instant delivered = Instant.parse("2026-11-25T10:00:00Z");

        this.events.publishEvent(new MessageStatusChanged(message, new Attribution(77L, 1L, "A"), Channel.SMS,
                MessageStatus.DELIVERED, null, null, null, delivered, "Europe/Berlin"));

        assertThat(link.code()).isNotBlank();
        assertThat(this.jdbc.sql("select delivered_at from link_delivery where message_id = :id")
            .param("id", message)
            .query(java.sql.Timestamp.class)
            .single()
            .toInstant()).isEqualTo(delivered);
    }

}

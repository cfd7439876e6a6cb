package org.smscampaign.web.dashboard;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.smscampaign.link.Brands;
import org.smscampaign.messaging.Attribution;
import org.smscampaign.messaging.ChainStep;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageRequest;
import org.smscampaign.messaging.StepText;
import org.smscampaign.messaging.TemplateContent;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A launched campaign of its own whose messages went out as cascades through the gateway
 * and the simulator: WhatsApp (a one-segment text) first, then SMS (a two-segment text
 * with its opt-out line) after 30 s. Two German numbers end in 1 and 2 (delivered on
 * WhatsApp), two in 9 (no WhatsApp account in the simulator: 63003, handed to SMS). The
 * first WhatsApp recipient and the first SMS recipient click as people; the SMS one also
 * buys for 25 USD. Returns once every message settled.
 */
public final class SentCascade {

    /** WhatsApp text: one segment. */
    static final String WHATSAPP_TEXT = "Hi Anna, your winter sale code is SNOW25: https://shop.example/sale";

    /** SMS text: two segments (more than 160 GSM characters), with the opt-out line. */
    static final String SMS_TEXT = "Hi Anna, our winter sale starts today: every coat and boot 25 % off with code SNOW25"
            + " at https://shop.example/sale until Sunday night, while stocks last. Reply STOP to opt out";

    private static final Duration SETTLE = Duration.ofSeconds(40);

    private final long campaign;

    private final List<Long> contacts = new ArrayList<>();

    private final List<String> numbers = new ArrayList<>();

    public SentCascade(JdbcClient jdbc, MessageGateway gateway, Brands brands, String name) {
        Instant launched = Instant.now().minus(Duration.ofMinutes(5));
        this.campaign = jdbc.sql("""
                insert into campaign (name, status, sender, created_by, launched_by, launched_at, launch_finished_at,
                    audience_count, queued_count, evaluation_days, attribution_days)
                values (:name, 'COMPLETED', 'default', 'test', 'test', :at, :at, 4, 4, 7, 7)
                returning id""").param("name", name).param("at", Timestamp.from(launched)).query(Long.class).single();
        jdbc.sql("insert into campaign_variant values (:id, 'A', :body, 100)")
            .param("id", this.campaign)
            .param("body", SMS_TEXT)
            .update();
        List<ChainStep> chain = List.of(new ChainStep(Channel.WHATSAPP, "whatsapp", Duration.ofMinutes(30)),
                new ChainStep(Channel.SMS, "default", Duration.ofMinutes(30)));
        // Business-initiated on WhatsApp: an approved template (free text gets 63016).
        TemplateContent template = new TemplateContent("HXb5b62575e6e4ff6129ad7c8efe1f983e",
                "{\"1\":\"Anna\",\"2\":\"https://shop.example/sale\"}");
        List<StepText> texts = List.of(new StepText(WHATSAPP_TEXT, 1, template), new StepText(SMS_TEXT, 2, null));
        List<MessageRequest> requests = new ArrayList<>();
        String base = "+49176" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        for (String last : List.of("1", "2", "9", "9")) {
            String number = base.substring(0, base.length() - 1) + ThreadLocalRandom.current().nextInt(10) + last;
            long contact = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
            this.contacts.add(contact);
            this.numbers.add(number);
            requests.add(new MessageRequest(null, "cascade-results:" + contact, Channel.WHATSAPP, "whatsapp", number,
                    WHATSAPP_TEXT, 1, Instant.now(), null, new Attribution(this.campaign, contact, "A"), chain,
                    template, texts));
        }
        gateway.enqueue(requests);
        await("every cascade settled",
                () -> jdbc.sql("""
                        select count(*) = 6 and bool_and(status in ('DELIVERED', 'UNDELIVERED', 'FAILED', 'CANCELED'))
                        from outbound_message where campaign_id = :id""")
                    .param("id", this.campaign)
                    .query(Boolean.class)
                    .optional()
                    .orElse(false));
        long brand = brands.defaultBrand().id();
        long firstWhatsApp = link(jdbc, brand, this.contacts.get(0));
        click(jdbc, firstWhatsApp);
        long firstSms = link(jdbc, brand, this.contacts.get(2));
        long click = click(jdbc, firstSms);
        jdbc.sql("""
                insert into conversion (event, value, currency, occurred_at, source, click_id, link_id, attributed,
                    campaign_id, contact_id, variant)
                values ('sale', 25, 'USD', now(), 'SERVER', :click, :link, true, :campaign, :contact, 'A')""")
            .param("click", click)
            .param("link", firstSms)
            .param("campaign", this.campaign)
            .param("contact", this.contacts.get(2))
            .update();
    }

    public long campaign() {
        return this.campaign;
    }

    public List<Long> contacts() {
        return this.contacts;
    }

    private long link(JdbcClient jdbc, long brand, long contact) {
        return jdbc.sql("""
                insert into short_link (code, brand_id, target_url, campaign_id, contact_id, variant)
                values (:code, :brand, 'https://shop.example/sale', :campaign, :contact, 'A') returning id""")
            .param("code", "c" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36))
            .param("brand", brand)
            .param("campaign", this.campaign)
            .param("contact", contact)
            .query(Long.class)
            .single();
    }

    private static long click(JdbcClient jdbc, long link) {
        long id = ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE);
        jdbc.sql("""
                insert into link_click (id, link_id, occurred_at, method, human, first_hit)
                values (:id, :link, now(), 'GET', true, true)""").param("id", id).param("link", link).update();
        return id;
    }

    /** Waits until the condition holds, failing after the settle time. */
    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(SETTLE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + SETTLE.toSeconds() + " s waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

}

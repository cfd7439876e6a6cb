package org.smscampaign.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.smscampaign.campaign.template.MergeFields;
import org.smscampaign.campaign.template.MessageTemplate;
import org.smscampaign.campaign.window.RecipientWindows;
import org.smscampaign.messaging.Conversations;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.OptOuts;
import org.smscampaign.messaging.SendWindow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers from the inbox to a person who wrote: rendered with the contact's fields
 * ({{first_name|there}}), never to a number that opted out, within the person's allowed
 * hours (outside them the answer waits for the window to open), on the sender the person
 * wrote to. The conversation's texts count as answered from then on.
 */
@Service
public class ConversationAnswers {

    private final JdbcClient jdbc;

    private final Conversations conversations;

    private final MessageGateway gateway;

    private final OptOuts optOuts;

    private final RecipientWindows windows;

    private final Clock clock;

    ConversationAnswers(JdbcClient jdbc, Conversations conversations, MessageGateway gateway, OptOuts optOuts,
            RecipientWindows windows, Clock clock) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.gateway = gateway;
        this.optOuts = optOuts;
        this.windows = windows;
        this.clock = clock;
    }

    /** The text an answer would send to the number (merge fields rendered). */
    @Transactional(readOnly = true)
    public String render(String phone, String template) {
        Recipient recipient = recipient(phone);
        return render(template, recipient);
    }

    /**
     * Queues an answer to the number.
     * @throws AnswerRefused the number opted out, or nobody wrote from it
     * @throws org.smscampaign.messaging.OutsideCustomerWindow free text on WhatsApp more
     * than 24 hours after the person's last message
     * @throws IllegalArgumentException an empty text or a broken placeholder
     */
    public AnswerSent answer(String phone, String template, String by) {
        return answer(phone, template, by, null);
    }

    /**
     * An answer sent once per request key (see MessageGateway#answer with a key): a
     * double click or a retry sends nothing more.
     */
    @Transactional
    public AnswerSent answer(String phone, String template, String by, String requestKey) {
        String sender = this.conversations.senderFor(phone)
            .orElseThrow(() -> new AnswerRefused(AnswerRefused.Reason.NO_CONVERSATION,
                    "Nobody wrote from " + phone + " on a channel with a configured sender."));
        Recipient recipient = recipient(phone);
        if (recipient.optedOut() || this.optOuts.isSuppressed(phone)) {
            throw new AnswerRefused(AnswerRefused.Reason.OPTED_OUT,
                    "This number opted out: nothing can be sent to it, not even an answer.");
        }
        String body = render(template, recipient);
        RecipientWindows.Rule rule = this.windows.ruleFor(recipient.country(), recipient.region(), recipient.zone(),
                SendWindow.Policy.HOLD);
        Instant now = this.clock.instant();
        Instant due = this.windows.due(rule, now);
        long id = this.gateway.answer(phone, body, sender, due, rule.window(), recipient.contactId(), by, requestKey);
        int answered = this.conversations.answered(phone);
        return new AnswerSent(id, body, due, due.isAfter(now), due.atZone(recipient.zone()).toLocalTime(), sender,
                this.gateway.channelOf(sender), answered);
    }

    /** Whether the number opted out (then nothing, not even an answer, is sent). */
    @Transactional(readOnly = true)
    public boolean optedOut(String phone) {
        return recipient(phone).optedOut() || this.optOuts.isSuppressed(phone);
    }

    /** The person's time zone (the contact's; UTC for a number that is no contact). */
    @Transactional(readOnly = true)
    public ZoneId zoneOf(String phone) {
        return recipient(phone).zone();
    }

    private String render(String template, Recipient recipient) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("text: write the answer");
        }
        MessageTemplate parsed = MessageTemplate.parse(template.strip());
        if (!parsed.links().isEmpty()) {
            throw new IllegalArgumentException("text: an answer cannot hold {{link:...}}; paste the address");
        }
        return parsed.render((field) -> recipient.fields().get(field), List.of()).text();
    }

    private record Recipient(Long contactId, Map<String, String> fields, String country, String region, ZoneId zone,
            boolean optedOut) {

    }

    private Recipient recipient(String phone) {
        Optional<Recipient> contact = this.jdbc
            .sql("select * from contact where phone_number = :phone and erased_at is null")
            .param("phone", phone)
            .query(this::fromRow)
            .optional();
        return contact.orElseGet(() -> new Recipient(null, Map.of("phone", phone), null, null, ZoneOffset.UTC, false));
    }

    private Recipient fromRow(ResultSet row, int n) throws SQLException {
        String zone = row.getString("time_zone");
        ZoneId id;
        try {
            id = (zone != null && !zone.isBlank()) ? ZoneId.of(zone) : ZoneOffset.UTC;
        }
        catch (java.time.DateTimeException ex) {
            id = ZoneOffset.UTC;
        }
        return new Recipient(row.getLong("id"), MergeFields.of(row, LocalDate.now(this.clock)),
                row.getString("country"), row.getString("region"), id,
                "UNSUBSCRIBED".equals(row.getString("consent_status")));
    }

}

package org.smscampaign.campaign.keyword;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.campaign.template.MessageTemplate;
import org.smscampaign.campaign.window.RecipientWindows;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactDetails;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.contact.ContactProblem;
import org.smscampaign.messaging.Attribution;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageRequest;
import org.smscampaign.messaging.OptOuts;
import org.smscampaign.messaging.ReplyKind;
import org.smscampaign.messaging.ReplyReceived;
import org.smscampaign.messaging.SendWindow;
import org.smscampaign.messaging.SmsText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What a keyword text sets off, once the gateway has stored it: the person joins the
 * keyword's list, and gets its automatic answer on the keyword's sender, rendered with
 * their fields. No answer to a suppressed number or an unsubscribed contact; outside the
 * person's allowed hours the answer waits in the queue for them to open; at most one
 * answer per number, keyword and day (UTC), so a loop of replies cannot spam. Each text
 * is handled once: a mark commits with its answer and list join, and {@link KeywordSweep}
 * hands on again the texts a crash left without one.
 */
@Component
class KeywordAnswers {

    private static final Logger log = LoggerFactory.getLogger(KeywordAnswers.class);

    private final JdbcClient jdbc;

    private final ContactManagement contacts;

    private final ContactLists lists;

    private final OptOuts optOuts;

    private final MessageGateway gateway;

    private final RecipientWindows windows;

    private final Clock clock;

    KeywordAnswers(JdbcClient jdbc, ContactManagement contacts, ContactLists lists, OptOuts optOuts,
            MessageGateway gateway, RecipientWindows windows, Clock clock) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.lists = lists;
        this.optOuts = optOuts;
        this.gateway = gateway;
        this.windows = windows;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void keywordReceived(ReplyReceived event) {
        if (event.kind() != ReplyKind.KEYWORD || event.keywordId() == null) {
            return;
        }
        Optional<Keyword> found = this.jdbc.sql("""
                select k.id, k.keyword, k.answer, k.list_id, c.sender
                from campaign_keyword k join campaign c on c.id = k.campaign_id where k.id = :id""")
            .param("id", event.keywordId())
            .query((row, n) -> new Keyword(row.getLong("id"), row.getString("keyword"), row.getString("answer"),
                    row.getObject("list_id", Long.class), row.getString("sender")))
            .optional();
        if (found.isEmpty()) {
            return; // its campaign was deleted meanwhile
        }
        Keyword keyword = found.get();
        if (event.needsReview()) {
            // "SHOES - stop texting me": a person decides first; nothing is sent
            // meanwhile.
            log.info("Keyword {}: no answer nor list, the text waits for an opt-out review", keyword.word());
            return;
        }
        // Handled already? A sweep racing the live handling waits here for its commit.
        if (this.jdbc.sql("insert into campaign_keyword_text (inbound_id) values (:id) on conflict do nothing")
            .param("id", event.replyId())
            .update() == 0) {
            return;
        }
        Optional<ContactDetails> contact = contactOf(event).filter((c) -> !c.erased());
        boolean optedOut = contact.filter((c) -> c.consent() == ConsentStatus.UNSUBSCRIBED).isPresent()
                || this.optOuts.isSuppressed(event.phone());
        if (keyword.listId() != null && contact.isPresent() && !optedOut) {
            try {
                this.lists.add(keyword.listId(), List.of(contact.get().id()));
            }
            catch (ContactProblem ex) {
                log.warn("Keyword {}: list {} is gone; nobody added", keyword.word(), keyword.listId());
            }
        }
        if (keyword.answer() != null) {
            answer(event, keyword, contact);
        }
    }

    private void answer(ReplyReceived event, Keyword keyword, Optional<ContactDetails> contact) {
        if (contact.filter((c) -> c.consent() == ConsentStatus.UNSUBSCRIBED).isPresent()
                || this.optOuts.isSuppressed(event.phone())) {
            log.info("Keyword {}: no answer, the number opted out", keyword.word());
            return;
        }
        Instant now = this.clock.instant();
        // The day the text came, so a text handled again after midnight is not a new day.
        LocalDate day = LocalDate.ofInstant((event.at() != null) ? event.at() : now, ZoneOffset.UTC);
        int first = this.jdbc.sql("""
                insert into campaign_keyword_answer (keyword_id, phone, day, inbound_id)
                values (:keyword, :phone, :day, :inbound) on conflict do nothing""")
            .param("keyword", keyword.id())
            .param("phone", event.phone())
            .param("day", java.sql.Date.valueOf(day))
            .param("inbound", event.replyId())
            .update();
        if (first == 0) {
            log.info("Keyword {}: answered this number today already", keyword.word());
            return;
        }
        Map<String, String> fields = contact.map(KeywordAnswers::fields).orElseGet(HashMap::new);
        fields.putIfAbsent("phone", event.phone());
        String body = MessageTemplate.parse(keyword.answer()).render(fields::get, List.of()).text();
        RecipientWindows.Rule rule = this.windows.ruleFor(contact.map(ContactDetails::country).orElse(null),
                contact.map(ContactDetails::region).orElse(null),
                zone(contact.map(ContactDetails::timeZone).orElse(null)), SendWindow.Policy.HOLD);
        String key = "keyword:" + keyword.id() + ":" + event.phone() + ":" + day;
        MessageRequest request = new MessageRequest(null, key, this.gateway.channelOf(keyword.sender()),
                keyword.sender(), event.phone(), body, SmsText.of(body).segments(), this.windows.due(rule, now),
                rule.window(), new Attribution(null, contact.map(ContactDetails::id).orElse(null), null), List.of());
        Long messageId = this.gateway.enqueue(List.of(request)).get(key);
        this.jdbc
            .sql("update campaign_keyword_answer set message_id = :message "
                    + "where keyword_id = :keyword and phone = :phone and day = :day")
            .param("message", messageId)
            .param("keyword", keyword.id())
            .param("phone", event.phone())
            .param("day", java.sql.Date.valueOf(day))
            .update();
        log.info("Keyword {}: answer {} queued", keyword.word(), messageId);
    }

    private Optional<ContactDetails> contactOf(ReplyReceived event) {
        Long id = event.attribution().contactId();
        return (id != null) ? this.contacts.find(id) : this.contacts.findByPhoneNumber(event.phone());
    }

    /** A contact's merge fields, as a campaign's texts see them. */
    private static Map<String, String> fields(ContactDetails contact) {
        Map<String, String> values = new HashMap<>();
        values.put("first_name", contact.firstName());
        values.put("last_name", contact.lastName());
        values.put("email", contact.email());
        values.put("city", contact.city());
        values.put("region", contact.region());
        values.put("country", contact.country());
        values.put("language", contact.language());
        values.put("phone", contact.phoneNumber());
        if (contact.age() != null) {
            values.put("age", contact.age().toString());
        }
        contact.attributes()
            .forEach((name, value) -> values.put(name.toLowerCase(Locale.ROOT),
                    (value != null) ? value.toString() : null));
        return values;
    }

    private static ZoneId zone(String timeZone) {
        try {
            return (timeZone != null && !timeZone.isBlank()) ? ZoneId.of(timeZone) : ZoneOffset.UTC;
        }
        catch (DateTimeException ex) {
            return ZoneOffset.UTC;
        }
    }

    private record Keyword(long id, String word, String answer, Long listId, String sender) {

    }

}

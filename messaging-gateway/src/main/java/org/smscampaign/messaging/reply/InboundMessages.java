package org.smscampaign.messaging.reply;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.Attribution;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.OptOutReason;
import org.smscampaign.messaging.ReplyKeywords;
import org.smscampaign.messaging.ReplyKind;
import org.smscampaign.messaging.ReplyReceived;
import org.smscampaign.messaging.dispatch.SuppressionList;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Texts from recipients: each is stored with its kind, the rule that decided it and the
 * campaign it answers (the campaign whose reply keyword it is, else the latest message
 * sent to that number); an opt-out takes effect before anything else is sent to the
 * number; a help request is answered; a response (keyword, query, other) is published,
 * and queued for review when it reads like an opt-out. A provider's retry of the same
 * text (same id) changes nothing.
 */
@Component
public class InboundMessages {

    /** How long after a campaign's message a conversation still answers that campaign. */
    private static final Duration RESPONSE_WINDOW = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);

    private final JdbcClient jdbc;

    private final ReplyClassifier classifier;

    private final SuppressionList suppressions;

    private final ApplicationEventPublisher events;

    private final MessagingProperties.Keywords keywords;

    private final ObjectProvider<ReplyKeywords> campaignKeywords;

    private final Clock clock;

    InboundMessages(JdbcClient jdbc, SuppressionList suppressions, ApplicationEventPublisher events,
            MessagingProperties properties, ObjectProvider<ReplyKeywords> campaignKeywords, Clock clock) {
        this.jdbc = jdbc;
        this.classifier = new ReplyClassifier(properties.keywords());
        this.suppressions = suppressions;
        this.events = events;
        this.keywords = properties.keywords();
        this.campaignKeywords = campaignKeywords;
        this.clock = clock;
    }

    /** A received text. Returns the answer to send back, if any (help text). */
    @Transactional
    public Optional<String> receive(String sid, String from, String to, String body, String optOutType) {
        // A STOP on any channel suppresses the number: on every channel of the brand.
        String number = org.smscampaign.messaging.Channel.number(from);
        org.smscampaign.messaging.Channel channel = org.smscampaign.messaging.Channel.ofAddress(from);
        ReplyClassifier.Classification classification = this.classifier.explain(body, optOutType);
        Latest latest = latestMessageTo(number);
        Long keywordId = null;
        if (classification.kind() == ReplyKind.QUERY || classification.kind() == ReplyKind.OTHER) {
            ReplyKeywords.KeywordMatch match = matchKeyword(to, number, body);
            if (match != null) {
                keywordId = match.keywordId();
                classification = new ReplyClassifier.Classification(ReplyKind.KEYWORD,
                        "keyword " + match.keyword() + " of campaign " + match.campaignId());
                latest = latestMessageOf(match.campaignId(), number).orElse(new Latest(null,
                        new Attribution(match.campaignId(), latest.attribution().contactId(), match.variant())));
            }
        }
        ReplyKind kind = classification.kind();
        boolean review = kind.isResponse() && this.classifier.readsLikeOptOut(body);
        Optional<Long> stored = this.jdbc.sql("""
                insert into inbound_message (provider_sid, from_number, to_number, body, kind, classified_kind,
                    kind_reason, keyword_id, needs_review, message_id, campaign_id, contact_id, channel)
                values (:sid, :from, :to, :body, :kind, :kind, :reason, :keyword, :review, :message, :campaign,
                    :contact, :channel)
                on conflict (provider_sid) where provider_sid is not null do nothing
                returning id""")
            .param("sid", sid)
            .param("from", number)
            .param("to", to)
            .param("body", (body != null) ? body : "")
            .param("kind", kind.name())
            .param("reason", classification.reason())
            .param("keyword", keywordId)
            .param("review", review)
            .param("message", latest.messageId())
            .param("campaign", latest.attribution().campaignId())
            .param("contact", latest.attribution().contactId())
            .param("channel", channel.name())
            .query(Long.class)
            .optional();
        if (stored.isEmpty()) {
            log.debug("Inbound {} received before: ignored", sid);
            return Optional.empty();
        }
        long id = stored.get();
        switch (kind) {
            case OPT_OUT -> this.suppressions.optOut(number, OptOutReason.KEYWORD,
                    (optOutType != null) ? "provider opt-out " + optOutType : keyword(body), channel);
            case OPT_IN -> this.suppressions.optIn(number, keyword(body), channel);
            case HELP -> {
                return Optional.of(this.keywords.helpText());
            }
            case KEYWORD, QUERY, OTHER -> this.events.publishEvent(new ReplyReceived(id, number, body,
                    latest.messageId(), latest.attribution(), review, this.clock.instant(), kind, keywordId));
        }
        return Optional.empty();
    }

    private static String keyword(String body) {
        String word = (body != null) ? body.strip() : "";
        return (word.length() > 40) ? word.substring(0, 40) : word;
    }

    private record Latest(Long messageId, Attribution attribution) {

        static Latest of(java.sql.ResultSet row, int n) throws java.sql.SQLException {
            return new Latest(row.getLong("id"), new Attribution(row.getObject("campaign_id", Long.class),
                    row.getObject("contact_id", Long.class), row.getString("variant")));
        }

    }

    private ReplyKeywords.KeywordMatch matchKeyword(String to, String from, String body) {
        ReplyKeywords keywords = this.campaignKeywords.getIfAvailable();
        return (keywords != null) ? keywords.match(to, from, body).orElse(null) : null;
    }

    private Optional<Latest> latestMessageOf(long campaignId, String number) {
        return this.jdbc.sql("""
                select id, campaign_id, contact_id, variant from outbound_message
                where to_number = :to and campaign_id = :campaign and sent_at is not null
                order by created_at desc limit 1""")
            .param("to", number)
            .param("campaign", campaignId)
            .query(Latest::of)
            .optional();
    }

    /**
     * The message a text answers: the latest one sent to the number. When that one
     * belongs to no campaign (an auto-answer, an answer from the inbox) the conversation
     * still answers the campaign that started it, if one was sent within the response
     * window.
     */
    private Latest latestMessageTo(String number) {
        return this.jdbc.sql("""
                with latest as (select max(created_at) as at from outbound_message
                                where to_number = :to and sent_at is not null)
                select id, campaign_id, contact_id, variant from outbound_message, latest
                where to_number = :to and sent_at is not null
                  and ((campaign_id is not null and created_at >= :since) or created_at = latest.at)
                order by (campaign_id is not null and created_at >= :since) desc, created_at desc limit 1""")
            .param("to", number)
            .param("since", Timestamp.from(this.clock.instant().minus(RESPONSE_WINDOW)))
            .query(Latest::of)
            .optional()
            .orElse(new Latest(null, Attribution.NONE));
    }

}

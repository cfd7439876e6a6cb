package org.smscampaign.campaign.keyword;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.ReplyReceived;
import org.smscampaign.messaging.Replies;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keyword texts whose handling was lost: the gateway commits a text before its answer and
 * list join are made (after commit, so the webhook never waits for them), and a crash in
 * between would leave the text unanswered for good (the provider's retry is a duplicate).
 * At start the sweep looks back an hour, then it moves on with the texts as they come, so
 * each text is read about once; a text without its handled mark a minute after it came is
 * handed on again. The mark keeps it idempotent: one answer, one list join.
 */
@Component
class KeywordSweep {

    private static final Logger log = LoggerFactory.getLogger(KeywordSweep.class);

    /** How far back a restarted process looks. */
    static final Duration LOOK_BACK = Duration.ofHours(1);

    /** How long the live handling has before the sweep steps in. */
    static final Duration GRACE = Duration.ofMinutes(1);

    private static final int PAGE = 500;

    private final Replies replies;

    private final KeywordAnswers answers;

    private final JdbcClient jdbc;

    private final Clock clock;

    /** Up to where every text was seen handled: the last one's time and id. */
    private Instant checkedAt;

    private long checkedId;

    KeywordSweep(Replies replies, KeywordAnswers answers, JdbcClient jdbc, Clock clock) {
        this.replies = replies;
        this.answers = answers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        sweep();
    }

    @Scheduled(fixedDelayString = "${sms.campaign.keyword-sweep-interval:30s}")
    void tick() {
        sweep();
    }

    /** Hands on the unhandled texts; returns how many. */
    synchronized int sweep() {
        Instant until = this.clock.instant().minus(GRACE);
        if (this.checkedAt == null) {
            this.checkedAt = until.minus(LOOK_BACK);
        }
        int repaired = 0;
        List<ReplyReceived> page;
        do {
            page = this.replies.keywordTexts(this.checkedAt, this.checkedId, until, PAGE);
            Set<Long> handled = handled(page);
            for (ReplyReceived text : page) {
                if (!handled.contains(text.replyId())) {
                    log.warn("Keyword text {}: its handling was lost, handled now", text.replyId());
                    try {
                        this.answers.keywordReceived(text);
                        repaired++;
                    }
                    catch (RuntimeException ex) {
                        // One text that cannot be handled must not hold up the others.
                        log.error("Keyword text {} could not be handled", text.replyId(), ex);
                    }
                }
                this.checkedAt = text.at();
                this.checkedId = text.replyId();
            }
        }
        while (page.size() == PAGE);
        // All seen up to the limit: the next sweep starts there (ids are positive).
        this.checkedAt = until;
        this.checkedId = 0;
        return repaired;
    }

    private Set<Long> handled(List<ReplyReceived> texts) {
        if (texts.isEmpty()) {
            return Set.of();
        }
        return this.jdbc.sql("select inbound_id from campaign_keyword_text where inbound_id = any(:ids)")
            .param("ids", texts.stream().map(ReplyReceived::replyId).toArray(Long[]::new))
            .query(Long.class)
            .list()
            .stream()
            .collect(Collectors.toSet());
    }

}

package org.smscampaign.campaign.keyword;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.KeywordResponses;
import org.smscampaign.campaign.KeywordTaken;
import org.smscampaign.campaign.ReplyKeywordProperties;
import org.smscampaign.campaign.template.MergeFields;
import org.smscampaign.campaign.template.MessageTemplate;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.Replies;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules of reply keywords: one word each, not a STOP/START/HELP word, once per
 * campaign, and unique per sender among active campaigns. A keyword is active from the
 * draft that declares it until its campaign is cancelled, or {@code active-for} after it
 * finished sending.
 */
@Component
public class KeywordRegistry {

    /** Campaigns whose keywords are taken ({@code c}: campaign, {@code :cutoff}). */
    static final String ACTIVE = "c.status <> 'CANCELLED' and (c.status <> 'COMPLETED' or c.finished_at is null "
            + "or c.finished_at > :cutoff)";

    private static final int MAX_KEYWORDS = 10;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;

    private final MessagingProperties messaging;

    private final Senders senders;

    private final ReplyKeywordProperties properties;

    private final ContactLists lists;

    private final Replies replies;

    private final Clock clock;

    KeywordRegistry(JdbcClient jdbc, MessagingProperties messaging, ReplyKeywordProperties properties,
            ContactLists lists, Replies replies, Clock clock) {
        this.jdbc = jdbc;
        this.messaging = messaging;
        this.senders = new Senders(messaging);
        this.properties = properties;
        this.lists = lists;
        this.replies = replies;
        this.clock = clock;
    }

    /** The first problem of a draft's keywords, worded for people, if any. */
    public Optional<String> problem(CampaignDraft draft) {
        List<CampaignDraft.ReplyKeyword> keywords = draft.replyKeywords();
        if (keywords.size() > MAX_KEYWORDS) {
            return problem("at most " + MAX_KEYWORDS + " keywords per campaign.");
        }
        Set<String> reserved = new HashSet<>();
        MessagingProperties.Keywords words = this.messaging.keywords();
        for (List<String> list : List.of(words.optOut(), words.optIn(), words.help())) {
            list.forEach((word) -> reserved.add(word.toUpperCase(Locale.ROOT)));
        }
        Set<String> labels = new HashSet<>();
        draft.variants().forEach((variant) -> labels.add(variant.label()));
        Set<String> seen = new HashSet<>();
        for (CampaignDraft.ReplyKeyword keyword : keywords) {
            String word = keyword.keyword();
            if (word == null || !word.matches("[\\p{L}\\p{N}]{2,20}")) {
                return problem("a keyword is one word of 2 to 20 letters or digits, such as SHOES"
                        + ((word == null || word.isEmpty()) ? "." : " (not " + word + ")."));
            }
            if (reserved.contains(word)) {
                return problem(word + " is kept for opt-outs, opt-ins and help requests; choose another word.");
            }
            if (!seen.add(word)) {
                return problem(word + " is declared twice; keep one.");
            }
            if (keyword.variant() != null && !labels.contains(keyword.variant())) {
                return problem(word + " names variant " + keyword.variant() + ", which the campaign does not have.");
            }
            if (keyword.answer() != null) {
                Optional<String> answer = answerProblem(word, keyword.answer());
                if (answer.isPresent()) {
                    return answer;
                }
            }
            if (keyword.listId() != null && this.lists.find(keyword.listId()).isEmpty()) {
                return problem(word + " adds people to list " + keyword.listId() + ", which does not exist.");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> answerProblem(String word, String answer) {
        if (answer.length() > 1000) {
            return problem("the answer to " + word + " has at most 1,000 characters.");
        }
        MessageTemplate template;
        try {
            template = MessageTemplate.parse(answer);
        }
        catch (IllegalArgumentException ex) {
            return problem("the answer to " + word + ": " + ex.getMessage());
        }
        if (!template.links().isEmpty()) {
            return problem("the answer to " + word + " cannot carry tracked links; write the address as it is.");
        }
        for (String field : template.fields()) {
            if (!MergeFields.STANDARD.contains(field) && !field.matches("[a-z0-9_.-]+")) {
                return problem("the answer to " + word + " has an unknown field " + field + ".");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(String detail) {
        return Optional.of("reply keywords: " + detail);
    }

    /**
     * Refuses a keyword another active campaign on the same sender holds. Holds the
     * sender's lock until the transaction ends, so two saves cannot both take a word.
     * @param campaignId the campaign saved, or null for a new one
     * @throws KeywordTaken naming the campaign that holds it
     */
    public void claim(Long campaignId, CampaignDraft draft) {
        if (draft.replyKeywords().isEmpty()) {
            return;
        }
        String key = this.senders.key(draft.sender());
        this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('campaign_keyword:' || :key, 0))")
            .param("key", key)
            .query((row, n) -> 1)
            .list();
        String[] words = draft.replyKeywords().stream().map(CampaignDraft.ReplyKeyword::keyword).toArray(String[]::new);
        this.jdbc.sql("""
                select k.keyword, c.id, c.name, c.sender, c.status, c.finished_at
                from campaign_keyword k join campaign c on c.id = k.campaign_id
                where k.keyword = any(:words) and c.id <> :self and\s""" + ACTIVE + " order by k.keyword, c.id")
            .param("words", words)
            .param("self", (campaignId != null) ? campaignId : -1L)
            .param("cutoff", Timestamp.from(cutoff()))
            .query((row, n) -> {
                Timestamp finished = row.getTimestamp("finished_at");
                Instant until = ("COMPLETED".equals(row.getString("status")) && finished != null)
                        ? finished.toInstant().plus(this.properties.activeFor()) : null;
                return new Holder(row.getString("keyword"), row.getLong("id"), row.getString("name"),
                        row.getString("sender"), until);
            })
            .list()
            .stream()
            .filter((holder) -> this.senders.key(holder.sender()).equals(key))
            .findFirst()
            .ifPresent((holder) -> {
                throw taken(holder);
            });
    }

    private KeywordTaken taken(Holder holder) {
        String until = (holder.until() != null) ? "until " + DAY.format(holder.until())
                : "until " + this.properties.activeFor().toDays() + " days after it finishes sending";
        return new KeywordTaken(holder.keyword(), holder.campaignId(), holder.name(), holder.until(),
                "reply keywords: " + holder.keyword() + " is used by campaign “" + holder.name() + "” " + until
                        + "; choose another word, or another sender.");
    }

    private record Holder(String keyword, long campaignId, String name, String sender, Instant until) {

    }

    /** Keywords finished campaigns hold were freed if they finished before this. */
    Instant cutoff() {
        return this.clock.instant().minus(this.properties.activeFor());
    }

    /** A campaign's keywords in their order, with the responses each received. */
    public List<KeywordResponses> responses(long campaignId) {
        List<Row> rows = this.jdbc
            .sql("select id, keyword, variant, answer, list_id from campaign_keyword where campaign_id = :id "
                    + "order by position")
            .param("id", campaignId)
            .query((row, n) -> new Row(row.getLong("id"), row.getString("keyword"), row.getString("variant"),
                    row.getString("answer") != null, row.getObject("list_id", Long.class)))
            .list();
        java.util.Map<Long, Long> counts = this.replies.countsByKeyword(rows.stream().map(Row::id).toList());
        return rows.stream()
            .map((r) -> new KeywordResponses(r.keyword(), r.variant(), r.answers(), r.listId(),
                    counts.getOrDefault(r.id(), 0L)))
            .toList();
    }

    private record Row(long id, String keyword, String variant, boolean answers, Long listId) {

    }

}

package org.smscampaign.campaign.keyword;

import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.ReplyKeywords;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The gateway's door to campaigns' reply keywords: a text matches when it is an active
 * keyword of a campaign on the sender it was sent to, alone or followed by more after a
 * space or punctuation ("Shoes!", "shoes please"), in any case.
 */
@Component
class CampaignReplyKeywords implements ReplyKeywords {

    // The first word, then the end, a space or punctuation: "shoes2" is not SHOES.
    private static final Pattern FIRST_WORD = Pattern
        .compile("^[\\p{Punct}\\p{IsPunctuation}\\s]*([\\p{L}\\p{N}]{2,20})(?![\\p{L}\\p{N}])");

    private final JdbcClient jdbc;

    private final Senders senders;

    private final KeywordRegistry registry;

    CampaignReplyKeywords(JdbcClient jdbc, MessagingProperties messaging, KeywordRegistry registry) {
        this.jdbc = jdbc;
        this.senders = new Senders(messaging);
        this.registry = registry;
    }

    @Override
    public Optional<KeywordMatch> match(String to, String from, String body) {
        String word = firstWord(body);
        if (word == null) {
            return Optional.empty();
        }
        return this.jdbc.sql("""
                select k.id, k.campaign_id, k.variant, k.keyword, c.sender
                from campaign_keyword k join campaign c on c.id = k.campaign_id
                where k.keyword = :word and\s""" + KeywordRegistry.ACTIVE + " order by c.id desc")
            .param("word", word)
            .param("cutoff", Timestamp.from(this.registry.cutoff()))
            .query((row, n) -> new Candidate(row.getString("sender"),
                    new KeywordMatch(row.getLong("id"), row.getLong("campaign_id"), row.getString("variant"),
                            row.getString("keyword"))))
            .list()
            .stream()
            .filter((candidate) -> this.senders.receives(candidate.sender(), to))
            .map(Candidate::match)
            .findFirst();
    }

    /** The keyword a text would be, in upper case, or null when it starts with none. */
    static String firstWord(String body) {
        Matcher matcher = FIRST_WORD.matcher((body != null) ? body : "");
        return matcher.find() ? matcher.group(1).toUpperCase(Locale.ROOT) : null;
    }

    private record Candidate(String sender, KeywordMatch match) {

    }

}

package org.smscampaign.messaging.reply;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.ReplyKeywords;
import org.smscampaign.messaging.ReplyKind;

/**
 * Reads a reply and says why: a keyword alone (any case, surrounding spaces and
 * punctuation ignored) opts out, opts in or asks for help; the provider's own verdict
 * (Twilio's OptOutType) wins; a question (a question mark, a question word first) or a
 * request for a person ("call me", "refund") is a query; anything else is other. A free
 * reply is also flagged for review when it reads like an opt-out in words ("please stop
 * texting me"). Campaign keywords are decided by the caller, which knows the campaigns.
 */
public final class ReplyClassifier {

    private static final Pattern FIRST_WORD = Pattern.compile("^[\\p{Punct}\\p{IsPunctuation}\\s]*([\\p{L}'’-]+)");

    private final Set<String> optOut;

    private final Set<String> optIn;

    private final Set<String> help;

    private final List<Pattern> reviewPhrases;

    private final Set<String> queryWords;

    private final List<Phrase> queryPhrases;

    /** A classification and the rule that decided it, in words a person can check. */
    public record Classification(ReplyKind kind, String reason) {

    }

    private record Phrase(String text, Pattern pattern) {

    }

    public ReplyClassifier(MessagingProperties.Keywords keywords) {
        this.optOut = upper(keywords.optOut());
        this.optIn = upper(keywords.optIn());
        this.help = upper(keywords.help());
        this.reviewPhrases = keywords.reviewPhrases().stream().map(ReplyClassifier::phrase).toList();
        this.queryWords = keywords.queryWords()
            .stream()
            .map((word) -> word.strip().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
        this.queryPhrases = keywords.queryPhrases().stream().map((text) -> new Phrase(text, phrase(text))).toList();
    }

    private static Pattern phrase(String phrase) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])"
                + Pattern.quote(phrase.toLowerCase(Locale.ROOT)).replace("'", "\\E['’]?\\Q") + "(?![\\p{L}\\p{N}])");
    }

    private static Set<String> upper(List<String> words) {
        return words.stream().map((word) -> word.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** The kind of a received text, given the provider's opt-out verdict if any. */
    public ReplyKind classify(String body, String providerOptOutType) {
        return explain(body, providerOptOutType).kind();
    }

    /** The kind of a received text and the rule that decided it. */
    public Classification explain(String body, String providerOptOutType) {
        if (providerOptOutType != null) {
            String type = providerOptOutType.strip().toUpperCase(Locale.ROOT);
            String reason = "provider's opt-out type " + type;
            switch (type) {
                case "STOP":
                    return new Classification(ReplyKind.OPT_OUT, reason);
                case "START":
                    return new Classification(ReplyKind.OPT_IN, reason);
                case "HELP":
                    return new Classification(ReplyKind.HELP, reason);
                default:
                    break;
            }
        }
        String text = (body != null) ? body : "";
        String word = keywordOf(text);
        if (this.optOut.contains(word)) {
            return new Classification(ReplyKind.OPT_OUT, "opt-out keyword " + word);
        }
        if (this.optIn.contains(word)) {
            return new Classification(ReplyKind.OPT_IN, "opt-in keyword " + word);
        }
        if (this.help.contains(word)) {
            return new Classification(ReplyKind.HELP, "help keyword " + word);
        }
        return freeText(text);
    }

    /** A free reply (no keyword): a query or other. */
    public Classification freeText(String body) {
        String text = (body != null) ? body.toLowerCase(Locale.ROOT) : "";
        if (text.indexOf('?') >= 0 || text.indexOf('¿') >= 0) {
            return new Classification(ReplyKind.QUERY, "a question mark");
        }
        Matcher first = FIRST_WORD.matcher(text);
        if (first.find() && this.queryWords.contains(first.group(1))) {
            return new Classification(ReplyKind.QUERY, "starts with the question word '" + first.group(1) + "'");
        }
        for (Phrase phrase : this.queryPhrases) {
            if (phrase.pattern().matcher(text).find()) {
                return new Classification(ReplyKind.QUERY, "asks '" + phrase.text() + "'");
            }
        }
        return new Classification(ReplyKind.OTHER, "no keyword, question or request");
    }

    /** A text reduced to the keyword it would be: edges stripped, upper case. */
    public static String keywordOf(String body) {
        return ReplyKeywords.keywordOf(body);
    }

    /** Whether a free reply reads like an opt-out in words. */
    public boolean readsLikeOptOut(String body) {
        String text = (body != null) ? body.toLowerCase(Locale.ROOT) : "";
        return this.reviewPhrases.stream().anyMatch((phrase) -> phrase.matcher(text).find());
    }

}

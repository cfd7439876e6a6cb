package org.smscampaign.messaging.reply;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.smscampaign.messaging.MessagingProperties;

/**
 * Reads a reply: a keyword alone (any case, surrounding spaces and punctuation ignored)
 * opts out, opts in or asks for help; the provider's own verdict (Twilio's OptOutType)
 * wins; anything else is a free reply, flagged for review when it reads like an opt-out
 * in words ("please stop texting me").
 */
public final class ReplyClassifier {

    private static final Pattern EDGES = Pattern
        .compile("^[\\p{Punct}\\p{IsPunctuation}\\s]+|[\\p{Punct}\\p{IsPunctuation}\\s]+$");

    private final Set<String> optOut;

    private final Set<String> optIn;

    private final Set<String> help;

    private final List<Pattern> reviewPhrases;

    public ReplyClassifier(MessagingProperties.Keywords keywords) {
        this.optOut = upper(keywords.optOut());
        this.optIn = upper(keywords.optIn());
        this.help = upper(keywords.help());
        this.reviewPhrases = keywords.reviewPhrases()
            .stream()
            .map((phrase) -> Pattern.compile(
                    "(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase.toLowerCase(Locale.ROOT)).replace("'", "\\E['’]?\\Q")
                            + "(?![\\p{L}\\p{N}])"))
            .toList();
    }

    private static Set<String> upper(List<String> words) {
        return words.stream().map((word) -> word.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** The kind of a received text, given the provider's opt-out verdict if any. */
    public ReplyKind classify(String body, String providerOptOutType) {
        if (providerOptOutType != null) {
            switch (providerOptOutType.strip().toUpperCase(Locale.ROOT)) {
                case "STOP":
                    return ReplyKind.OPT_OUT;
                case "START":
                    return ReplyKind.OPT_IN;
                case "HELP":
                    return ReplyKind.HELP;
                default:
                    break;
            }
        }
        String word = EDGES.matcher((body != null) ? body : "").replaceAll("").toUpperCase(Locale.ROOT);
        if (this.optOut.contains(word)) {
            return ReplyKind.OPT_OUT;
        }
        if (this.optIn.contains(word)) {
            return ReplyKind.OPT_IN;
        }
        if (this.help.contains(word)) {
            return ReplyKind.HELP;
        }
        return ReplyKind.REPLY;
    }

    /** Whether a free reply reads like an opt-out in words. */
    public boolean readsLikeOptOut(String body) {
        String text = (body != null) ? body.toLowerCase(Locale.ROOT) : "";
        return this.reviewPhrases.stream().anyMatch((phrase) -> phrase.matcher(text).find());
    }

}

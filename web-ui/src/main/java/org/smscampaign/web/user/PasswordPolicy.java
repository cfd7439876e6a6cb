package org.smscampaign.web.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

import org.springframework.stereotype.Component;

/**
 * What a password must be: 12 to 128 characters, not built on the username, and not easy
 * to guess. Guessability is zxcvbn's estimate, which matches against frequency lists of
 * breached passwords (shipped in its jar), words, names, keyboard patterns, dates and
 * repeats, and against the username and the platform's own words.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    static final int MAX_LENGTH = 128;

    /**
     * zxcvbn's "safely unguessable" (about 10^10 guesses): an offline attack on one hash
     * stays costly.
     */
    static final int MIN_SCORE = 3;

    private static final List<String> PLATFORM_WORDS = List.of("sms", "campaign", "platform", "smscampaign");

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /** Throws with a message for the form when the password breaks a rule. */
    void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new AccountRuleViolation("A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            throw new AccountRuleViolation("A password has at most " + MAX_LENGTH + " characters.");
        }
        String name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
        String lower = password.toLowerCase(Locale.ROOT);
        if (name.length() >= 3 && (lower.contains(name) || lower.contains(reversed(name)))) {
            throw new AccountRuleViolation("A password must not contain the username.");
        }
        List<String> inputs = new ArrayList<>(PLATFORM_WORDS);
        if (!name.isEmpty()) {
            inputs.add(name);
        }
        Strength strength = this.zxcvbn.measure(password, inputs);
        if (strength.getScore() < MIN_SCORE) {
            throw new AccountRuleViolation(explain(strength.getFeedback()));
        }
    }

    private static String explain(Feedback feedback) {
        StringBuilder message = new StringBuilder("This password is too easy to guess");
        String warning = feedback.getWarning();
        message.append((warning != null && !warning.isBlank()) ? ": " + warning.strip() : ".");
        if (!message.toString().endsWith(".")) {
            message.append('.');
        }
        List<String> suggestions = feedback.getSuggestions();
        if (suggestions != null && !suggestions.isEmpty()) {
            message.append(' ').append(String.join(" ", suggestions));
        }
        else {
            message.append(" Use a few uncommon words or a password manager.");
        }
        return message.toString();
    }

    private static String reversed(String text) {
        return new StringBuilder(text).reverse().toString();
    }

}

package org.smscampaign.link.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.smscampaign.link.AgentExplanation.Opinion;
import org.smscampaign.link.AgentVerdict;
import org.smscampaign.link.ClickReason;

/**
 * Rules that say an agent is a preview, a bot or a person, asked in that order: any
 * PREVIEW or BOT rule that matches beats every HUMAN rule (a positive sign of a machine
 * outweighs an app's name in the agent). Used for our SMS rules and the admins'
 * additions.
 */
final class AgentRules {

    /** What a rule says of the agents it matches. */
    enum Kind {

        PREVIEW, BOT, HUMAN

    }

    /** A rule: its kind, its text as written, and the expression it stands for. */
    record Rule(Kind kind, String text, Pattern pattern) {

    }

    /**
     * In-app browsers are WebView agents: "Mozilla/5.0 (" and no web address. Scanners
     * that borrow an app's name usually add theirs.
     */
    private static final Pattern BROWSER_LIKE = Pattern.compile("^Mozilla/5\\.0 \\((?!.*https?://)");

    private final AgentVerdict.Source source;

    private final List<Rule> machines;

    private final List<Rule> people;

    private final boolean peopleMustLookLikeBrowsers;

    private AgentRules(AgentVerdict.Source source, List<Rule> rules, boolean peopleMustLookLikeBrowsers) {
        this.source = source;
        this.machines = rules.stream().filter((rule) -> rule.kind() != Kind.HUMAN).toList();
        this.people = rules.stream().filter((rule) -> rule.kind() == Kind.HUMAN).toList();
        this.peopleMustLookLikeBrowsers = peopleMustLookLikeBrowsers;
    }

    /**
     * Rules written as {@code KIND|expression} lines (Java regular expressions, any
     * case); blank lines and {@code #} comments are skipped.
     */
    static AgentRules expressions(AgentVerdict.Source source, List<String> lines, boolean peopleMustLookLikeBrowsers) {
        List<Rule> rules = new ArrayList<>();
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int bar = text.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("Not a KIND|expression rule: " + text);
            }
            String expression = text.substring(bar + 1);
            try {
                rules.add(new Rule(kind(text.substring(0, bar)), expression,
                        Pattern.compile(expression, Pattern.CASE_INSENSITIVE)));
            }
            catch (PatternSyntaxException ex) {
                throw new IllegalArgumentException("Not a regular expression: " + text, ex);
            }
        }
        return new AgentRules(source, rules, peopleMustLookLikeBrowsers);
    }

    /** Rules that are literal fragments of user agents (any case), as admins add them. */
    static AgentRules fragments(AgentVerdict.Source source, List<Rule> literal) {
        return new AgentRules(source, literal, false);
    }

    static Rule fragment(String kind, String fragment) {
        return new Rule(kind(kind), fragment, Pattern.compile(Pattern.quote(fragment), Pattern.CASE_INSENSITIVE));
    }

    static Kind kind(String kind) {
        return Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    }

    List<Rule> all() {
        List<Rule> all = new ArrayList<>(this.machines);
        all.addAll(this.people);
        return all;
    }

    Opinion judge(String agent) {
        for (Rule rule : this.machines) {
            if (rule.pattern().matcher(agent).find()) {
                ClickReason reason = (rule.kind() == Kind.PREVIEW) ? ClickReason.PREVIEW : ClickReason.BOT;
                return new Opinion(this.source, true, reason, rule.text());
            }
        }
        if (!this.peopleMustLookLikeBrowsers || BROWSER_LIKE.matcher(agent).find()) {
            for (Rule rule : this.people) {
                if (rule.pattern().matcher(agent).find()) {
                    return new Opinion(this.source, true, null, rule.text());
                }
            }
        }
        return new Opinion(this.source, false, null, "no rule matches");
    }

}

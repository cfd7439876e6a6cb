package org.smscampaign.link.agent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.smscampaign.link.AgentExplanation.Opinion;
import org.smscampaign.link.AgentVerdict;
import org.smscampaign.link.ClassificationSource;
import org.smscampaign.link.ClickReason;

/**
 * The crawler patterns of the isbot npm package, vendored with a dated header in
 * {@code link/isbot-patterns.txt} (refreshed by {@code scripts/update-bot-list}). Like
 * isbot, one case-insensitive alternation of them all tells bots apart; only for a bot is
 * the pattern that matched looked up, to say why.
 */
final class IsbotPatterns {

    static final String RESOURCE = "link/isbot-patterns.txt";

    private final List<Pattern> patterns;

    private final Pattern any;

    private final Map<String, String> header;

    IsbotPatterns(List<String> lines) {
        this.header = new HashMap<>();
        lines.stream()
            .filter((line) -> line.startsWith("# ") && line.indexOf(':') > 2)
            .forEach((line) -> this.header.putIfAbsent(line.substring(2, line.indexOf(':')).strip(),
                    line.substring(line.indexOf(':') + 1).strip()));
        // Patterns may begin with a space (" daum[ /]"): lines are taken as they are.
        List<String> expressions = lines.stream().filter((line) -> !line.isEmpty() && !line.startsWith("#")).toList();
        this.patterns = expressions.stream().map((p) -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
        this.any = Pattern.compile(String.join("|", expressions), Pattern.CASE_INSENSITIVE);
    }

    static IsbotPatterns bundled() {
        return new IsbotPatterns(ResourceLines.of(RESOURCE));
    }

    Opinion judge(String agent) {
        if (!this.any.matcher(agent).find()) {
            return new Opinion(AgentVerdict.Source.ISBOT, false, null, "no pattern matches");
        }
        String matched = this.patterns.stream()
            .filter((pattern) -> pattern.matcher(agent).find())
            .map(Pattern::pattern)
            .findFirst()
            .orElseThrow();
        return new Opinion(AgentVerdict.Source.ISBOT, true, ClickReason.BOT, matched);
    }

    int size() {
        return this.patterns.size();
    }

    ClassificationSource describe() {
        return new ClassificationSource(AgentVerdict.Source.ISBOT, "isbot crawler patterns (npm package isbot)",
                this.header.getOrDefault("Version", "?"), this.header.getOrDefault("Date", "?"), size(),
                "vendored in " + RESOURCE + " under the " + this.header.getOrDefault("Licence", "?")
                        + "; refreshed by scripts/update-bot-list");
    }

}

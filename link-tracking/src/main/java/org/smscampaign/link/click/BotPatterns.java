package org.smscampaign.link.click;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.smscampaign.link.ClickReason;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recognises link previews and bots by user agent: the built-in list
 * ({@code link/bot-patterns.txt}) plus patterns admins add, compiled into one
 * case-insensitive expression per kind, with results cached per user agent (they repeat a
 * lot).
 */
@Component
public class BotPatterns {

    /**
     * The iMessage preview: Safari's agent with facebookexternalhit and Twitterbot
     * appended.
     */
    static final String IMESSAGE_PREVIEW = "facebookexternalhit/1.1 Facebot Twitterbot/1.0";

    private final java.util.function.Supplier<List<Entry>> added;

    private final List<Entry> builtIn;

    private volatile Pattern preview;

    private volatile Pattern bot;

    private final Cache<String, Object> verdicts = Caffeine.newBuilder().maximumSize(50_000).build();

    private static final Object HUMAN = new Object();

    @org.springframework.beans.factory.annotation.Autowired
    BotPatterns(JdbcClient jdbc) {
        this(() -> jdbc.sql("select kind, pattern from bot_pattern order by kind, pattern")
            .query((row, n) -> new Entry(row.getString("kind"), row.getString("pattern")))
            .list());
    }

    /** Patterns with the given additions instead of the database's (tests). */
    static BotPatterns withAdded(List<Entry> added) {
        return new BotPatterns(() -> added);
    }

    private BotPatterns(java.util.function.Supplier<List<Entry>> added) {
        this.added = added;
        this.builtIn = readBuiltIn();
        reload();
    }

    /** A pattern: PREVIEW or BOT, and the user-agent fragment. */
    public record Entry(String kind, String fragment) {

    }

    /** Picks up patterns added on other instances. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    public void refresh() {
        reload();
    }

    /** Builds the expressions again from the built-in list and the admins' additions. */
    public void reload() {
        List<Entry> all = new ArrayList<>(this.builtIn);
        all.addAll(added());
        this.preview = compile(all, "PREVIEW");
        this.bot = compile(all, "BOT");
        this.verdicts.invalidateAll();
    }

    /** The reason a user agent is not a person, or null when it looks like one. */
    public ClickReason classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return ClickReason.EMPTY_USER_AGENT;
        }
        Object verdict = this.verdicts.get(userAgent, (agent) -> {
            if (this.preview.matcher(agent).find()) {
                return ClickReason.PREVIEW;
            }
            return this.bot.matcher(agent).find() ? ClickReason.BOT : HUMAN;
        });
        return (verdict instanceof ClickReason reason) ? reason : null;
    }

    public List<Entry> builtIn() {
        return this.builtIn;
    }

    public List<Entry> added() {
        return this.added.get();
    }

    private static Pattern compile(List<Entry> entries, String kind) {
        String alternation = entries.stream()
            .filter((entry) -> entry.kind().equals(kind))
            .map((entry) -> Pattern.quote(entry.fragment()))
            .collect(Collectors.joining("|"));
        return Pattern.compile(alternation.isEmpty() ? "(?!)" : alternation, Pattern.CASE_INSENSITIVE);
    }

    private static List<Entry> readBuiltIn() {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("link/bot-patterns.txt").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.indexOf('|');
                entries.add(new Entry(line.substring(0, bar).toUpperCase(Locale.ROOT), line.substring(bar + 1)));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return List.copyOf(entries);
    }

}

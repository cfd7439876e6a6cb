package org.smscampaign.link;

import java.util.List;
import java.util.Locale;

import org.smscampaign.link.click.BotPatterns;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user-agent patterns that mark hits as previews or bots: the built-in list and the
 * ones admins add (they apply to hits written from then on, on this instance at once and
 * on others within a minute).
 */
@Service
public class ClickClassification {

    private final BotPatterns patterns;

    private final JdbcClient jdbc;

    ClickClassification(BotPatterns patterns, JdbcClient jdbc) {
        this.patterns = patterns;
        this.jdbc = jdbc;
    }

    /** A pattern: PREVIEW or BOT, the fragment, and whether an admin added it. */
    public record Pattern(String kind, String fragment, boolean added) {

    }

    public List<Pattern> patterns() {
        List<Pattern> all = new java.util.ArrayList<>();
        this.patterns.builtIn().forEach((entry) -> all.add(new Pattern(entry.kind(), entry.fragment(), false)));
        this.patterns.added().forEach((entry) -> all.add(new Pattern(entry.kind(), entry.fragment(), true)));
        return all;
    }

    /** How a user agent would be classified now (for trying patterns out). */
    public ClickReason classify(String userAgent) {
        return this.patterns.classify(userAgent);
    }

    @Transactional
    public void add(String kind, String fragment, String addedBy) {
        String type = (kind == null) ? "" : kind.strip().toUpperCase(Locale.ROOT);
        if (!type.equals("PREVIEW") && !type.equals("BOT")) {
            throw new LinkProblem(LinkProblem.Kind.INVALID, "A pattern is of kind PREVIEW or BOT.");
        }
        String text = (fragment == null) ? "" : fragment.strip();
        if (text.length() < 3 || text.length() > 200) {
            throw new LinkProblem(LinkProblem.Kind.INVALID, "A pattern has 3 to 200 characters.");
        }
        try {
            this.jdbc.sql("insert into bot_pattern (pattern, kind, created_by) values (:pattern, :kind, :by)")
                .param("pattern", text)
                .param("kind", type)
                .param("by", addedBy)
                .update();
        }
        catch (DuplicateKeyException ex) {
            throw new LinkProblem(LinkProblem.Kind.CONFLICT, "The pattern exists.");
        }
        this.patterns.reload();
    }

    @Transactional
    public void remove(String fragment) {
        this.jdbc.sql("delete from bot_pattern where pattern = :pattern").param("pattern", fragment).update();
        this.patterns.reload();
    }

}

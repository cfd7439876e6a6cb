package org.smscampaign.link;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.smscampaign.link.agent.AgentClassifier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How hits are told apart by user agent: the sources asked (admins' additions, our SMS
 * rules, Yauaa, isbot), the try-out that shows which of them decides, and the admins'
 * additions (they apply to hits written from then on, on this instance at once and on
 * others within a minute; stored hits follow when an admin reclassifies them).
 */
@Service
public class ClickClassification {

    private static final Set<String> KINDS = Set.of("PREVIEW", "BOT", "HUMAN");

    private final AgentClassifier classifier;

    private final JdbcClient jdbc;

    ClickClassification(AgentClassifier classifier, JdbcClient jdbc) {
        this.classifier = classifier;
        this.jdbc = jdbc;
    }

    /** The sources asked, in order of precedence, with their versions. */
    public List<ClassificationSource> sources() {
        return this.classifier.sources();
    }

    /** The admins' additions. */
    public List<ClassificationRule> additions() {
        return this.classifier.additions();
    }

    /** Our SMS rules. */
    public List<ClassificationRule> smsRules() {
        return this.classifier.smsRules();
    }

    /** How a user agent is classified now, and what each source says of it. */
    public AgentExplanation explain(String userAgent) {
        return this.classifier.explain(userAgent);
    }

    /**
     * Adds a user-agent fragment: PREVIEW or BOT for agents that are no person, HUMAN for
     * agents that are (an in-app browser a source gets wrong). Additions come before
     * every other source.
     */
    @Transactional
    public void add(String kind, String fragment, String addedBy) {
        String type = (kind == null) ? "" : kind.strip().toUpperCase(Locale.ROOT);
        if (!KINDS.contains(type)) {
            throw new LinkProblem(LinkProblem.Kind.INVALID, "A pattern is of kind PREVIEW, BOT or HUMAN.");
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
        this.classifier.reload();
    }

    @Transactional
    public void remove(String fragment) {
        this.jdbc.sql("delete from bot_pattern where pattern = :pattern").param("pattern", fragment).update();
        this.classifier.reload();
    }

}

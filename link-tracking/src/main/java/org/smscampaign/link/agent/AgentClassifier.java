package org.smscampaign.link.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.link.AgentExplanation;
import org.smscampaign.link.AgentExplanation.Opinion;
import org.smscampaign.link.AgentVerdict;
import org.smscampaign.link.ClassificationRule;
import org.smscampaign.link.ClassificationSource;
import org.smscampaign.link.ClickReason;
import org.smscampaign.link.LinkProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells people from previews and bots by user agent, asking maintained sources in order
 * of precedence: the admins' own additions, our SMS rules, Yauaa's robot classes, isbot's
 * crawler patterns; the first with a verdict decides, and with none the agent is a
 * person. Verdicts are cached per agent (agents repeat a lot, and Yauaa takes a
 * millisecond or two for a new one); the click writer asks, never a redirect thread.
 */
@Component
public class AgentClassifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgentClassifier.class);

    static final String SMS_RULES = "link/sms-agent-rules.txt";

    /**
     * Yauaa builds in seconds; past this something is wrong and the app starts anyway.
     */
    private static final Duration READY_WAIT = Duration.ofMinutes(2);

    private final Supplier<List<AgentRules.Rule>> additions;

    private final AgentRules smsRules;

    private final IsbotPatterns isbot;

    private final boolean yauaa;

    private volatile AgentRules added;

    /**
     * The verdicts of our rules, Yauaa and isbot: they never change while the process
     * runs, so re-reading the admins' additions each minute costs no Yauaa parse.
     */
    private final Cache<String, AgentVerdict> sourceVerdicts = Caffeine.newBuilder().maximumSize(50_000).build();

    /** The verdicts with the additions applied, for the writer's every hit. */
    private final Cache<String, AgentVerdict> verdicts = Caffeine.newBuilder().maximumSize(50_000).build();

    private volatile boolean running;

    @Autowired
    AgentClassifier(JdbcClient jdbc, LinkProperties properties) {
        this(() -> jdbc.sql("select kind, pattern from bot_pattern order by kind, pattern")
            .query((row, n) -> AgentRules.fragment(row.getString("kind"), row.getString("pattern")))
            .list(), properties.classification().yauaa(), properties.classification().isbot());
    }

    AgentClassifier(Supplier<List<AgentRules.Rule>> additions, boolean yauaa, boolean isbot) {
        this.additions = additions;
        this.smsRules = AgentRules.expressions(AgentVerdict.Source.SMS_RULE, ResourceLines.of(SMS_RULES), true);
        this.isbot = isbot ? IsbotPatterns.bundled() : null;
        this.yauaa = yauaa;
        if (yauaa) {
            YauaaClasses.startBuilding();
        }
        reload();
    }

    /** The verdict on a user agent, from the cache when it was seen before. */
    public AgentVerdict classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new AgentVerdict(ClickReason.EMPTY_USER_AGENT, AgentVerdict.Source.NONE, "no user agent");
        }
        return this.verdicts.get(userAgent, this::decide);
    }

    /**
     * The verdict with what every source says on its own (not cached: for the try-out).
     */
    public AgentExplanation explain(String userAgent) {
        AgentVerdict verdict = classify(userAgent);
        List<Opinion> opinions = new ArrayList<>();
        if (verdict.reason() != ClickReason.EMPTY_USER_AGENT) {
            opinions.add(this.added.judge(userAgent));
            opinions.add(this.smsRules.judge(userAgent));
            if (this.yauaa) {
                opinions.add(YauaaClasses.judge(userAgent));
            }
            if (this.isbot != null) {
                opinions.add(this.isbot.judge(userAgent));
            }
        }
        return new AgentExplanation(userAgent, verdict, opinions);
    }

    private AgentVerdict decide(String agent) {
        Opinion addition = this.added.judge(agent);
        if (addition.decisive()) {
            return new AgentVerdict(addition.reason(), addition.source(), addition.detail());
        }
        return this.sourceVerdicts.get(agent, this::decideBySources);
    }

    private AgentVerdict decideBySources(String agent) {
        Opinion opinion = this.smsRules.judge(agent);
        if (!opinion.decisive() && this.yauaa) {
            opinion = YauaaClasses.judge(agent);
        }
        if (!opinion.decisive() && this.isbot != null) {
            opinion = this.isbot.judge(agent);
        }
        return opinion.decisive() ? new AgentVerdict(opinion.reason(), opinion.source(), opinion.detail())
                : AgentVerdict.PERSON;
    }

    /**
     * Reads the admins' additions again; when they changed, the verdicts they decide are
     * worked out anew.
     */
    public void reload() {
        AgentRules now = AgentRules.fragments(AgentVerdict.Source.ADMIN, this.additions.get());
        if (this.added == null || !rules(now).equals(rules(this.added))) {
            this.added = now;
            this.verdicts.invalidateAll();
        }
    }

    /** Picks up additions made on other instances. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void refresh() {
        reload();
    }

    /** The sources asked, with their versions, in order of precedence. */
    public List<ClassificationSource> sources() {
        List<ClassificationSource> sources = new ArrayList<>();
        sources.add(new ClassificationSource(AgentVerdict.Source.ADMIN, "Additions made on this page", "", "",
                this.added.all().size(), "user-agent fragments, any case; they apply at once"));
        sources.add(new ClassificationSource(AgentVerdict.Source.SMS_RULE,
                "SMS rules: messenger and mail previews, security scanners, in-app browsers", "", "",
                this.smsRules.all().size(), "shipped in " + SMS_RULES + ", documented line by line"));
        if (this.yauaa) {
            sources.add(YauaaClasses.describe());
        }
        if (this.isbot != null) {
            sources.add(this.isbot.describe());
        }
        return sources;
    }

    /** Our SMS rules, machines' before people's. */
    public List<ClassificationRule> smsRules() {
        return rules(this.smsRules);
    }

    /** The admins' additions. */
    public List<ClassificationRule> additions() {
        return rules(this.added);
    }

    private static List<ClassificationRule> rules(AgentRules rules) {
        return rules.all().stream().map((rule) -> new ClassificationRule(rule.kind().name(), rule.text())).toList();
    }

    /**
     * Waits for Yauaa before the click writer starts (an earlier phase), so that no batch
     * waits for it; it started building when this bean was made, alongside the rest of
     * the start.
     */
    @Override
    public void start() {
        if (this.yauaa && !YauaaClasses.awaitReady(READY_WAIT)) {
            log.warn("Yauaa is not ready after {}: the click writer waits for it", READY_WAIT);
        }
        this.running = true;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 500;
    }

    @Override
    public void stop() {
        this.running = false;
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

}

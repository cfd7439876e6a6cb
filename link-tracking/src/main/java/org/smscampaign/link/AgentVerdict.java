package org.smscampaign.link;

/**
 * How a user agent is classified, and which source decided it.
 *
 * @param reason why hits of this agent are not a person's ({@link ClickReason#PREVIEW},
 * {@link ClickReason#BOT} or {@link ClickReason#EMPTY_USER_AGENT}); null for a person
 * @param source the source that decided
 * @param detail what in the source decided: the rule or pattern that matched, or Yauaa's
 * classes of the agent
 */
public record AgentVerdict(ClickReason reason, Source source, String detail) {

    /** A person, as no source objected. */
    public static final AgentVerdict PERSON = new AgentVerdict(null, Source.NONE, "no source objects");

    /** The sources, in the order they are asked: the first with a verdict decides. */
    public enum Source {

        /** An admin's own addition (Admin › Link tracking). */
        ADMIN("Admin addition"),

        /**
         * Our rules for the agents that matter to SMS ({@code link/sms-agent-rules.txt}).
         */
        SMS_RULE("SMS rule"),

        /** The Yauaa user-agent analyzer's classes of the agent. */
        YAUAA("Yauaa"),

        /** The crawler patterns of the isbot list ({@code link/isbot-patterns.txt}). */
        ISBOT("isbot pattern"),

        /** No source had a verdict: a person (or no user agent at all). */
        NONE("No source");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return this.label;
        }

    }

    public boolean human() {
        return this.reason == null;
    }

}

package org.smscampaign.link;

import java.util.List;

/**
 * A user agent's verdict with what each source says of it on its own (the try-out of
 * Admin › Link tracking).
 *
 * @param userAgent the agent as classified
 * @param verdict the verdict: the first source with one decides
 * @param opinions each source in the order they are asked
 */
public record AgentExplanation(String userAgent, AgentVerdict verdict, List<Opinion> opinions) {

    /**
     * What one source says.
     *
     * @param source the source
     * @param decisive whether it has a verdict of its own (then {@code reason} is it:
     * null for a person); otherwise it leaves the agent to the next source
     * @param reason its verdict when decisive
     * @param detail the rule or pattern that matched, or Yauaa's classes of the agent
     */
    public record Opinion(AgentVerdict.Source source, boolean decisive, ClickReason reason, String detail) {

    }

}

package org.smscampaign.alert.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smscampaign.alert.AlertRule;
import org.smscampaign.alert.RuleSetting;
import org.smscampaign.messaging.SenderQueue;

/**
 * A sender with messages due for longer than the threshold (minutes) that sent nothing in
 * that time: one subject per sender that has due messages.
 */
public final class QueueStalledRule {

    public List<Reading> read(List<SenderQueue> queues, RuleSetting setting, Instant now) {
        if (setting.threshold() == null) {
            return List.of();
        }
        Duration limit = Duration.ofSeconds(Math.round(setting.threshold() * 60));
        Instant since = now.minus(limit);
        return queues.stream().map((queue) -> {
            boolean waiting = queue.oldestDueAt() != null && !queue.oldestDueAt().isAfter(since);
            boolean idle = queue.lastSentAt() == null || !queue.lastSentAt().isAfter(since);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("sender", queue.sender());
            figures.put("dueMessages", queue.due());
            figures.put("oldestDueAt", (queue.oldestDueAt() != null) ? queue.oldestDueAt().toString() : null);
            figures.put("lastSentAt", (queue.lastSentAt() != null) ? queue.lastSentAt().toString() : null);
            figures.put("thresholdMinutes", setting.threshold());
            String title = "Sender " + queue.sender() + " has " + queue.due() + " messages due but sent none for "
                    + setting.threshold().intValue() + " minutes";
            return new Reading(AlertRule.QUEUE_STALLED, queue.sender(), waiting && idle, title, figures);
        }).toList();
    }

}

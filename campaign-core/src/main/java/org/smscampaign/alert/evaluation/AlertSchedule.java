package org.smscampaign.alert.evaluation;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Evaluates the alert rules continuously; an instance skips a run another one holds. */
@Component
class AlertSchedule {

    private final AlertEvaluator evaluator;

    AlertSchedule(AlertEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Scheduled(fixedDelayString = "${sms.alert.interval:30s}", initialDelayString = "${sms.alert.interval:30s}")
    void evaluate() {
        this.evaluator.evaluate(false);
    }

}

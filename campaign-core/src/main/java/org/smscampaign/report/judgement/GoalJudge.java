package org.smscampaign.report.judgement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.GoalJudgements;
import org.smscampaign.report.CampaignReport;
import org.smscampaign.report.CampaignReports;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The job that freezes goal verdicts when evaluation windows end: each goal is judged on
 * the dashboard's own figures, recomputed from the raw rows at that moment.
 */
@Component
public class GoalJudge {

    private static final Logger log = LoggerFactory.getLogger(GoalJudge.class);

    private final GoalJudgements judgements;

    private final CampaignManagement campaigns;

    private final CampaignReports reports;

    GoalJudge(GoalJudgements judgements, CampaignManagement campaigns, CampaignReports reports) {
        this.judgements = judgements;
        this.campaigns = campaigns;
        this.reports = reports;
    }

    @Scheduled(fixedDelayString = "${sms.campaign.goal-judging-interval:1m}",
            initialDelayString = "${sms.campaign.goal-judging-interval:1m}")
    void tick() {
        try {
            judgeDue();
        }
        catch (RuntimeException ex) {
            log.warn("Judging goals failed; tried again next time", ex);
        }
    }

    /** Judges every goal whose window has ended (also for tests). Returns how many. */
    public int judgeDue() {
        int judged = 0;
        for (long id : this.judgements.awaitingJudgement()) {
            try {
                judged += judge(id);
            }
            catch (RuntimeException ex) {
                // One campaign that cannot be judged now holds up no other.
                log.warn("Judging the goals of campaign {} failed; tried again next time", id, ex);
            }
        }
        return judged;
    }

    private int judge(long id) {
        int judged = 0;
        CampaignView campaign = this.campaigns.get(id);
        CampaignReport report = this.reports.refreshedReport(id);
        for (CampaignDraft.Goal goal : campaign.draft().goals()) {
            CampaignReport.GoalResult result = report.goals()
                .stream()
                .filter((r) -> r.metric() == goal.metric() && r.event().equals(goal.event()))
                .findFirst()
                .orElse(null);
            if (result != null && !result.judged()) {
                boolean passed = goal.direction().met(result.actual(), goal.target());
                if (this.judgements.freeze(campaign, goal, passed, result.actual())) {
                    judged++;
                }
            }
        }
        return judged;
    }

}

package org.smscampaign.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignProperties;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.link.CampaignClickFigures;
import org.smscampaign.link.ClickFigures;
import org.smscampaign.messaging.CampaignMessageFigures;
import org.smscampaign.messaging.MessageFigures;

import org.springframework.stereotype.Service;

/**
 * The reports' application service: a campaign's dashboard figures and the overview of
 * all campaigns, from the rollups of link tracking and the gateway.
 */
@Service
public class CampaignReports {

    private static final int OVERVIEW_LIMIT = 500;

    private final CampaignManagement campaigns;

    private final CampaignMessageFigures messages;

    private final CampaignClickFigures clicks;

    private final Clock clock;

    private final String currency;

    private final AudienceBreakdowns audience;

    CampaignReports(CampaignManagement campaigns, CampaignMessageFigures messages, CampaignClickFigures clicks,
            Clock clock, CampaignProperties properties, AudienceBreakdowns audience) {
        this.audience = audience;
        this.campaigns = campaigns;
        this.messages = messages;
        this.clicks = clicks;
        this.clock = clock;
        this.currency = properties.currency();
    }

    /** The dashboard of one campaign. */
    public CampaignReport report(long campaignId) {
        CampaignView campaign = this.campaigns.get(campaignId);
        return ReportCalculator.report(campaign, this.messages.of(campaignId), this.clicks.of(campaignId),
                this.audience.of(campaignId), this.audience.holdout(campaignId), this.clock.instant(), this.currency);
    }

    /** The report recomputed from raw rows first (tests, and on demand). */
    public CampaignReport refreshedReport(long campaignId) {
        this.messages.refresh(campaignId);
        this.clicks.refresh(campaignId);
        this.audience.refresh(campaignId);
        return report(campaignId);
    }

    /** Every launched campaign (newest first), and the last {@code weeks} weeks. */
    public CampaignOverview overview(int weeks) {
        List<CampaignView> launched = this.campaigns.list(null, OVERVIEW_LIMIT)
            .stream()
            .filter((c) -> c.launch() != null)
            .toList();
        List<Long> ids = launched.stream().map(CampaignView::id).toList();
        Map<Long, MessageFigures> messageFigures = this.messages.totalsOf(ids);
        Map<Long, ClickFigures> clickFigures = this.clicks.hoursOf(ids);
        Instant now = this.clock.instant();
        List<CampaignOverview.Row> rows = launched.stream()
            .map((c) -> CampaignOverview.Row.of(ReportCalculator.report(c, messageFigures.get(c.id()),
                    clickFigures.get(c.id()), now, this.currency)))
            .toList();
        MessageFigures allCampaigns = new MessageFigures(0, this.messages.totalsByChannel(), List.of(), Map.of(), null);
        return new CampaignOverview(this.currency, rows, weeks(now.minus(Duration.ofDays(7L * weeks))),
                ReportCalculator.channels(allCampaigns), bestTime());
    }

    /**
     * All 168 hours of the week, Monday 00h first, with what past campaigns did in them.
     */
    private List<CampaignOverview.SendTime> bestTime() {
        long[][] slots = new long[168][2];
        for (CampaignClickFigures.SendSlotFigures slot : this.clicks.sendSlots()) {
            slots[slot.slot()][0] = slot.delivered();
            slots[slot.slot()][1] = slot.humanClickers();
        }
        List<CampaignOverview.SendTime> cells = new java.util.ArrayList<>(168);
        for (int slot = 0; slot < 168; slot++) {
            long delivered = slots[slot][0];
            long clickers = slots[slot][1];
            cells.add(new CampaignOverview.SendTime(slot / 24 + 1, slot % 24, delivered, clickers,
                    (delivered >= CampaignOverview.MINIMUM_SAMPLE) ? Ratios.percent(clickers, delivered) : null));
        }
        return cells;
    }

    private List<CampaignOverview.Week> weeks(Instant from) {
        Map<Instant, CampaignOverview.Week> weeks = new TreeMap<>();
        for (CampaignMessageFigures.Week week : this.messages.weeks(from)) {
            weeks.put(week.week(), new CampaignOverview.Week(week.week(), week.sent(), week.delivered(), 0, null, 0,
                    BigDecimal.ZERO, week.cost()));
        }
        for (CampaignClickFigures.Week week : this.clicks.weeks(from)) {
            CampaignOverview.Week known = weeks.get(week.week());
            long sent = (known != null) ? known.sent() : 0;
            long delivered = (known != null) ? known.delivered() : 0;
            weeks.put(week.week(),
                    new CampaignOverview.Week(week.week(), sent, delivered, week.humanClickers(),
                            Ratios.percent(week.humanClickers(), delivered), week.conversions(), week.revenue(),
                            (known != null) ? known.cost() : BigDecimal.ZERO));
        }
        return List.copyOf(weeks.values());
    }

}

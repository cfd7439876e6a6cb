package org.smscampaign.web.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.smscampaign.campaign.CampaignDraft;

/**
 * A campaign's other costs as rows of a form: label, kind and amount side by side (a row
 * without a label is no cost), with a few blank rows to add to.
 */
record CostRows(List<String> costLabel, List<String> costKind, List<BigDecimal> costAmount) {

    /** Rows shown at least, blank ones included. */
    static final int SLOTS = 3;

    static CostRows of(List<CampaignDraft.Cost> costs) {
        List<String> labels = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        for (CampaignDraft.Cost cost : costs) {
            labels.add(cost.label());
            kinds.add(cost.kind().name());
            amounts.add(cost.amount());
        }
        while (labels.size() < Math.max(SLOTS, costs.size() + 1)) {
            labels.add("");
            kinds.add(CampaignDraft.CostKind.FIXED.name());
            amounts.add(null);
        }
        return new CostRows(labels, kinds, amounts);
    }

    List<CampaignDraft.Cost> costs() {
        List<CampaignDraft.Cost> costs = new ArrayList<>();
        int rows = (this.costLabel != null) ? this.costLabel.size() : 0;
        for (int i = 0; i < rows; i++) {
            String label = this.costLabel.get(i);
            BigDecimal amount = (this.costAmount != null && i < this.costAmount.size()) ? this.costAmount.get(i) : null;
            if ((label == null || label.isBlank()) && amount == null) {
                continue;
            }
            String kind = (this.costKind != null && i < this.costKind.size() && this.costKind.get(i) != null)
                    ? this.costKind.get(i) : CampaignDraft.CostKind.FIXED.name();
            costs.add(new CampaignDraft.Cost((label != null) ? label.strip() : "",
                    kind.equals(CampaignDraft.CostKind.PER_CONVERSION.name()) ? CampaignDraft.CostKind.PER_CONVERSION
                            : CampaignDraft.CostKind.FIXED,
                    amount));
        }
        return costs;
    }

}

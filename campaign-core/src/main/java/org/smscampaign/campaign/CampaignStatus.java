package org.smscampaign.campaign;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a campaign is, and where it may go from there: every transition of its lifecycle
 * is in this table, and nowhere else.
 *
 * <pre>
 * DRAFT ──launch──► SCHEDULED ──due──► SENDING ──all done──► COMPLETED
 *   │                 │   ▲              │  ▲
 *   │                 ▼   │              ▼  │
 *   │               PAUSED ◄────────── pause/resume
 *   └──────────────► CANCELLED ◄──── (from any but COMPLETED)
 * </pre>
 */
public enum CampaignStatus {

    DRAFT, SCHEDULED, SENDING, PAUSED, COMPLETED, CANCELLED;

    private static final Map<CampaignStatus, Set<CampaignStatus>> NEXT = Map.of(DRAFT,
            EnumSet.of(SCHEDULED, SENDING, CANCELLED), SCHEDULED, EnumSet.of(SENDING, PAUSED, CANCELLED), SENDING,
            EnumSet.of(PAUSED, COMPLETED, CANCELLED), PAUSED, EnumSet.of(SCHEDULED, SENDING, CANCELLED), COMPLETED,
            EnumSet.noneOf(CampaignStatus.class), CANCELLED, EnumSet.noneOf(CampaignStatus.class));

    public boolean mayBecome(CampaignStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether its messages may still change (launched, not finished). */
    public boolean live() {
        return this == SCHEDULED || this == SENDING || this == PAUSED;
    }

    public boolean editable() {
        return this == DRAFT;
    }

}

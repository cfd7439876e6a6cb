package org.smscampaign.link;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hour of the week in the recipient's own time zone when a message arrived: 0 is
 * Monday 00:00-00:59, 167 is Sunday 23:00-23:59. The best-time-to-send heat map counts
 * messages and people who clicked by it.
 */
final class SendSlot {

    private SendSlot() {
    }

    /** The slot, or null when the recipient's zone is not known. */
    static Integer of(Instant at, String zone) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            ZonedDateTime local = at.atZone(ZoneId.of(zone));
            return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
        }
        catch (DateTimeException ex) {
            return null;
        }
    }

}

package org.smscampaign.web.dashboard;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.smscampaign.report.CampaignOverview;

/**
 * The best-time-to-send heat map as the page draws it: a row per weekday, a cell per
 * hour, shaded in five steps relative to the best cell; cells with too few messages stay
 * blank.
 */
record HeatMap(List<Row> rows, boolean empty) {

    record Row(String weekday, List<Cell> cells) {

    }

    /**
     * @param shade 0 (no verdict) or 1-5
     */
    record Cell(int hour, long delivered, long humanClickers, Double humanCtr, int shade) {

    }

    static HeatMap of(List<CampaignOverview.SendTime> times) {
        double best = times.stream()
            .filter((t) -> t.humanCtr() != null)
            .mapToDouble(CampaignOverview.SendTime::humanCtr)
            .max()
            .orElse(0);
        List<Row> rows = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            int weekday = day;
            List<Cell> cells = times.stream()
                .filter((t) -> t.weekday() == weekday)
                .map((t) -> new Cell(t.hour(), t.delivered(), t.humanClickers(), t.humanCtr(),
                        (t.humanCtr() == null) ? 0
                                : (best <= 0) ? 1 : Math.max(1, (int) Math.ceil(5 * t.humanCtr() / best))))
                .toList();
            rows.add(new Row(DayOfWeek.of(day).getDisplayName(TextStyle.SHORT, Locale.US), cells));
        }
        return new HeatMap(rows, times.stream().allMatch((t) -> t.humanCtr() == null));
    }

}

package org.smscampaign.web.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's summary settings: an admin's saved ones, else the configured defaults.
 * Read on every use, so every instance follows a change at once.
 */
@Service
public class ReportSettings {

    private final JdbcClient jdbc;

    private final ReportProperties properties;

    ReportSettings(JdbcClient jdbc, ReportProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public SummarySettings current() {
        return this.jdbc.sql("select * from report_setting where id = 1")
            .query(ReportSettings::row)
            .optional()
            .orElseGet(this::defaults);
    }

    /** The configured defaults (sms.report.*). */
    public SummarySettings defaults() {
        Set<SummaryKind> kinds = this.properties.kinds().isEmpty() ? EnumSet.noneOf(SummaryKind.class)
                : EnumSet.copyOf(this.properties.kinds());
        return new SummarySettings(this.properties.timeZone(), this.properties.sendHour(), this.properties.recipients(),
                kinds, null, null);
    }

    /** Saves an admin's settings for every instance. */
    @Transactional
    public void save(ZoneId zone, int hour, List<String> recipients, Set<SummaryKind> kinds, String by) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("The hour is 0 to 23.");
        }
        this.jdbc.sql("""
                insert into report_setting (id, time_zone, send_hour, recipients, kinds, changed_by, changed_at)
                values (1, :zone, :hour, :recipients, :kinds, :by, now())
                on conflict (id) do update set time_zone = excluded.time_zone, send_hour = excluded.send_hour,
                    recipients = excluded.recipients, kinds = excluded.kinds, changed_by = excluded.changed_by,
                    changed_at = excluded.changed_at""")
            .param("zone", zone.getId())
            .param("hour", hour)
            .param("recipients", String.join(",", recipients))
            .param("kinds", kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
            .param("by", by)
            .update();
    }

    /** Back to the configured defaults. */
    @Transactional
    public void reset() {
        this.jdbc.sql("delete from report_setting").update();
    }

    private static SummarySettings row(ResultSet row, int n) throws SQLException {
        Set<SummaryKind> kinds = EnumSet.noneOf(SummaryKind.class);
        Arrays.stream(row.getString("kinds").split(","))
            .filter((k) -> !k.isBlank())
            .forEach((k) -> kinds.add(SummaryKind.valueOf(k)));
        List<String> recipients = Arrays.stream(row.getString("recipients").split(","))
            .map(String::trim)
            .filter((r) -> !r.isBlank())
            .toList();
        return new SummarySettings(ZoneId.of(row.getString("time_zone")), row.getInt("send_hour"), recipients, kinds,
                row.getString("changed_by"), row.getTimestamp("changed_at").toInstant());
    }

}

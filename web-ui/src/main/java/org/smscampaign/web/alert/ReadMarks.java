package org.smscampaign.web.alert;

import org.smscampaign.alert.Alerts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which alerts each user has seen: the newest alert id they marked read. The unread count
 * is the alerts raised after it; a new user starts with everything unread.
 */
@Component
class ReadMarks {

    private final JdbcClient jdbc;

    private final Alerts alerts;

    ReadMarks(JdbcClient jdbc, Alerts alerts) {
        this.jdbc = jdbc;
        this.alerts = alerts;
    }

    long lastRead(String username) {
        return this.jdbc.sql("select last_read_alert_id from alert_read_mark where username = :user")
            .param("user", username)
            .query(Long.class)
            .optional()
            .orElse(0L);
    }

    @Transactional(readOnly = true)
    long unread(String username) {
        return this.alerts.countAfter(lastRead(username));
    }

    /**
     * Marks every alert up to the given one (the newest the reader was shown; null: the
     * newest there is) read; never moves the mark back, nor past the newest alert.
     */
    @Transactional
    void markReadUpTo(String username, Long shownId) {
        long latest = this.alerts.latestId();
        long upTo = (shownId != null) ? Math.min(shownId, latest) : latest;
        this.jdbc.sql("""
                insert into alert_read_mark (username, last_read_alert_id) values (:user, :id)
                on conflict (username) do update set read_at = now(),
                  last_read_alert_id = greatest(alert_read_mark.last_read_alert_id, excluded.last_read_alert_id)""")
            .param("user", username)
            .param("id", upTo)
            .update();
    }

}

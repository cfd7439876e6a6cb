package org.smscampaign.link;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Announces a change of links or brands to every instance, with PostgreSQL's
 * {@code NOTIFY}: sent when the changing transaction commits, never for a rolled-back
 * one. Each instance's link cache listens and forgets what changed.
 */
@Component
public class LinkChanges {

    /** The notification channel; the payload is a link's code, or {@link #ALL}. */
    public static final String CHANNEL = "short_link_changed";

    /** Payload of a change that may touch any link (a brand's rules or hosts). */
    public static final String ALL = "*";

    private final JdbcClient jdbc;

    LinkChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void changed(String code) {
        this.jdbc.sql("select pg_notify(:channel, :code)")
            .param("channel", CHANNEL)
            .param("code", code)
            .query()
            .rowSet();
    }

    void changedAll() {
        changed(ALL);
    }

}

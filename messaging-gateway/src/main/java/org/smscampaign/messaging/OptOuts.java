package org.smscampaign.messaging;

import java.util.List;

import org.smscampaign.messaging.dispatch.SuppressionList;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suppression list: numbers that are not texted. Opt-outs arrive by keyword, from the
 * provider (21610) or from a reviewed reply; people may list or release numbers.
 */
@Service
public class OptOuts {

    private final SuppressionList list;

    private final JdbcClient jdbc;

    OptOuts(SuppressionList list, JdbcClient jdbc) {
        this.list = list;
        this.jdbc = jdbc;
    }

    /** Lists a number by hand; its waiting messages are withdrawn. */
    public boolean suppress(String phone, String why) {
        return this.list.optOut(phone, OptOutReason.MANUAL, why);
    }

    /** Takes a number off the list (it asked to be texted again). */
    public boolean release(String phone, String why) {
        return this.list.optIn(phone, why);
    }

    /** The numbers among these that are suppressed. */
    @Transactional(readOnly = true)
    public java.util.Set<String> suppressedAmong(java.util.Collection<String> phones) {
        if (phones.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(
                this.jdbc.sql("select phone from suppression where phone = any(cast(:phones as varchar[]))")
                    .param("phones", phones.toArray(String[]::new))
                    .query(String.class)
                    .list());
    }

    public boolean isSuppressed(String phone) {
        return this.list.contains(phone);
    }

    @Transactional(readOnly = true)
    public List<SuppressionView> latest(int limit) {
        return this.jdbc.sql("select * from suppression order by created_at desc limit :limit")
            .param("limit", limit)
            .query((row, n) -> new SuppressionView(row.getString("phone"), row.getString("reason"),
                    row.getString("detail"), row.getTimestamp("created_at").toInstant()))
            .list();
    }

    @Transactional(readOnly = true)
    public long count() {
        return this.jdbc.sql("select count(*) from suppression").query(Long.class).single();
    }

}

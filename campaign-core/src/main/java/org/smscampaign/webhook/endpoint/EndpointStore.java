package org.smscampaign.webhook.endpoint;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.smscampaign.webhook.DeliveryStatus;
import org.smscampaign.webhook.WebhookEndpoint;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The webhook_endpoint table. */
@Component
public class EndpointStore {

    private static final String COLUMNS = "select e.id, e.url, e.description, e.event_types, e.enabled, e.secret, "
            + "e.created_at, e.created_by, e.updated_at, last.status as last_status, last.created_at as last_at "
            + "from webhook_endpoint e left join lateral (select d.status, d.created_at from webhook_delivery d "
            + "where d.endpoint_id = e.id order by d.created_at desc limit 1) last on true ";

    private final JdbcClient jdbc;

    EndpointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<WebhookEndpoint> all() {
        return this.jdbc.sql(COLUMNS + "order by e.id").query(this::row).list();
    }

    public Optional<WebhookEndpoint> find(long id) {
        return this.jdbc.sql(COLUMNS + "where e.id = :id").param("id", id).query(this::row).optional();
    }

    /** Enabled endpoints that follow this type. */
    public List<WebhookEndpoint> following(String type) {
        return this.jdbc
            .sql(COLUMNS + "where e.enabled and (cardinality(e.event_types) = 0 or :type = any(e.event_types)) "
                    + "order by e.id")
            .param("type", type)
            .query(this::row)
            .list();
    }

    public long insert(String url, String description, List<String> types, boolean enabled, String secret, String by) {
        return this.jdbc
            .sql("insert into webhook_endpoint (url, description, event_types, enabled, secret, created_by) "
                    + "values (:url, :description, :types, :enabled, :secret, :by) returning id")
            .param("url", url)
            .param("description", description)
            .param("types", types.toArray(String[]::new))
            .param("enabled", enabled)
            .param("secret", secret)
            .param("by", by)
            .query(Long.class)
            .single();
    }

    public boolean update(long id, String url, String description, List<String> types, boolean enabled) {
        return this.jdbc
            .sql("update webhook_endpoint set url = :url, description = :description, event_types = :types, "
                    + "enabled = :enabled, updated_at = now() where id = :id")
            .param("id", id)
            .param("url", url)
            .param("description", description)
            .param("types", types.toArray(String[]::new))
            .param("enabled", enabled)
            .update() == 1;
    }

    public boolean enable(long id, boolean enabled) {
        return this.jdbc.sql("update webhook_endpoint set enabled = :enabled, updated_at = now() where id = :id")
            .param("id", id)
            .param("enabled", enabled)
            .update() == 1;
    }

    public boolean rotate(long id, String secret) {
        return this.jdbc.sql("update webhook_endpoint set secret = :secret, updated_at = now() where id = :id")
            .param("id", id)
            .param("secret", secret)
            .update() == 1;
    }

    public boolean delete(long id) {
        return this.jdbc.sql("delete from webhook_endpoint where id = :id").param("id", id).update() == 1;
    }

    private WebhookEndpoint row(ResultSet rs, int n) throws SQLException {
        Array types = rs.getArray("event_types");
        String last = rs.getString("last_status");
        return new WebhookEndpoint(rs.getLong("id"), rs.getString("url"), rs.getString("description"),
                (types != null) ? Arrays.asList((String[]) types.getArray()) : List.of(), rs.getBoolean("enabled"),
                rs.getString("secret"), instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                instant(rs.getTimestamp("updated_at")), (last != null) ? DeliveryStatus.valueOf(last) : null,
                instant(rs.getTimestamp("last_at")));
    }

    static Instant instant(Timestamp timestamp) {
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

}

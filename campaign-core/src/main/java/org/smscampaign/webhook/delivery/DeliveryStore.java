package org.smscampaign.webhook.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smscampaign.webhook.DeliveryStatus;
import org.smscampaign.webhook.WebhookAttempt;
import org.smscampaign.webhook.WebhookDelivery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox tables: deliveries written when an event happens, claimed by workers with
 * {@code FOR UPDATE SKIP LOCKED} under a lease on the database clock, and the log of
 * their attempts. An attempt is recorded only by the worker whose claim is still the
 * latest (the attempt count fences a worker that outlived its lease).
 */
@Component
public class DeliveryStore {

    /** A delivery claimed for one attempt, with what sending it needs. */
    record Claimed(UUID id, long endpointId, String eventType, String payload, int attempt, String url, String secret) {

    }

    private static final String COLUMNS = "select id, endpoint_id, event_id, event_type, title, status, attempts, "
            + "created_at, next_attempt_at, delivered_at, last_status_code, last_error, payload from webhook_delivery ";

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the event for each endpoint, due now; returns the delivery ids. */
    List<UUID> insert(List<Long> endpointIds, UUID eventId, String type, String title, String payload) {
        List<UUID> ids = new ArrayList<>();
        for (Long endpoint : endpointIds) {
            UUID id = UUID.randomUUID();
            this.jdbc
                .sql("insert into webhook_delivery (id, endpoint_id, event_id, event_type, title, payload, "
                        + "next_attempt_at) values (:id, :endpoint, :event, :type, :title, :payload, now())")
                .param("id", id)
                .param("endpoint", endpoint)
                .param("event", eventId)
                .param("type", type)
                .param("title", title)
                .param("payload", payload)
                .update();
            ids.add(id);
        }
        return ids;
    }

    /**
     * Claims due deliveries of endpoints that still exist: counts the attempt and moves
     * the due time to the end of the lease, so no other instance takes them meanwhile. A
     * disabled endpoint's retries wait until it is enabled again (its test events go).
     */
    List<Claimed> claim(int limit, Duration lease) {
        return this.jdbc
            .sql("update webhook_delivery d set attempts = d.attempts + 1, "
                    + "next_attempt_at = now() + make_interval(secs => :lease) from webhook_endpoint e "
                    + "where e.id = d.endpoint_id and d.id in (select w.id from webhook_delivery w "
                    + "join webhook_endpoint x on x.id = w.endpoint_id "
                    + "where w.status = 'PENDING' and w.next_attempt_at <= now() "
                    + "and (x.enabled or w.event_type = 'webhook.test') order by w.next_attempt_at "
                    + "limit :limit for update of w skip locked) "
                    + "returning d.id, d.endpoint_id, d.event_type, d.payload, d.attempts, e.url, e.secret")
            .param("lease", lease.toMillis() / 1000.0)
            .param("limit", limit)
            .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getLong("endpoint_id"),
                    rs.getString("event_type"), rs.getString("payload"), rs.getInt("attempts"), rs.getString("url"),
                    rs.getString("secret")))
            .list();
    }

    /**
     * Logs an attempt and moves the delivery on: delivered, due again after the wait, or
     * failed when there is no next attempt. False when another worker owns it now.
     */
    @Transactional
    public boolean record(UUID id, int attempt, Instant at, Integer statusCode, long latencyMillis, String error,
            boolean delivered, Duration retryAfter) {
        DeliveryStatus status = delivered ? DeliveryStatus.DELIVERED
                : (retryAfter != null) ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
        Double wait = (retryAfter != null && !delivered) ? retryAfter.toMillis() / 1000.0 : null;
        List<Timestamp> next = this.jdbc
            .sql("update webhook_delivery set status = :status, last_status_code = :code, last_error = :error, "
                    + "next_attempt_at = case when :wait::float8 is null then null "
                    + "else now() + make_interval(secs => :wait::float8) end, "
                    + "delivered_at = case when :delivered then now() end "
                    + "where id = :id and attempts = :attempt and status = 'PENDING' returning next_attempt_at")
            .param("status", status.name())
            .param("code", statusCode, java.sql.Types.INTEGER)
            .param("error", error, java.sql.Types.VARCHAR)
            .param("wait", wait, java.sql.Types.DOUBLE)
            .param("delivered", delivered)
            .param("id", id)
            .param("attempt", attempt)
            .query((rs, n) -> rs.getTimestamp(1))
            .list();
        if (next.isEmpty()) {
            return false;
        }
        this.jdbc
            .sql("insert into webhook_attempt (delivery_id, number, attempted_at, status_code, latency_ms, error, "
                    + "next_attempt_at) values (:id, :number, :at, :code, :latency, :error, :next)")
            .param("id", id)
            .param("number", attempt)
            .param("at", Timestamp.from(at))
            .param("code", statusCode, java.sql.Types.INTEGER)
            .param("latency", latencyMillis)
            .param("error", error, java.sql.Types.VARCHAR)
            .param("next", next.get(0), java.sql.Types.TIMESTAMP)
            .update();
        return true;
    }

    /** A failed delivery due again now (one more attempt); false unless it had failed. */
    public boolean retryNow(long endpointId, UUID id) {
        return this.jdbc
            .sql("update webhook_delivery set status = 'PENDING', next_attempt_at = now() "
                    + "where id = :id and endpoint_id = :endpoint and status = 'FAILED'")
            .param("id", id)
            .param("endpoint", endpointId)
            .update() == 1;
    }

    /** An endpoint's deliveries, newest first, with their attempts. */
    public List<WebhookDelivery> ofEndpoint(long endpointId, int limit) {
        List<WebhookDelivery> rows = this.jdbc
            .sql(COLUMNS + "where endpoint_id = :endpoint order by created_at desc, id limit :limit")
            .param("endpoint", endpointId)
            .param("limit", limit)
            .query(this::row)
            .list();
        return withAttempts(rows);
    }

    public Optional<WebhookDelivery> find(long endpointId, UUID id) {
        return withAttempts(this.jdbc.sql(COLUMNS + "where id = :id and endpoint_id = :endpoint")
            .param("id", id)
            .param("endpoint", endpointId)
            .query(this::row)
            .list()).stream().findFirst();
    }

    private List<WebhookDelivery> withAttempts(List<WebhookDelivery> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<WebhookAttempt>> attempts = new LinkedHashMap<>();
        this.jdbc
            .sql("select delivery_id, number, attempted_at, status_code, latency_ms, error, next_attempt_at "
                    + "from webhook_attempt where delivery_id = any(:ids) order by number desc")
            .param("ids", rows.stream().map(WebhookDelivery::id).toArray(UUID[]::new))
            .query((ResultSet rs) -> {
                int code = rs.getInt("status_code");
                Integer status = rs.wasNull() ? null : code;
                attempts.computeIfAbsent(rs.getObject("delivery_id", UUID.class), (key) -> new ArrayList<>())
                    .add(new WebhookAttempt(rs.getInt("number"), rs.getTimestamp("attempted_at").toInstant(), status,
                            rs.getLong("latency_ms"), rs.getString("error"),
                            instant(rs.getTimestamp("next_attempt_at"))));
            });
        return rows.stream()
            .map((d) -> new WebhookDelivery(d.id(), d.endpointId(), d.eventId(), d.eventType(), d.title(), d.status(),
                    d.attemptCount(), d.createdAt(), d.nextAttemptAt(), d.deliveredAt(), d.lastStatusCode(),
                    d.lastError(), d.payload(), attempts.getOrDefault(d.id(), List.of())))
            .toList();
    }

    private WebhookDelivery row(ResultSet rs, int n) throws SQLException {
        int code = rs.getInt("last_status_code");
        Integer lastCode = rs.wasNull() ? null : code;
        DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
        return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getLong("endpoint_id"),
                rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("title"), status,
                rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                (status == DeliveryStatus.PENDING) ? instant(rs.getTimestamp("next_attempt_at")) : null,
                instant(rs.getTimestamp("delivered_at")), lastCode, rs.getString("last_error"), rs.getString("payload"),
                List.of());
    }

    private static Instant instant(Timestamp timestamp) {
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

}

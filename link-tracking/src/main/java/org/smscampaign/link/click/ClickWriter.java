package org.smscampaign.link.click;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import com.carrotsearch.hppc.LongHashSet;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.link.ClickReason;
import org.smscampaign.link.LinkClicked;
import org.smscampaign.link.LinkClicksRecorded;
import org.smscampaign.link.LinkProperties;
import org.smscampaign.link.agent.AgentClassifier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one thread that writes hits: drains the buffer in batches (at least every flush
 * interval), classifies each hit, COPYs the batch into {@code link_click} and publishes
 * the recipient links' hits as one {@link LinkClicksRecorded}. If the database fails, the
 * batch is kept and retried with growing pauses while the buffer absorbs (and past its
 * capacity drops and counts) new hits. On shutdown it runs after the web server has
 * stopped taking requests and writes everything left.
 */
@Component
public class ClickWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClickWriter.class);

    private static final String COPY = "copy link_click (id, link_id, occurred_at, method, user_agent_id, client, referrer, "
            + "human, reason, first_hit) from stdin (format text)";

    private final ClickBuffer buffer;

    private final AgentClassifier agentClassifier;

    private final ClientAddresses clients;

    private final DataSource dataSource;

    private final ApplicationEventPublisher events;

    private final LinkProperties properties;

    private final BurstDetector bursts;

    private final DeliveryTimes deliveries;

    private final UserAgentDictionary agents = new UserAgentDictionary();

    /**
     * Client addresses in their stored form, escaped for COPY (hashing each hit's address
     * would cost the writer more than the rest of the row).
     */
    private final Cache<String, String> storedClients = Caffeine.newBuilder().maximumSize(100_000).build();

    /** Links known to have hits already (so their next hit is no first hit). */
    private final Cache<Long, Boolean> linksHit = Caffeine.newBuilder().maximumSize(2_000_000).build();

    private final Counter humanClicks;

    private final Counter excludedClicks;

    private final Counter writeFailures;

    private volatile boolean running;

    private Thread thread;

    ClickWriter(ClickBuffer buffer, AgentClassifier agentClassifier, ClientAddresses clients, DeliveryTimes deliveries,
            DataSource dataSource, ApplicationEventPublisher events, LinkProperties properties, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.buffer = buffer;
        this.agentClassifier = agentClassifier;
        this.clients = clients;
        this.dataSource = dataSource;
        this.events = events;
        this.properties = properties;
        this.bursts = new BurstDetector(properties.classification().burstLinks(),
                properties.classification().burstWindow().toMillis());
        this.humanClicks = Counter.builder("sms.link.clicks").tag("human", "true").register(meters);
        this.excludedClicks = Counter.builder("sms.link.clicks").tag("human", "false").register(meters);
        this.writeFailures = Counter.builder("sms.link.click.write.failures").register(meters);
    }

    @Override
    public void start() {
        this.running = true;
        this.thread = new Thread(this::run, "click-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Stops after the web server (a lower phase stops later) and writes what is left. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    @Override
    public void stop() {
        this.running = false;
        LockSupport.unpark(this.thread);
        try {
            this.thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (this.buffer.size() > 0) {
            log.warn("{} hits could not be written before shutdown", this.buffer.size());
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    private void run() {
        int batchSize = this.properties.buffer().batchSize();
        long pause = this.properties.buffer().flushInterval().toNanos();
        List<Hit> batch = new ArrayList<>(batchSize);
        long backoffMillis = 0;
        while (this.running || this.buffer.size() > 0 || !batch.isEmpty()) {
            if (batch.size() < batchSize) {
                this.buffer.drain(batch::add, batchSize - batch.size());
            }
            if (batch.isEmpty()) {
                LockSupport.parkNanos(pause);
                continue;
            }
            try {
                write(batch);
                batch.clear();
                backoffMillis = 0;
                this.buffer.writing(true);
                if (this.buffer.size() < batchSize) {
                    LockSupport.parkNanos(pause);
                }
            }
            catch (SQLException | RuntimeException ex) {
                this.writeFailures.increment();
                // Redirects no longer wait for room: past the buffer, hits are dropped.
                this.buffer.writing(false);
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 250), 5000);
                log.warn("Writing {} hits failed ({}); retrying in {} ms", batch.size(), ex.getMessage(),
                        backoffMillis);
                if (!this.running && backoffMillis >= 5000) {
                    log.error("Giving up on {} hits at shutdown: the database does not answer", batch.size());
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoffMillis));
            }
        }
    }

    private void write(List<Hit> batch) throws SQLException {
        try (Connection connection = this.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Map<String, Integer> agentIds = this.agents.idsOf(connection, batch);
            Map<Long, Long> deliveries = this.deliveries.of(connection, batch);
            Set<Long> seenLinks = linksWithHits(connection, batch);
            Set<Long> newlyHitLinks = new HashSet<>();
            // Click ids put Long.hashCode to poor use (constant node bits): hppc's sets
            // mix them.
            LongHashSet burstIds = new LongHashSet();
            for (Hit hit : batch) {
                for (long id : this.bursts.record(hit.clientAddress(), hit.userAgent(), hit.atMillis(), hit.linkId(),
                        hit.id())) {
                    burstIds.add(id);
                }
            }
            List<LinkClicked> clicked = new ArrayList<>();
            StringBuilder rows = new StringBuilder(batch.size() * 200);
            long human = 0;
            for (Hit hit : batch) {
                ClickReason reason = reason(hit, deliveries.get(hit.messageId()), burstIds.contains(hit.id()));
                boolean first = seenLinks.add(hit.linkId());
                if (first) {
                    newlyHitLinks.add(hit.linkId());
                }
                human += (reason == null) ? 1 : 0;
                row(rows, hit, agentIds.get(UserAgentDictionary.key(hit.userAgent())), reason, first);
                if (hit.campaignId() != null) {
                    clicked
                        .add(new LinkClicked(hit.id(), hit.linkId(), hit.campaignId(), hit.contactId(), hit.variant(),
                                hit.messageId(), Instant.ofEpochMilli(hit.atMillis()), reason == null, reason, first));
                }
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(rows.toString()));
            for (Hit hit : batch) {
                burstIds.remove(hit.id()); // written with its reason already
            }
            markEarlierBurstHits(connection, burstIds);
            connection.commit();
            this.agents.remember(agentIds);
            newlyHitLinks.forEach((link) -> this.linksHit.put(link, Boolean.TRUE));
            this.humanClicks.increment(human);
            this.excludedClicks.increment(batch.size() - human);
            if (!clicked.isEmpty()) {
                this.events.publishEvent(new LinkClicksRecorded(clicked));
            }
        }
        catch (IOException ex) {
            throw new SQLException(ex);
        }
    }

    private ClickReason reason(Hit hit, Long deliveredAt, boolean burst) {
        if (hit.head()) {
            return ClickReason.HEAD_REQUEST;
        }
        // The agent as stored: reclassifying stored hits later judges the same text.
        ClickReason agent = this.agentClassifier.classify(UserAgentDictionary.key(hit.userAgent())).reason();
        if (agent != null) {
            return agent;
        }
        if (burst) {
            return ClickReason.BURST;
        }
        if (deliveredAt != null) {
            long delivered = deliveredAt;
            if (hit.atMillis() < delivered) {
                return ClickReason.BEFORE_DELIVERY;
            }
            if (hit.atMillis() < delivered + this.properties.classification().nearDelivery().toMillis()) {
                return ClickReason.NEAR_DELIVERY;
            }
        }
        return null;
    }

    private void row(StringBuilder rows, Hit hit, Integer agentId, ClickReason reason, boolean first) {
        rows.append(hit.id()).append('\t').append(hit.linkId()).append('\t');
        rows.append(Instant.ofEpochMilli(hit.atMillis())).append('\t');
        rows.append(hit.head() ? "HEAD" : "GET").append('\t');
        rows.append((agentId != null) ? agentId.toString() : "\\N").append('\t');
        rows.append(this.storedClients.get((hit.clientAddress() != null) ? hit.clientAddress() : "",
                (address) -> text(new StringBuilder(), this.clients.stored(address)).toString()))
            .append('\t');
        text(rows, truncate(hit.referrer(), 512)).append('\t');
        rows.append((reason == null) ? 't' : 'f').append('\t');
        text(rows, (reason != null) ? reason.name() : null).append('\t');
        rows.append(first ? 't' : 'f').append('\n');
    }

    /** Appends a value escaped for COPY text format; null as \N. */
    private static StringBuilder text(StringBuilder rows, String value) {
        if (value == null) {
            return rows.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                case '\0' -> rows.append(' ');
                default -> rows.append(c);
            }
        }
        return rows;
    }

    private static String truncate(String value, int length) {
        return (value == null || value.length() <= length) ? value : value.substring(0, length);
    }

    /**
     * The links of the batch that had hits before: remembered for links seen by this
     * writer, asked of the database (one index probe per link) for the others.
     */
    private Set<Long> linksWithHits(Connection connection, List<Hit> batch) throws SQLException {
        Set<Long> seen = new HashSet<>();
        Set<Long> unknown = new HashSet<>();
        for (Hit hit : batch) {
            if (this.linksHit.getIfPresent(hit.linkId()) != null) {
                seen.add(hit.linkId());
            }
            else {
                unknown.add(hit.linkId());
            }
        }
        if (!unknown.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement("select l from unnest(?) as l "
                    + "where exists (select 1 from link_click c where c.link_id = l)")) {
                statement.setArray(1, connection.createArrayOf("bigint", unknown.toArray()));
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        seen.add(result.getLong(1));
                        this.linksHit.put(result.getLong(1), Boolean.TRUE);
                    }
                }
            }
        }
        return seen;
    }

    /**
     * Hits of a burst that were written in earlier batches, before the burst showed: flag
     * them too.
     */
    private static void markEarlierBurstHits(Connection connection, LongHashSet burstIds) throws SQLException {
        if (burstIds.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "update link_click set human = false, reason = 'BURST', txid = pg_current_xact_id()::text::bigint "
                        + "where id = any(?) and human")) {
            statement.setObject(1, burstIds.toArray());
            statement.executeUpdate();
        }
    }

}

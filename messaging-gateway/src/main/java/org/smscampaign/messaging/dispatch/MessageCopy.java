package org.smscampaign.messaging.dispatch;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

import javax.sql.DataSource;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.smscampaign.messaging.MessageRequest;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.SendWindow;
import org.smscampaign.messaging.pricing.PriceTable;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The fast path of a big enqueue (a campaign launch): messages whose ids were reserved
 * are streamed in with COPY (their keys, then the messages), in the caller's transaction.
 * If one of their keys was queued before, nothing of the batch is kept (rolled back to a
 * savepoint) and the caller takes the idempotent path.
 */
@Component
class MessageCopy {

    private static final String COPY = "copy outbound_message (id, idempotency_key, campaign_id, contact_id, variant, "
            + "channel, sender, to_number, body, segments, status, due_at, window_zone, window_start, window_end, "
            + "window_days, window_policy, estimated_cost, cost_currency) from stdin (format csv)";

    /**
     * Keys first: messages are partitioned by month, so their keys are unique in a table
     * of their own.
     */
    private static final String COPY_KEYS = "copy outbound_message_key (idempotency_key, message_id) from stdin "
            + "(format csv)";

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    private final MessagingProperties properties;

    private final PriceTable prices;

    MessageCopy(DataSource dataSource, MessagingProperties properties, PriceTable prices) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.prices = prices;
    }

    /** Whether these messages can take the fast path. */
    static boolean suits(List<MessageRequest> requests) {
        return requests.size() >= 100 && requests.stream()
            .allMatch((r) -> r.messageId() != null && r.cascade().isEmpty() && r.template() == null);
    }

    /** Copies the messages in; false (nothing written) when a key existed already. */
    boolean copy(List<MessageRequest> requests) {
        Connection connection = DataSourceUtils.getConnection(this.dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                copy.copyIn(COPY_KEYS, new StringReader(keys(requests)));
                copy.copyIn(COPY, new StringReader(csv(requests)));
                connection.releaseSavepoint(savepoint);
                return true;
            }
            catch (SQLException ex) {
                if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
                    throw ex;
                }
                connection.rollback(savepoint);
                return false;
            }
        }
        catch (SQLException | IOException ex) {
            throw new IllegalStateException("Copying " + requests.size() + " messages failed: " + ex.getMessage(), ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, this.dataSource);
        }
    }

    private static String keys(List<MessageRequest> requests) throws IOException {
        StringWriter out = new StringWriter(requests.size() * 40);
        try (CsvWriter csv = CsvWriter.builder()
            .quoteStrategy(QuoteStrategies.EMPTY)
            .lineDelimiter(LineDelimiter.LF)
            .build(out)) {
            for (MessageRequest request : requests) {
                csv.writeRecord(request.idempotencyKey(), request.messageId().toString());
            }
        }
        return out.toString();
    }

    private String csv(List<MessageRequest> requests) throws IOException {
        StringWriter out = new StringWriter(requests.size() * 220);
        try (CsvWriter csv = CsvWriter.builder()
            .quoteStrategy(QuoteStrategies.EMPTY)
            .lineDelimiter(LineDelimiter.LF)
            .build(out)) {
            for (MessageRequest request : requests) {
                MessagingProperties.Sender sender = this.properties.senders().get(request.sender());
                if (sender == null) {
                    throw new IllegalArgumentException("No sender '" + request.sender() + "' is configured");
                }
                SendWindow window = request.window();
                BigDecimal cost = this.prices.quote(request.channel(), request.to(), sender).costOf(request.segments());
                csv.writeRecord(request.messageId().toString(), request.idempotencyKey(),
                        string(request.attribution().campaignId()), string(request.attribution().contactId()),
                        request.attribution().variant(), request.channel().name(), request.sender(), request.to(),
                        request.body(), Integer.toString(request.segments()), "QUEUED", request.dueAt().toString(),
                        (window != null) ? window.zone().getId() : null,
                        (window != null) ? Integer.toString(window.startMinute()) : null,
                        (window != null) ? Integer.toString(window.endMinute()) : null,
                        (window != null) ? Integer.toString(window.dayBits()) : null,
                        (window != null) ? window.policy().name() : null, (cost != null) ? cost.toPlainString() : null,
                        (cost != null) ? this.prices.currency() : null);
            }
        }
        return out.toString();
    }

    private static String string(Long value) {
        return (value != null) ? value.toString() : null;
    }

}

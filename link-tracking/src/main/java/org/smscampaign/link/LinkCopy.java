package org.smscampaign.link;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Minting many recipient links at once (a campaign launch): ids reserved from the table's
 * sequence, codes drawn here, rows streamed in with COPY in the caller's transaction. A
 * code that happens to exist already fails the batch back to a savepoint, and it is drawn
 * again.
 */
@Component
class LinkCopy {

    /** Fewer links than this take the plain insert. */
    static final int MINIMUM = 100;

    private static final int MAX_ATTEMPTS = 5;

    private static final String COPY = "copy short_link (id, code, brand_id, target_url, campaign_id, contact_id, "
            + "variant, message_id, attribution_days) from stdin (format csv)";

    private final DataSource dataSource;

    private final JdbcClient jdbc;

    private final LinkProperties properties;

    LinkCopy(DataSource dataSource, JdbcClient jdbc, LinkProperties properties) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Mints the links: each request with its stored target (already checked) and brand.
     */
    List<MintedLink> mint(List<RecipientLinkRequest> requests, List<String> targets, Map<Long, BrandView> brands) {
        long[] ids = this.jdbc
            .sql("select nextval(pg_get_serial_sequence('short_link', 'id')) from generate_series(1, :n)")
            .param("n", requests.size())
            .query(Long.class)
            .list()
            .stream()
            .mapToLong(Long::longValue)
            .toArray();
        Connection connection = DataSourceUtils.getConnection(this.dataSource);
        try {
            for (int attempt = 1;; attempt++) {
                List<String> codes = new ArrayList<>(requests.size());
                for (int i = 0; i < requests.size(); i++) {
                    codes.add(ShortCodes.next());
                }
                Savepoint savepoint = connection.setSavepoint();
                try {
                    connection.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(COPY, new StringReader(csv(requests, ids, codes, targets, brands)));
                    connection.releaseSavepoint(savepoint);
                    List<MintedLink> minted = new ArrayList<>(requests.size());
                    for (int i = 0; i < requests.size(); i++) {
                        minted.add(new MintedLink(ids[i], codes.get(i),
                                brand(requests.get(i), brands).baseUrl() + codes.get(i)));
                    }
                    return minted;
                }
                catch (SQLException ex) {
                    connection.rollback(savepoint);
                    if (!"23505".equals(ex.getSQLState()) || attempt == MAX_ATTEMPTS) {
                        throw ex;
                    }
                }
            }
        }
        catch (SQLException | IOException ex) {
            throw new IllegalStateException("Minting " + requests.size() + " links failed: " + ex.getMessage(), ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, this.dataSource);
        }
    }

    private static BrandView brand(RecipientLinkRequest request, Map<Long, BrandView> brands) {
        return brands.get((request.brandId() != null) ? request.brandId() : 0L);
    }

    private String csv(List<RecipientLinkRequest> requests, long[] ids, List<String> codes, List<String> targets,
            Map<Long, BrandView> brands) throws IOException {
        StringWriter out = new StringWriter(requests.size() * 160);
        try (CsvWriter csv = CsvWriter.builder()
            .quoteStrategy(QuoteStrategies.EMPTY)
            .lineDelimiter(LineDelimiter.LF)
            .build(out)) {
            for (int i = 0; i < requests.size(); i++) {
                RecipientLinkRequest request = requests.get(i);
                int days = (request.attributionDays() > 0) ? request.attributionDays()
                        : this.properties.attributionDays();
                csv.writeRecord(Long.toString(ids[i]), codes.get(i), Long.toString(brand(request, brands).id()),
                        targets.get(i), Long.toString(request.campaignId()), Long.toString(request.contactId()),
                        request.variant(), (request.messageId() != null) ? request.messageId().toString() : null,
                        Integer.toString(days));
            }
        }
        return out.toString();
    }

}

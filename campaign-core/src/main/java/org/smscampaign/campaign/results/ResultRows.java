package org.smscampaign.campaign.results;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The rows of an uploaded results file, read by the names in its first line. Columns (any
 * order, other columns ignored): phone, email, coupon (or code), order_id, event, value,
 * currency, occurred_at, campaign. Comma or semicolon separated.
 */
public final class ResultRows {

    /** At most this many rows per file. */
    public static final int MAX_ROWS = 50_000;

    private static final Map<String, String> ALIASES = aliases();

    /** A row as written, by column; blank cells are null. */
    public record Row(long line, Map<String, String> cells) {

        public String get(String column) {
            return this.cells.get(column);
        }

        /** The row as a person reads it (for the report). */
        public String text() {
            return String.join(", ", this.cells.values());
        }

    }

    private ResultRows() {
    }

    private static Map<String, String> aliases() {
        Map<String, String> aliases = new HashMap<>();
        for (String name : List.of("phone", "phone_number", "number", "mobile", "msisdn")) {
            aliases.put(name, "phone");
        }
        for (String name : List.of("email", "e_mail", "mail", "email_address")) {
            aliases.put(name, "email");
        }
        for (String name : List.of("coupon", "code", "coupon_code")) {
            aliases.put(name, "coupon");
        }
        for (String name : List.of("order_id", "order", "orderid", "order_number")) {
            aliases.put(name, "order_id");
        }
        for (String name : List.of("value", "amount", "revenue")) {
            aliases.put(name, "value");
        }
        for (String name : List.of("occurred_at", "time", "date", "timestamp", "datetime")) {
            aliases.put(name, "occurred_at");
        }
        for (String name : List.of("campaign", "campaign_id")) {
            aliases.put(name, "campaign");
        }
        aliases.put("event", "event");
        aliases.put("currency", "currency");
        return aliases;
    }

    /**
     * Reads the rows.
     * @throws IllegalArgumentException when the first line names no column that finds a
     * customer, or there are too many rows
     */
    public static List<Row> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstBreak = body.indexOf('\n');
        String header = (firstBreak >= 0) ? body.substring(0, firstBreak) : body;
        char separator = (header.indexOf(';') >= 0 && header.indexOf(',') < 0) ? ';' : ',';
        List<Row> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
            .fieldSeparator(separator)
            .skipEmptyLines(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .ofCsvRecord(new StringReader(body))) {
            String[] columns = null;
            for (CsvRecord record : csv) {
                if (columns == null) {
                    columns = columns(record);
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new IllegalArgumentException(
                            String.format(Locale.ENGLISH, "a file holds at most %,d rows; split it.", MAX_ROWS));
                }
                Map<String, String> cells = new java.util.LinkedHashMap<>();
                for (int i = 0; i < Math.min(columns.length, record.getFieldCount()); i++) {
                    String cell = record.getField(i).strip();
                    if (columns[i] != null && !cell.isEmpty()) {
                        cells.putIfAbsent(columns[i], cell);
                    }
                }
                rows.add(new Row(record.getStartingLineNumber(), cells));
            }
            if (columns == null) {
                throw new IllegalArgumentException("the file is empty.");
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return rows;
    }

    private static String[] columns(CsvRecord header) {
        String[] columns = new String[header.getFieldCount()];
        boolean key = false;
        for (int i = 0; i < columns.length; i++) {
            String name = header.getField(i).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
            columns[i] = ALIASES.get(name);
            key |= columns[i] != null && List.of("phone", "email", "coupon", "order_id").contains(columns[i]);
        }
        if (!key) {
            throw new IllegalArgumentException("the first line names the columns, and one of them must find the "
                    + "customer: phone, email, coupon or order_id.");
        }
        return columns;
    }

}

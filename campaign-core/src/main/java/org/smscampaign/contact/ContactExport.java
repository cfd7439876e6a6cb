package org.smscampaign.contact;

import java.io.Writer;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.smscampaign.platform.ReplicaReads;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Writes contacts as CSV (UTF-8, comma, CRLF, the same column names the importer
 * suggests), one row at a time. Cells that a spreadsheet would run as a formula are
 * neutralised.
 */
@Service
public class ContactExport {

    static final List<String> STANDARD_COLUMNS = List.of("phone", "first_name", "last_name", "email", "city", "region",
            "country", "gender", "birth_date", "language", "time_zone", "tags", "consent", "phone_type", "created_at",
            "preferred_channel", "whatsapp_consent");

    private final ContactQueries queries;

    private final CustomAttributes customAttributes;

    private final JsonMapper json;

    private final ReplicaReads replica;

    ContactExport(ContactQueries queries, CustomAttributes customAttributes, JsonMapper json, ReplicaReads replica) {
        this.replica = replica;
        this.queries = queries;
        this.customAttributes = customAttributes;
        this.json = json;
    }

    /** An export only reads: on the read replica while it keeps up. */
    public void write(ContactCriteria criteria, Writer out) {
        this.replica.run(() -> writeAll(criteria, out));
    }

    private void writeAll(ContactCriteria criteria, Writer out) {
        List<String> custom = this.customAttributes.list().stream().map(CustomAttributeView::key).toList();
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
        List<String> header = new ArrayList<>(STANDARD_COLUMNS);
        header.addAll(custom);
        csv.writeRecord(header);
        this.queries.forEachMatching(criteria, false, (row) -> {
            Map<String, Object> attributes = ContactRows.attributes(row, this.json);
            List<String> cells = new ArrayList<>(header.size());
            cells.add(row.getString("phone_number"));
            cells.add(safe(row.getString("first_name")));
            cells.add(safe(row.getString("last_name")));
            cells.add(safe(row.getString("email")));
            cells.add(safe(row.getString("city")));
            cells.add(safe(row.getString("region")));
            cells.add(row.getString("country"));
            cells.add(lower(row.getString("gender")));
            Date birth = row.getDate("birth_date");
            cells.add((birth != null) ? birth.toLocalDate().toString() : "");
            cells.add(safe(row.getString("language")));
            cells.add(row.getString("time_zone"));
            cells.add(safe(String.join("|", ContactRows.tags(row))));
            cells.add(row.getString("consent_status").toLowerCase(java.util.Locale.ROOT));
            cells.add(row.getString("phone_type"));
            cells.add(ContactRows.instant(row, "created_at").toString());
            // As an import reads them back: "whatsapp", "opted in".
            cells.add(lower(row.getString("preferred_channel")));
            String whatsapp = row.getString("whatsapp_consent");
            cells.add("NONE".equals(whatsapp) ? ""
                    : WhatsAppConsent.valueOf(whatsapp).label().toLowerCase(java.util.Locale.ROOT));
            for (String key : custom) {
                Object value = attributes.get(key);
                cells.add((value != null) ? safe(value.toString()) : "");
            }
            csv.writeRecord(cells);
        });
        try {
            csv.flush();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static String lower(String value) {
        return (value != null) ? value.toLowerCase(java.util.Locale.ROOT) : "";
    }

    /**
     * A cell a spreadsheet will not execute: text starting with {@code = + - @}, tab or
     * carriage return gets a leading apostrophe (OWASP CSV injection guidance).
     */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

}

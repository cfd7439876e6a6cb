package org.smscampaign.web.dashboard;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.smscampaign.contact.ContactExport;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A dashboard table as a CSV download (UTF-8, CRLF), text cells made safe against
 * spreadsheet formulas; numbers are written as they are.
 */
final class CsvDownloads {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private CsvDownloads() {
    }

    static ResponseEntity<byte[]> of(String filename, ReportTables.Table table) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (CsvWriter csv = CsvWriter.builder()
            .lineDelimiter(LineDelimiter.CRLF)
            .build(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            csv.writeRecord(table.header());
            for (List<Object> row : table.rows()) {
                csv.writeRecord(row.stream().map(CsvDownloads::cell).toList());
            }
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return ResponseEntity.ok()
            .contentType(CSV)
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(filename).build().toString())
            .body(bytes.toByteArray());
    }

    private static String cell(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return ContactExport.safe((value != null) ? value.toString() : "");
    }

}

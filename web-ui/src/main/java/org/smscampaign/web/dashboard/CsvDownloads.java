package org.smscampaign.web.dashboard;

import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * spreadsheet formulas; numbers as people read them: never with an exponent, rates and
 * percentages to two decimals, money to the cent (a unit price below one to four
 * decimals, as price tables give it).
 */
final class CsvDownloads {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private CsvDownloads() {
    }

    static String amount(BigDecimal amount) {
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
        if (amount.abs().compareTo(BigDecimal.ONE) >= 0 || cents.compareTo(amount) == 0) {
            return cents.toPlainString();
        }
        BigDecimal fine = amount.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return fine.setScale(Math.max(2, fine.scale())).toPlainString();
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

    static String cell(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number)
                    ? BigDecimal.valueOf(number).setScale(2, RoundingMode.HALF_UP).toPlainString() : "";
        }
        if (value instanceof BigDecimal amount) {
            return amount(amount);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return ContactExport.safe((value != null) ? value.toString() : "");
    }

}

package org.smscampaign.contact.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Looks at the start of an uploaded file and decides how to read it: charset (UTF-8 with
 * or without BOM, UTF-16 with BOM, else Windows-1252 as older Excel writes), field
 * separator ({@code , ; tab |}), header and a sample. Refuses what is not CSV at all,
 * saying what it is.
 */
public final class CsvSniffer {

    static final int SAMPLE_BYTES = 64 * 1024;

    static final int SAMPLE_ROWS = 5;

    static final int MAX_COLUMNS = 500;

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final char[] SEPARATORS = { ',', ';', '\t', '|' };

    private CsvSniffer() {
    }

    /** How to read a CSV file, with its header and first rows. */
    public record Sniffed(Charset charset, int bomLength, char separator, List<String> headers,
            List<List<String>> sample) {

    }

    public static Sniffed sniff(Path file) throws IOException, NotCsvException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE_BYTES);
        }
        if (head.length == 0) {
            throw new NotCsvException("The file is empty.");
        }
        refuseKnownBinaryFormats(head);
        int bom = 0;
        Charset charset;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            bom = 3;
            charset = StandardCharsets.UTF_8;
        }
        else if (startsWith(head, 0xFF, 0xFE)) {
            bom = 2;
            charset = StandardCharsets.UTF_16LE;
        }
        else if (startsWith(head, 0xFE, 0xFF)) {
            bom = 2;
            charset = StandardCharsets.UTF_16BE;
        }
        else {
            for (byte b : head) {
                if (b == 0) {
                    throw new NotCsvException("This is a binary file, not a CSV file.");
                }
            }
            charset = isUtf8(head) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        String text = new String(head, bom, head.length - bom, charset);
        if (head.length == SAMPLE_BYTES) {
            int lastLineEnd = Math.max(text.lastIndexOf('\n'), 0);
            text = text.substring(0, lastLineEnd);
        }
        String start = text.stripLeading();
        if (start.startsWith("{") || start.startsWith("[") || start.startsWith("<")) {
            throw new NotCsvException("This looks like JSON, XML or HTML, not a CSV file.");
        }
        return parseSample(text, charset, bom);
    }

    private static void refuseKnownBinaryFormats(byte[] head) throws NotCsvException {
        if (startsWith(head, 'P', 'K', 3, 4)) {
            throw new NotCsvException("This is an Excel workbook or a ZIP archive, not a CSV file. In Excel, choose "
                    + "File › Save As › CSV UTF-8 and upload that file.");
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new NotCsvException("This is an old Excel workbook (.xls), not a CSV file. In Excel, choose "
                    + "File › Save As › CSV UTF-8 and upload that file.");
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            throw new NotCsvException("This is a PDF document, not a CSV file.");
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8, 0xFF)
                || startsWith(head, 'G', 'I', 'F', '8')) {
            throw new NotCsvException("This is an image, not a CSV file.");
        }
    }

    private static Sniffed parseSample(String text, Charset charset, int bom) throws NotCsvException {
        Sniffed best = null;
        int bestScore = -1;
        for (char separator : SEPARATORS) {
            List<List<String>> records = records(text, separator);
            if (records.isEmpty()) {
                continue;
            }
            List<String> header = records.get(0);
            List<List<String>> sample = records.subList(1, Math.min(records.size(), SAMPLE_ROWS + 1));
            long consistent = sample.stream().filter((row) -> row.size() == header.size()).count();
            int score = (header.size() > 1) ? header.size() * 10 + (int) consistent : 0;
            if (score > bestScore) {
                bestScore = score;
                best = new Sniffed(charset, bom, separator, header, List.copyOf(sample));
            }
        }
        if (best == null) {
            throw new NotCsvException("The file has no readable rows.");
        }
        if (best.headers().size() > MAX_COLUMNS) {
            throw new NotCsvException("The file has more than " + MAX_COLUMNS + " columns; it is not a contact CSV.");
        }
        if (best.headers().stream().anyMatch((name) -> name.length() > 200)) {
            throw new NotCsvException("The first line is not a header row (a CSV file starts with column names, "
                    + "such as phone;first_name;city).");
        }
        return best;
    }

    private static List<List<String>> records(String text, char separator) throws NotCsvException {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
            .fieldSeparator(separator)
            .skipEmptyLines(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .allowUnclosedQuote(true)
            .ofCsvRecord(text)) {
            for (CsvRecord record : reader) {
                records.add(record.getFields().stream().map(String::strip).toList());
                if (records.size() > SAMPLE_ROWS) {
                    break;
                }
            }
        }
        catch (CsvParseException | IOException ex) {
            return List.of();
        }
        return records;
    }

    private static boolean isUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        return !decoder.decode(ByteBuffer.wrap(bytes), out, false).isError();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

}

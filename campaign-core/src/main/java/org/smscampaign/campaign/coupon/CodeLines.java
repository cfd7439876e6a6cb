package org.smscampaign.campaign.coupon;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.smscampaign.campaign.LineProblem;

/**
 * The codes of an uploaded file: a CSV whose first column holds them (a header naming
 * "code" is skipped) or simply one code per line. Blank lines, codes that are not codes
 * and repeats are reported by line.
 */
public final class CodeLines {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{2,39}");

    /** A code and its line. */
    public record Code(long line, String code) {

    }

    /** The codes found and the lines refused. */
    public record Parsed(long lines, List<Code> codes, List<LineProblem> problems) {

    }

    private CodeLines() {
    }

    public static Parsed parse(String text) {
        List<Code> codes = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        long lines = 0;
        char separator = (text.indexOf(';') >= 0 && text.indexOf(',') < 0) ? ';' : ',';
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
            .fieldSeparator(separator)
            .skipEmptyLines(false)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .ofCsvRecord(new StringReader(text))) {
            for (CsvRecord record : csv) {
                long line = record.getStartingLineNumber();
                lines = Math.max(lines, line);
                String raw = record.getFieldCount() > 0 ? record.getField(0).strip() : "";
                if (line == 1 && raw.equalsIgnoreCase("code") || line == 1 && raw.equalsIgnoreCase("coupon")) {
                    continue;
                }
                if (raw.isEmpty()) {
                    problems.add(new LineProblem(line, "", "blank line"));
                    continue;
                }
                String code = CouponPattern.normalise(raw);
                if (!CODE.matcher(code).matches()) {
                    problems.add(new LineProblem(line, raw,
                            "not a code: 3 to 40 letters, digits, dots, dashes or underscores"));
                    continue;
                }
                Long first = seen.putIfAbsent(code, line);
                if (first != null) {
                    problems.add(new LineProblem(line, raw, "duplicate of line " + first));
                    continue;
                }
                codes.add(new Code(line, code));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Parsed(lines, codes, problems);
    }

}

package org.smscampaign.contact;

import java.time.Instant;
import java.util.List;

/**
 * An import job: its file, state, progress and counts.
 *
 * @param headers the file's column names
 * @param suggestions the suggested target of each column
 * @param rowsRead data rows read so far
 * @param progressPercent share of the file read (0–100)
 * @param warnings rows imported with a field left empty or a number that cannot be texted
 */
public record ImportJobView(long id, String fileName, long sizeBytes, String charset, char separator,
        List<String> headers, List<ColumnTarget> suggestions, ImportStatus status, ImportSettings settings,
        long rowsRead, int progressPercent, long created, long updated, long skipped, long rejected, long warnings,
        String failure, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {

    /** The separator as people call it. */
    public String separatorName() {
        return switch (this.separator) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "pipe";
            default -> String.valueOf(this.separator);
        };
    }

    public long imported() {
        return this.created + this.updated;
    }

    /** The file's size as people read it: 532 bytes, 48 KB, 1.2 MB. */
    public String sizeText() {
        if (this.sizeBytes < 1000) {
            return this.sizeBytes + ((this.sizeBytes == 1) ? " byte" : " bytes");
        }
        String[] units = { "KB", "MB", "GB", "TB" };
        double size = this.sizeBytes;
        int unit = -1;
        while (size >= 999.95 && unit < units.length - 1) {
            size /= 1000;
            unit++;
        }
        String number = (size < 10) ? String.format(java.util.Locale.ROOT, "%.1f", size)
                : String.valueOf(Math.round(size));
        return number.replace(".0", "") + " " + units[unit];
    }

}

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
 */
public record ImportJobView(long id, String fileName, long sizeBytes, String charset, char separator,
        List<String> headers, List<ColumnTarget> suggestions, ImportStatus status, ImportSettings settings,
        long rowsRead, int progressPercent, long created, long updated, long skipped, long rejected, String failure,
        String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {

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

}

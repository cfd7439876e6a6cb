package org.smscampaign.contact;

/**
 * A problem in a row of an import: where, what, and why.
 *
 * @param warning true when the row was imported without the field (a warning); false when
 * the whole row was rejected (an error)
 */
public record ImportRejectionView(long line, String column, String value, String reason, boolean warning) {

    /** A problem that rejected its row. */
    public ImportRejectionView(long line, String column, String value, String reason) {
        this(line, column, value, reason, false);
    }

}

package org.smscampaign.campaign;

import java.util.List;

/**
 * The outcome of adding codes to a pool.
 *
 * @param lines lines read (a header line included)
 * @param added codes added
 * @param problems lines not taken (blank, duplicate, not a code), by line
 */
public record CodeUpload(long lines, long added, List<LineProblem> problems) implements java.io.Serializable {

}

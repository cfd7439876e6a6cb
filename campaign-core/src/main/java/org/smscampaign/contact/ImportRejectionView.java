package org.smscampaign.contact;

/** A rejected row of an import: where, what, and why. */
public record ImportRejectionView(long line, String column, String value, String reason) {

}

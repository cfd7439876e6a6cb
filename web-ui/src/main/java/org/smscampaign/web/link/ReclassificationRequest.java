package org.smscampaign.web.link;

import java.time.LocalDate;

/**
 * The days whose stored hits to reclassify.
 *
 * @param from the first day (UTC)
 * @param to the last day (UTC, included)
 */
record ReclassificationRequest(LocalDate from, LocalDate to) {

}

package org.smscampaign.campaign;

import java.time.Instant;
import java.util.List;

/**
 * An upload of results (conversions the platform could not track, coupon redemptions).
 *
 * @param campaignId the campaign the upload was made for (its rows count for it unless
 * they name another), or null
 * @param rows rows read (the header not counted)
 * @param accepted rows recorded as new conversions
 * @param duplicates rows recorded before (the same order id and event, or the same row of
 * an earlier upload): not counted twice
 * @param rejected rows not taken, each with its line and reason in {@code problems}
 * @param unattributed accepted rows whose contact got no campaign message within the
 * attribution window: kept for the contact, counted for no campaign
 */
public record ResultImport(long id, String fileName, String importedBy, Instant importedAt, Long campaignId, long rows,
        long accepted, long duplicates, long rejected, long unattributed, List<LineProblem> problems) {

}

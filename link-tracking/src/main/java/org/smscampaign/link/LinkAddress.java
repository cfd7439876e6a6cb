package org.smscampaign.link;

/**
 * Where a brand's short links point, as a sent message shows them, and whether the
 * recipients' phones can open them.
 *
 * @param sampleLink the brand's base URL and a code of the true length
 * @param verdict OK; WARNING: launches, but look (plain http, or a local trial with
 * {@code sms.link.allow-local-link-hosts}); ERROR: no launch
 * @param message what is wrong and how to fix it (null when OK)
 * @param reason what is wrong in one sentence, for the page where it is fixed (null when
 * OK)
 */
public record LinkAddress(long brandId, String brandName, String baseUrl, String sampleLink, Verdict verdict,
        String message, String reason) {

    /** How bad it is. */
    public enum Verdict {

        OK, WARNING, ERROR

    }

    public boolean launchable() {
        return this.verdict != Verdict.ERROR;
    }

}

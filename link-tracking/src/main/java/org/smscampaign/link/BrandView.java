package org.smscampaign.link;

import java.util.List;

/**
 * A brand: the base URL of its short links, the hosts the redirector answers for it,
 * where expired links go, and which target domains its links may point to (empty: any).
 */
public record BrandView(long id, String name, String baseUrl, String fallbackUrl, List<String> allowedTargetDomains,
        List<String> hosts, boolean isDefault) {

    /** A code of the true length, for showing what a short link will look like. */
    private static final String SAMPLE_CODE = "Ab3xK9q2Zt5mW8pR".substring(0, ShortCodes.LENGTH);

    /** A short link of this brand as it will be sent: its address and a code. */
    public String sampleLink() {
        return this.baseUrl + SAMPLE_CODE;
    }

}

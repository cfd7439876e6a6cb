package org.smscampaign.link;

import java.util.List;

/**
 * A brand: the base URL of its short links, the hosts the redirector answers for it,
 * where expired links go, and which target domains its links may point to (empty: any).
 */
public record BrandView(long id, String name, String baseUrl, String fallbackUrl, List<String> allowedTargetDomains,
        List<String> hosts, boolean isDefault) {

}

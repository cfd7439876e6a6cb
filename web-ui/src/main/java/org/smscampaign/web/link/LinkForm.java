package org.smscampaign.web.link;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.smscampaign.link.PlainLinkRequest;

/** The form for a plain short link. */
record LinkForm(String targetUrl, String label, Long brandId, LocalDate expiresOn, String fallbackUrl,
        String utmCampaign) {

    static LinkForm empty() {
        return new LinkForm("", "", null, null, "", "");
    }

    PlainLinkRequest request() {
        return new PlainLinkRequest(this.targetUrl, this.label, this.brandId,
                (this.expiresOn != null) ? this.expiresOn.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC) : null,
                this.fallbackUrl, this.utmCampaign);
    }

}

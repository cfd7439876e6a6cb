package org.smscampaign.link;

import java.net.URI;
import java.time.Duration;

import org.smscampaign.link.hosts.LinkHostCheck;
import org.smscampaign.link.hosts.TargetHosts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Whether the people who get a campaign can open its short links: a brand whose link host
 * is loopback, private, link-local, single-label or unknown to DNS would send links
 * nobody can open, so its campaigns do not launch
 * ({@code sms.link.allow-local-link-hosts} makes that a warning, for a trial on one
 * computer). Looks up DNS: for preflights and launches, never on the redirect path.
 */
@Service
public class LinkAddresses {

    /** Where to fix it, in the words of the admin page. */
    static final String FIX = "Set the brand's link address in Admin → Link tracking";

    private static final String FIX_IN_SENTENCE = "set the brand's link address in Admin → Link tracking";

    private final Brands brands;

    private final LinkHostCheck hosts;

    private final boolean allowLocal;

    @Autowired
    LinkAddresses(Brands brands, LinkProperties properties) {
        this(brands, new LinkHostCheck(new TargetHosts(properties.allowedInternalHosts()), LinkHostCheck::dns,
                Duration.ofSeconds(3)), properties.allowLocalLinkHosts());
    }

    /** With another DNS, for tests. */
    LinkAddresses(Brands brands, LinkHostCheck hosts, boolean allowLocal) {
        this.brands = brands;
        this.hosts = hosts;
        this.allowLocal = allowLocal;
    }

    /** The links of this brand (the default brand when null). */
    public LinkAddress of(Long brandId) {
        return of((brandId != null) ? this.brands.get(brandId) : this.brands.defaultBrand());
    }

    public LinkAddress of(BrandView brand) {
        String sample = brand.sampleLink();
        URI base = URI.create(brand.baseUrl());
        LinkHostCheck.Finding finding = this.hosts.check(base.getHost());
        if (finding.reach() == LinkHostCheck.Reach.PUBLIC) {
            if (!"http".equalsIgnoreCase(base.getScheme())) {
                return address(brand, sample, LinkAddress.Verdict.OK, null, null);
            }
            String reason = "Links use plain http: phones may call them not secure and some carriers filter them.";
            return address(brand, sample, LinkAddress.Verdict.WARNING, reason.replace("http:", "http (" + sample + "):")
                    + " An https address is recommended: " + FIX_IN_SENTENCE + ".", reason + " Use https.");
        }
        String where = where(finding);
        String who = who(finding.reach());
        String reason = "Links point at " + where + ": " + who + ".";
        if (this.allowLocal) {
            return address(brand, sample, LinkAddress.Verdict.WARNING,
                    reason + " Fine for a trial; before a real campaign, " + FIX_IN_SENTENCE + ".", reason);
        }
        return address(brand, sample, LinkAddress.Verdict.ERROR,
                "Links of brand “" + brand.name() + "” point at " + where + " (" + sample + "): " + who
                        + ((finding.reach() == LinkHostCheck.Reach.UNRESOLVED) ? "" : ", not the recipients' phones")
                        + ". " + FIX + "; until then campaigns with this brand cannot launch.",
                "Campaigns with this brand cannot launch. " + reason);
    }

    private static LinkAddress address(BrandView brand, String sample, LinkAddress.Verdict verdict, String message,
            String reason) {
        return new LinkAddress(brand.id(), brand.name(), brand.baseUrl(), sample, verdict, message, reason);
    }

    private static String where(LinkHostCheck.Finding finding) {
        return switch (finding.reach()) {
            case LOOPBACK -> finding.detail();
            case INTERNAL -> finding.detail() + ", an address inside a private network";
            case SINGLE_LABEL -> "“" + finding.detail() + "”, a name without a domain";
            case UNRESOLVED -> finding.detail() + ", a name that does not resolve in DNS";
            case PUBLIC -> throw new IllegalArgumentException("public");
        };
    }

    private static String who(LinkHostCheck.Reach reach) {
        return switch (reach) {
            case LOOPBACK -> "only this computer can open them";
            case INTERNAL, SINGLE_LABEL -> "only devices inside this network can open them";
            default -> "nobody can open them until its DNS points at the platform";
        };
    }

}

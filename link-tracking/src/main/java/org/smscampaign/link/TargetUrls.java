package org.smscampaign.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.smscampaign.link.hosts.TargetHosts;

/**
 * Checks link targets when a link is created (the redirector only ever sends people to a
 * stored target) and appends UTM parameters.
 */
public final class TargetUrls {

    static final int MAX_LENGTH = 2000;

    private static final TargetHosts PUBLIC_ONLY = new TargetHosts(Set.of());

    private TargetUrls() {
    }

    /**
     * The target as it will be stored, or a {@link LinkProblem} saying why it is refused:
     * only http and https, a public host (no loopback, private, link-local, reserved or
     * single-label host, in any spelling), no credentials, no control characters or
     * spaces, and on the brand's allow-list when it has one.
     */
    public static URI check(String target, List<String> allowedDomains) {
        return check(target, allowedDomains, PUBLIC_ONLY);
    }

    /**
     * As {@link #check(String, List)}, with internal hosts an admin allowed
     * ({@code sms.link.allowed-internal-hosts}).
     */
    public static URI check(String target, List<String> allowedDomains, Collection<String> allowedInternalHosts) {
        return check(target, allowedDomains,
                allowedInternalHosts.isEmpty() ? PUBLIC_ONLY : new TargetHosts(allowedInternalHosts));
    }

    /** As {@link #check}, for a fallback: the reason says it is about the fallback. */
    static URI checkFallback(String fallback, List<String> allowedDomains, Collection<String> allowedInternalHosts) {
        try {
            return check(fallback, allowedDomains, allowedInternalHosts);
        }
        catch (LinkProblem ex) {
            throw new LinkProblem(ex.kind(), "Fallback: " + ex.getMessage());
        }
    }

    /**
     * Checks one of our own addresses (a brand's base URL) as a target is checked, except
     * that it may be internal (localhost while trying the platform out).
     */
    static URI checkOwnAddress(String address) {
        return check(address, List.of(), (TargetHosts) null);
    }

    private static URI check(String target, List<String> allowedDomains, TargetHosts hosts) {
        if (target == null || target.isBlank()) {
            throw invalid("A link needs a target address.");
        }
        String value = target.strip();
        if (value.length() > MAX_LENGTH) {
            throw invalid("The target address is longer than " + MAX_LENGTH + " characters.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                throw invalid("The target address contains spaces or control characters.");
            }
        }
        URI uri;
        try {
            uri = new URI(value);
        }
        catch (URISyntaxException ex) {
            throw invalid("The target is not a valid web address.");
        }
        String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("Only http and https addresses can be link targets.");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("The target address must not contain a user name or password.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid((uri.getRawAuthority() == null) ? "The target address has no host."
                    : "The target's host is not a valid host name or address.");
        }
        if (hosts != null) {
            hosts.refusal(uri.getHost()).ifPresent((reason) -> {
                throw invalid(reason);
            });
        }
        if (!allowedDomains.isEmpty() && !allowed(uri.getHost(), allowedDomains)) {
            throw invalid("The brand only allows links to " + String.join(", ", allowedDomains) + ".");
        }
        return uri;
    }

    private static boolean allowed(String host, List<String> domains) {
        String lower = host.toLowerCase(Locale.ROOT);
        return domains.stream()
            .map((domain) -> domain.toLowerCase(Locale.ROOT))
            .anyMatch((domain) -> lower.equals(domain) || lower.endsWith("." + domain));
    }

    /**
     * The target with utm_source, utm_medium, utm_campaign and utm_content (the variant)
     * appended, unless it already has UTM parameters of its own.
     */
    public static String withUtm(URI target, String campaign, String content) {
        String query = target.getRawQuery();
        if (query != null && (query.startsWith("utm_") || query.contains("&utm_"))) {
            return target.toString();
        }
        StringBuilder utm = new StringBuilder("utm_source=sms&utm_medium=sms");
        if (campaign != null && !campaign.isBlank()) {
            utm.append("&utm_campaign=").append(URLEncoder.encode(campaign, StandardCharsets.UTF_8));
        }
        if (content != null && !content.isBlank()) {
            utm.append("&utm_content=").append(URLEncoder.encode(content, StandardCharsets.UTF_8));
        }
        return withParameters(target.toString(), utm.toString());
    }

    /** Appends query parameters before any fragment. */
    public static String withParameters(String url, String parameters) {
        int hash = url.indexOf('#');
        String base = (hash >= 0) ? url.substring(0, hash) : url;
        String fragment = (hash >= 0) ? url.substring(hash) : "";
        char separator = (base.indexOf('?') >= 0) ? (base.endsWith("?") || base.endsWith("&") ? '\0' : '&') : '?';
        return base + ((separator == '\0') ? "" : String.valueOf(separator)) + parameters + fragment;
    }

    private static LinkProblem invalid(String message) {
        return new LinkProblem(LinkProblem.Kind.INVALID, message);
    }

}

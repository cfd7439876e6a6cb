package org.smscampaign.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Checks link targets when a link is created (the redirector only ever sends people to a
 * stored target) and appends UTM parameters.
 */
public final class TargetUrls {

    static final int MAX_LENGTH = 2000;

    private TargetUrls() {
    }

    /**
     * The target as it will be stored, or a {@link LinkProblem} saying why it is refused:
     * only http and https, a host, no credentials, no control characters or spaces, and
     * on the brand's allow-list when it has one.
     */
    public static URI check(String target, List<String> allowedDomains) {
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
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("The target address has no host.");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("The target address must not contain a user name or password.");
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

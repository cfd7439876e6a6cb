package org.smscampaign.webhook.endpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.smscampaign.link.PublicHosts;
import org.smscampaign.link.PublicHosts.Finding;
import org.smscampaign.link.PublicHosts.Reach;
import org.smscampaign.webhook.WebhookProblem;

/**
 * Which addresses the platform may POST events to: HTTPS on a public host. A webhook is a
 * request our servers make, so an address inside our network (loopback, private,
 * link-local such as cloud metadata, reserved, internal names, in every spelling) would
 * let an admin's typo or a stolen admin session probe it. Plain http and loopback only
 * with {@code sms.webhook.allow-http-loopback} (tests, the demo).
 */
public final class EndpointUrls {

    static final int MAX_LENGTH = 2000;

    private final PublicHosts hosts;

    private final boolean allowLoopback;

    public EndpointUrls(PublicHosts hosts, boolean allowLoopback) {
        this.hosts = hosts;
        this.allowLoopback = allowLoopback;
    }

    /**
     * The address as stored, or a {@link WebhookProblem} saying why it is refused. A name
     * DNS does not know yet is accepted: it is checked again before every attempt.
     */
    public URI check(String url) {
        URI uri = parse(url);
        Finding finding = this.hosts.check(uri.getHost());
        refuse(uri, finding, true);
        return uri;
    }

    /** Why an attempt must not go to this address now (DNS may have changed), or null. */
    public String refusalBeforeSending(String url) {
        try {
            URI uri = parse(url);
            refuse(uri, this.hosts.check(uri.getHost()), false);
            return null;
        }
        catch (WebhookProblem ex) {
            return ex.getMessage();
        }
    }

    private void refuse(URI uri, Finding finding, boolean unresolvedIsFine) {
        boolean loopback = finding.reach() == Reach.LOOPBACK;
        if (loopback && this.allowLoopback) {
            return;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw refused("Use an https:// address: events are signed but not encrypted, so they only go over "
                    + "HTTPS" + (this.allowLoopback ? " (plain http only to this computer)." : "."));
        }
        switch (finding.reach()) {
            case PUBLIC -> {
            }
            case UNRESOLVED -> {
                if (!unresolvedIsFine) {
                    throw refused("The host " + uri.getHost() + " is not known to DNS.");
                }
            }
            case SINGLE_LABEL -> throw refused("Use a full host name with a domain, not " + uri.getHost() + ".");
            case LOOPBACK,
                    INTERNAL ->
                throw refused("The address " + finding.detail()
                        + " is inside our network (loopback, private, link-local or reserved): webhooks only go to "
                        + "public hosts.");
        }
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw refused("Enter the endpoint's address, e.g. https://hooks.example.com/sms-events.");
        }
        String value = url.strip();
        if (value.length() > MAX_LENGTH) {
            throw refused("The address is longer than " + MAX_LENGTH + " characters.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\') {
                throw refused("The address contains spaces, backslashes or control characters.");
            }
        }
        URI uri;
        try {
            uri = new URI(value);
        }
        catch (URISyntaxException ex) {
            throw refused("This is not a valid address: " + ex.getReason() + ".");
        }
        String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refused("Use an https:// address.");
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw refused("The address has no valid host name.");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            throw refused("The address must not contain a user name or password (before an @): put credentials "
                    + "in the path or check the signature instead.");
        }
        if (uri.getRawFragment() != null) {
            throw refused("The address must not contain a fragment (#...).");
        }
        return uri.normalize();
    }

    private static WebhookProblem refused(String message) {
        return new WebhookProblem(WebhookProblem.Kind.URL_REFUSED, "url", message);
    }

}

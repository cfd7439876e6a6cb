package org.smscampaign.link;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.smscampaign.link.hosts.LinkHostCheck;
import org.smscampaign.link.hosts.TargetHosts;

/**
 * Whether a host is on the public internet, judged as link hosts are (every spelling of
 * an internal address, internal names, DNS answers): for other modules' own outgoing
 * calls, such as webhooks, which must not be pointed into our network.
 */
public final class PublicHosts {

    /** What stands between the platform and the host. */
    public enum Reach {

        /** A public host that resolves. */
        PUBLIC,
        /** This computer only: localhost, 127/8, ::1. */
        LOOPBACK,
        /** Inside a network: private, link-local, reserved addresses, internal names. */
        INTERNAL,
        /** A name without a domain. */
        SINGLE_LABEL,
        /** A name DNS does not know (or did not answer for in time). */
        UNRESOLVED

    }

    /** The reach and, unless public, the address or name that decided it. */
    public record Finding(Reach reach, String detail) {

    }

    private final LinkHostCheck check;

    /**
     * @param resolver DNS ({@link #dns}; an empty answer is an unresolved name)
     * @param timeout how long DNS may take
     */
    public PublicHosts(Function<String, InetAddress[]> resolver, Duration timeout) {
        this.check = new LinkHostCheck(new TargetHosts(List.of()), resolver, timeout);
    }

    /** DNS of this machine, as the JDK resolves (and caches) it. */
    public static InetAddress[] dns(String host) {
        return LinkHostCheck.dns(host);
    }

    /** The reach of a host as {@link java.net.URI#getHost()} gives it. */
    public Finding check(String host) {
        LinkHostCheck.Finding finding = this.check.check(host);
        return new Finding(Reach.valueOf(finding.reach().name()), finding.detail());
    }

}

package org.smscampaign.link.hosts;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.common.net.InetAddresses;

/**
 * Which hosts a link may send people to: public ones only, unless an admin named an
 * internal host. A short link is a redirect anyone can make a recipient's phone (or a
 * link-preview fetcher inside someone's network) follow, so loopback, link-local,
 * private, shared (CGNAT), reserved, multicast and single-label hosts are refused.
 * Numeric hosts are read the way browsers read them (WHATWG URL: {@code 0x7f000001},
 * {@code 2130706433}, {@code 0177.0.0.1} and {@code 127.1} are all 127.0.0.1). Names are
 * not resolved: a public name that resolves to a private address is not caught here.
 */
public final class TargetHosts {

    /**
     * Suffixes of names that only mean something inside a network (RFC 6761, 6762, 8375,
     * ICANN's reserved .internal, and common private-use names).
     */
    private static final List<String> INTERNAL_SUFFIXES = List.of("localhost", "local", "internal", "intranet",
            "localdomain", "lan", "home", "corp", "private", "home.arpa", "in-addr.arpa", "ip6.arpa", "onion");

    private final Set<String> allowedInternal;

    /**
     * @param allowedInternal hosts an admin allows although they are internal: names or
     * IP addresses, matched exactly (after lower case, trailing dots and brackets are
     * removed; addresses in any spelling)
     */
    public TargetHosts(Collection<String> allowedInternal) {
        this.allowedInternal = allowedInternal.stream()
            .map(String::strip)
            .filter((host) -> !host.isEmpty())
            .map(TargetHosts::canonical)
            .collect(Collectors.toUnmodifiableSet());
    }

    /** Why people must not be sent to this host (as URI#getHost gives it), if so. */
    public Optional<String> refusal(String host) {
        String canonical = canonical(host);
        if (this.allowedInternal.contains(canonical)) {
            return Optional.empty();
        }
        String name = withoutTrailingDots(host.toLowerCase(Locale.ROOT));
        if (name.startsWith("[") || endsInNumber(name)) {
            InetAddress address = address(name);
            if (address == null) {
                return Optional.of("The target's host " + host + " is not a valid address.");
            }
            return internal(address) ? Optional.of("Links cannot point to internal addresses such as " + host
                    + " (loopback, private, link-local or reserved).") : Optional.empty();
        }
        if (name.indexOf('.') < 0) {
            return Optional.of("Links cannot point to a host without a domain, such as " + host + ".");
        }
        for (String suffix : INTERNAL_SUFFIXES) {
            if (name.equals(suffix) || name.endsWith("." + suffix)) {
                return Optional.of("Links cannot point to internal names such as " + host + ".");
            }
        }
        return Optional.empty();
    }

    /** Whether an admin listed this host as allowed although it is internal. */
    public boolean allowed(String host) {
        return this.allowedInternal.contains(canonical(host));
    }

    /** The host as compared with the admin's list: an address in one spelling. */
    private static String canonical(String host) {
        String name = withoutTrailingDots(host.toLowerCase(Locale.ROOT));
        InetAddress address = (name.startsWith("[") || endsInNumber(name)) ? address(name) : null;
        if (address == null && name.indexOf(':') >= 0) {
            address = address("[" + name + "]");
        }
        return (address != null) ? InetAddresses.toAddrString(address) : name;
    }

    private static String withoutTrailingDots(String host) {
        int end = host.length();
        while (end > 0 && host.charAt(end - 1) == '.') {
            end--;
        }
        return host.substring(0, end);
    }

    /** An IPv6 literal in brackets or a WHATWG IPv4 host; null when it is neither. */
    private static InetAddress address(String host) {
        if (host.startsWith("[")) {
            try {
                return InetAddresses.forUriString(host);
            }
            catch (IllegalArgumentException ex) {
                return null;
            }
        }
        long ipv4 = Ipv4Hosts.parse(host);
        return (ipv4 < 0) ? null : InetAddresses.fromInteger((int) ipv4);
    }

    private static boolean endsInNumber(String host) {
        return Ipv4Hosts.endsInNumber(host);
    }

    static boolean internal(InetAddress address) {
        if (address instanceof Inet4Address) {
            return Ipv4Hosts.internal(InetAddresses.coerceToInteger(address));
        }
        Inet6Address v6 = (Inet6Address) address;
        byte[] bytes = v6.getAddress();
        if (v6.isAnyLocalAddress() || v6.isLoopbackAddress() || v6.isLinkLocalAddress() || v6.isSiteLocalAddress()
                || v6.isMulticastAddress()) {
            return true;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return true; // unique local fc00::/7
        }
        if (first == 0x20 && second == 0x01 && (bytes[2] & 0xff) == 0x0d && (bytes[3] & 0xff) == 0xb8) {
            return true; // documentation 2001:db8::/32
        }
        if (InetAddresses.hasEmbeddedIPv4ClientAddress(v6)) {
            // ::a.b.c.d, 6to4 and Teredo carry an IPv4 address that is reached in the end
            return internal(InetAddresses.getEmbeddedIPv4ClientAddress(v6));
        }
        if (prefix(bytes, new int[] { 0x64, 0xff9b }, 12)) {
            return internal(InetAddresses.fromInteger(((bytes[12] & 0xff) << 24) | ((bytes[13] & 0xff) << 16)
                    | ((bytes[14] & 0xff) << 8) | (bytes[15] & 0xff))); // NAT64
                                                                        // 64:ff9b::/96
        }
        return prefix(bytes, new int[] { 0x100 }, 8); // discard 100::/64
    }

    /**
     * Whether the address starts with the (16-bit) groups and then zero bytes up to end.
     */
    private static boolean prefix(byte[] bytes, int[] groups, int end) {
        for (int i = 0; i < groups.length; i++) {
            int group = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
            if (group != groups[i]) {
                return false;
            }
        }
        for (int i = groups.length * 2; i < end; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

}

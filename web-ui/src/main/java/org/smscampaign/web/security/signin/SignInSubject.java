package org.smscampaign.web.security.signin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * What failed sign-ins are counted against: an account name (as typed, whether or not the
 * user exists) or a client address (IPv6 by its /64 network, which one host usually has
 * to itself).
 *
 * @param kind account or address
 * @param subject the normalised name or address, at most 100 characters, no control
 * characters
 */
public record SignInSubject(Kind kind, String subject) {

    private static final int MAX_LENGTH = 100;

    public enum Kind {

        ACCOUNT, ADDRESS

    }

    static SignInSubject account(String username) {
        String name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
        name = name.replaceAll("\\p{Cntrl}", "?");
        return new SignInSubject(Kind.ACCOUNT, (name.length() > MAX_LENGTH) ? name.substring(0, MAX_LENGTH) : name);
    }

    static SignInSubject address(String remoteAddress) {
        return new SignInSubject(Kind.ADDRESS, network(remoteAddress));
    }

    private static int group(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
    }

    private static String network(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return (address.length() > MAX_LENGTH) ? address.substring(0, MAX_LENGTH) : address;
        }
        try {
            // A literal: no name lookup happens.
            InetAddress parsed = InetAddress.getByName(address);
            byte[] bytes = parsed.getAddress();
            if (bytes.length != 16 || parsed.isLoopbackAddress()) {
                return parsed.isLoopbackAddress() ? "::1" : parsed.getHostAddress();
            }
            return String.format("%x:%x:%x:%x::/64", group(bytes, 0), group(bytes, 2), group(bytes, 4),
                    group(bytes, 6));
        }
        catch (UnknownHostException ex) {
            return "unknown";
        }
    }

}

package org.smscampaign.link.hosts;

/**
 * IPv4 hosts as browsers read them (the WHATWG URL standard's IPv4 parser: one to four
 * parts, each decimal, octal with a leading 0 or hexadecimal with 0x, the last part
 * filling the remaining bytes), and the ranges that are not the public internet.
 */
final class Ipv4Hosts {

    /**
     * Address, prefix length: IANA's special-purpose IPv4 registry (RFC 6890 and later).
     */
    private static final long[][] INTERNAL = { { 0x00000000L, 8 }, // "this network"
            { 0x0a000000L, 8 }, // private 10/8
            { 0x64400000L, 10 }, // shared address space (CGNAT) 100.64/10
            { 0x7f000000L, 8 }, // loopback
            { 0xa9fe0000L, 16 }, // link-local 169.254/16 (cloud metadata)
            { 0xac100000L, 12 }, // private 172.16/12
            { 0xc0000000L, 24 }, // IETF protocol assignments 192.0.0/24
            { 0xc0000200L, 24 }, // documentation TEST-NET-1
            { 0xc0586300L, 24 }, // 6to4 relay anycast
            { 0xc0a80000L, 16 }, // private 192.168/16
            { 0xc6120000L, 15 }, // benchmarking 198.18/15
            { 0xc6336400L, 24 }, // documentation TEST-NET-2
            { 0xcb007100L, 24 }, // documentation TEST-NET-3
            { 0xe0000000L, 4 }, // multicast 224/4
            { 0xf0000000L, 4 }, // reserved 240/4 and broadcast
    };

    private Ipv4Hosts() {
    }

    static boolean internal(int address) {
        long value = address & 0xffffffffL;
        for (long[] range : INTERNAL) {
            long mask = (0xffffffffL << (32 - range[1])) & 0xffffffffL;
            if ((value & mask) == range[0]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a host is to be read as IPv4 (WHATWG "ends in a number"): its last label
     * (one trailing dot ignored) is all digits or a 0x number.
     */
    static boolean endsInNumber(String host) {
        String[] parts = labels(host);
        if (parts.length == 0) {
            return false;
        }
        String last = parts[parts.length - 1];
        return !last.isEmpty() && (last.chars().allMatch((c) -> c >= '0' && c <= '9') || number(last) >= 0);
    }

    /** The address as an unsigned 32-bit value, or -1 when the host is no valid IPv4. */
    static long parse(String host) {
        String[] parts = labels(host);
        if (parts.length == 0 || parts.length > 4) {
            return -1;
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = number(parts[i]);
            if (numbers[i] < 0 || (i < parts.length - 1 && numbers[i] > 255)) {
                return -1;
            }
        }
        long last = numbers[parts.length - 1];
        if (last >= (1L << (8 * (5 - parts.length)))) {
            return -1;
        }
        long address = last;
        for (int i = 0; i < parts.length - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return address;
    }

    private static String[] labels(String host) {
        String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\.", -1);
    }

    /**
     * A WHATWG IPv4 number (decimal, 0 octal, 0x hex), or -1; capped to stay in a long.
     */
    private static long number(String part) {
        if (part.isEmpty()) {
            return -1;
        }
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        }
        else if (part.length() >= 2 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return 0;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int digit = (c < 128) ? Character.digit(c, radix) : -1;
            if (digit < 0) {
                return -1;
            }
            value = Math.min(value * radix + digit, 1L << 40);
        }
        return value;
    }

}

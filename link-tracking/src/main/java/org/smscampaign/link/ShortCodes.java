package org.smscampaign.link;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Short codes: 7 base62 characters from a secure random source (3.5 trillion
 * possibilities), never sequential, so codes cannot be guessed from one another.
 */
public final class ShortCodes {

    public static final int LENGTH = 7;

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private static final Pattern VALID = Pattern.compile("[0-9A-Za-z]{4,16}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private ShortCodes() {
    }

    public static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(code);
    }

    /** Whether text could be a code at all (checked before any lookup; never echoed). */
    public static boolean looksValid(String text) {
        if (text == null || text.length() < 4 || text.length() > 16) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    static Pattern pattern() {
        return VALID;
    }

}

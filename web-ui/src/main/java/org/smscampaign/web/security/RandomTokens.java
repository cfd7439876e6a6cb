package org.smscampaign.web.security;

import java.security.SecureRandom;

/** Unguessable base62 strings for generated passwords and API keys. */
public final class RandomTokens {

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** A base62 string of the given length (5.95 bits of entropy per character). */
    public static String base62(int length) {
        char[] token = new char[length];
        for (int i = 0; i < length; i++) {
            token[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(token);
    }

}

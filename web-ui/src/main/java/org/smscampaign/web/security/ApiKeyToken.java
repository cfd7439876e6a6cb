package org.smscampaign.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key as handed to its holder: {@code sms_<prefix>_<secret>}. The prefix
 * identifies the key (stored in clear, shown in the admin list); only a SHA-256 hash of
 * the whole token is stored. The secret has 190 bits of entropy, so a fast hash is the
 * right tool here.
 */
record ApiKeyToken(String prefix, String secret) {

    private static final Pattern FORMAT = Pattern.compile("sms_([0-9A-Za-z]{8})_([0-9A-Za-z]{32})");

    static ApiKeyToken generate() {
        return new ApiKeyToken(RandomTokens.base62(8), RandomTokens.base62(32));
    }

    static Optional<ApiKeyToken> parse(String value) {
        if (value == null || value.length() > 64) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(value.trim());
        return matcher.matches() ? Optional.of(new ApiKeyToken(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    String value() {
        return "sms_" + this.prefix + "_" + this.secret;
    }

    String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JRE", ex);
        }
    }

    boolean matches(String storedHash) {
        return MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "sms_" + this.prefix + "_********";
    }

}

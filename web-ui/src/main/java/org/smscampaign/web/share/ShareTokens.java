package org.smscampaign.web.share;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The token in a shared link's address: the share's id and expiry (epoch seconds) and an
 * HMAC-SHA256 tag of both under a server key, base64url, 64 characters. Ids rise, so a
 * bare id could be guessed; a token cannot be made, nor its expiry stretched, without the
 * key.
 * <p>
 * The key comes from {@code sms.web.share.key}; without one, a random key kept in the
 * database, made at the first start, so every instance shares it.
 */
@Component
class ShareTokens {

    private static final String ALGORITHM = "HmacSHA256";

    private static final int TAG_BYTES = 32;

    private static final int TOKEN_BYTES = 2 * Long.BYTES + TAG_BYTES;

    private static final int TOKEN_LENGTH = 64;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    @Autowired
    ShareTokens(ShareProperties properties, JdbcClient jdbc) {
        this(keyOf(properties.key(), jdbc));
    }

    ShareTokens(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** What a verified token names. */
    record Claim(long id, Instant expiresAt) {

        /** Whether the link no longer opens at that time (it works until its expiry). */
        boolean expired(Instant now) {
            return !now.isBefore(this.expiresAt);
        }

    }

    /** The token of a share (expiry to the second). */
    String of(long id, Instant expiresAt) {
        long expiry = expiresAt.getEpochSecond();
        byte[] token = ByteBuffer.allocate(TOKEN_BYTES).putLong(id).putLong(expiry).put(tag(id, expiry)).array();
        return ENCODER.encodeToString(token);
    }

    /**
     * The claim of a token this server signed, expired or not; empty for anything else
     * (wrong length, not base64url, another key, a changed id or expiry).
     */
    Optional<Claim> verify(String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return Optional.empty();
        }
        ByteBuffer bytes;
        try {
            bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
        long id = bytes.getLong();
        long expiry = bytes.getLong();
        // The token as this server writes it, compared whole and in constant time: the
        // comparison tells nothing of how much of a tag was right, and no other spelling
        // of the same bytes passes.
        byte[] expected = of(id, Instant.ofEpochSecond(expiry)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(new Claim(id, Instant.ofEpochSecond(expiry)));
    }

    private byte[] tag(long id, long expiry) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(this.key);
            return mac.doFinal(ByteBuffer.allocate(2 * Long.BYTES).putLong(id).putLong(expiry).array());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA256 is not available", ex);
        }
    }

    private static byte[] keyOf(String configured, JdbcClient jdbc) {
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        // The first instance to start stores its key; every other one reads that.
        jdbc.sql("insert into share_secret (name, secret) values ('share', :secret) on conflict (name) do nothing")
            .param("secret", fresh)
            .update();
        return jdbc.sql("select secret from share_secret where name = 'share'").query(byte[].class).single();
    }

}

package org.smscampaign.link.click;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.OptionalLong;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import org.smscampaign.link.LinkProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public form of a click id, the {@code smsclid} a landing page receives: the id and
 * a 64-bit SipHash-2-4 tag of it under a 128-bit server key, base64url, 22 characters.
 * Click ids rise with time, so the bare id could be guessed; a token cannot be made
 * without the key. SipHash is a keyed function made for short inputs: a tag costs tens of
 * nanoseconds on the redirect path (HMAC-SHA256 cost about 0.5 µs, a few percent of the
 * redirector's rate), and guessing one takes 2^64 tries at the rate-limited door.
 * <p>
 * The key comes from {@code sms.link.click-id-key}; without one, a random key kept in the
 * database, made at the first start, so every instance shares it.
 */
@Component
public class ClickTokens {

    private static final int TOKEN_BYTES = Long.BYTES * 2;

    private static final int TOKEN_LENGTH = 22;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final HashFunction tags;

    @Autowired
    ClickTokens(LinkProperties properties, JdbcClient jdbc) {
        this(keyOf(properties.clickIdKey(), jdbc));
    }

    ClickTokens(byte[] key) {
        // SipHash takes 128 bits: those of the key's SHA-256, whatever the key's length.
        ByteBuffer digest = ByteBuffer.wrap(sha256(key));
        this.tags = Hashing.sipHash24(digest.getLong(), digest.getLong());
    }

    /** The token of a click id. */
    public String of(long clickId) {
        byte[] token = new byte[TOKEN_BYTES];
        ByteBuffer.wrap(token).putLong(clickId).putLong(tag(clickId));
        return ENCODER.encodeToString(token);
    }

    /** The click id of a token this server made; empty for anything else. */
    public OptionalLong verify(String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return OptionalLong.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        }
        catch (IllegalArgumentException ex) {
            return OptionalLong.empty();
        }
        long clickId = ByteBuffer.wrap(bytes).getLong();
        // The token as this server writes it, compared whole: another spelling of the
        // same bytes is refused too; in constant time, the comparison tells nothing of
        // how much of a tag was right.
        byte[] expected = of(clickId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII)) ? OptionalLong.of(clickId)
                : OptionalLong.empty();
    }

    private long tag(long clickId) {
        return this.tags.hashLong(clickId).asLong();
    }

    private static byte[] sha256(byte[] key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    private static byte[] keyOf(String configured, JdbcClient jdbc) {
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        // The first instance to start stores its key; every other one reads that.
        jdbc.sql("insert into link_secret (name, secret) values ('click-id', :secret) on conflict (name) do nothing")
            .param("secret", fresh)
            .update();
        return jdbc.sql("select secret from link_secret where name = 'click-id'").query(byte[].class).single();
    }

}

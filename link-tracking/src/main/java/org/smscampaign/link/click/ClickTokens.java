package org.smscampaign.link.click;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.smscampaign.link.LinkProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public form of a click id, the {@code smsclid} a landing page receives: the id and
 * an HMAC-SHA256 tag of it (80 bits) under a server key, base64url, 24 characters. Click
 * ids rise with time, so the bare id could be guessed; a token cannot be made without the
 * key. One HMAC per redirect (about a microsecond), no database.
 * <p>
 * The key comes from {@code sms.link.click-id-key}; without one, a random key kept in the
 * database, made at the first start, so every instance shares it.
 */
@Component
public class ClickTokens {

    private static final String ALGORITHM = "HmacSHA256";

    private static final int TAG_BYTES = 10;

    private static final int TOKEN_BYTES = Long.BYTES + TAG_BYTES;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    private final ThreadLocal<Mac> macs;

    @Autowired
    ClickTokens(LinkProperties properties, JdbcClient jdbc) {
        this(keyOf(properties.clickIdKey(), jdbc));
    }

    ClickTokens(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The token of a click id. */
    public String of(long clickId) {
        byte[] token = new byte[TOKEN_BYTES];
        ByteBuffer.wrap(token).putLong(clickId);
        System.arraycopy(tag(clickId), 0, token, Long.BYTES, TAG_BYTES);
        return ENCODER.encodeToString(token);
    }

    /** The click id of a token this server made; empty for anything else. */
    public OptionalLong verify(String token) {
        if (token == null || token.length() != 24) {
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
        byte[] expected = tag(clickId);
        byte[] given = new byte[TAG_BYTES];
        System.arraycopy(bytes, Long.BYTES, given, 0, TAG_BYTES);
        // Constant time: the comparison must not tell how much of a tag was right.
        return MessageDigest.isEqual(java.util.Arrays.copyOf(expected, TAG_BYTES), given) ? OptionalLong.of(clickId)
                : OptionalLong.empty();
    }

    private byte[] tag(long clickId) {
        Mac mac = this.macs.get();
        mac.update(ByteBuffer.allocate(Long.BYTES).putLong(clickId).array());
        return mac.doFinal();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(this.key);
            return mac;
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
        jdbc.sql("insert into link_secret (name, secret) values ('click-id', :secret) on conflict (name) do nothing")
            .param("secret", fresh)
            .update();
        return jdbc.sql("select secret from link_secret where name = 'click-id'").query(byte[].class).single();
    }

}

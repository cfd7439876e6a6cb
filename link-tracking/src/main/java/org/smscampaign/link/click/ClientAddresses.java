package org.smscampaign.link.click;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.smscampaign.link.LinkProperties;

import org.springframework.stereotype.Component;

/**
 * What is stored of a visitor's IP address: truncated (IPv4 to /24, IPv6 to /48), a keyed
 * hash, or nothing. Never the address itself.
 */
@Component
public class ClientAddresses {

    private final LinkProperties.ClientStorage storage;

    private final SecretKeySpec key;

    ClientAddresses(LinkProperties properties) {
        boolean hashed = properties.clientStorage() == LinkProperties.ClientStorage.HASHED;
        if (hashed && (properties.ipHashKey() == null || properties.ipHashKey().length() < 16)) {
            throw new IllegalStateException(
                    "sms.link.client-storage=HASHED needs SMS_LINK_IP_HASH_KEY (a secret of at least 16 characters)");
        }
        this.storage = properties.clientStorage();
        this.key = hashed ? new SecretKeySpec(properties.ipHashKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256")
                : null;
    }

    public String stored(String address) {
        if (address == null || address.isEmpty()) {
            return null;
        }
        return switch (this.storage) {
            case NONE -> null;
            case TRUNCATED -> truncated(address);
            case HASHED -> hashed(address);
        };
    }

    static String truncated(String address) {
        if (address.indexOf(':') >= 0) {
            String[] groups = address.split(":", -1);
            StringBuilder prefix = new StringBuilder();
            for (int i = 0, kept = 0; i < groups.length && kept < 3; i++) {
                if (groups[i].isEmpty()) {
                    break;
                }
                prefix.append(groups[i]).append(':');
                kept++;
            }
            return prefix + ":/48";
        }
        int last = address.lastIndexOf('.');
        return (last > 0) ? address.substring(0, last) + ".0/24" : null;
    }

    private String hashed(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(this.key);
            return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)), 0, 16);
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException(ex);
        }
    }

}

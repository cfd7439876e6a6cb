package org.smscampaign.messaging;

import java.util.Locale;

/**
 * How a message reaches the phone. All three go through the provider's Messages API; the
 * address tells the channel ({@code whatsapp:+E164}, {@code rcs:+E164}, or the bare
 * number for SMS).
 */
public enum Channel {

    SMS, WHATSAPP, RCS;

    /** The address as the provider wants it ({@code whatsapp:+E164} for WhatsApp). */
    public String address(String number) {
        if (this == SMS || number == null) {
            return number;
        }
        String prefix = prefix();
        return number.startsWith(prefix) ? number : prefix + number;
    }

    /**
     * SMS is billed per segment; WhatsApp and RCS per message, whatever its length: the
     * units a message of that many SMS segments is billed (and paced) in.
     */
    public int billedUnits(int segments) {
        return (this == SMS) ? segments : 1;
    }

    /** The channel an address stands for ({@code whatsapp:+44…} is WhatsApp). */
    public static Channel ofAddress(String address) {
        if (address != null) {
            String lower = address.strip().toLowerCase(Locale.ROOT);
            for (Channel channel : values()) {
                if (channel != SMS && lower.startsWith(channel.prefix())) {
                    return channel;
                }
            }
        }
        return SMS;
    }

    /** The number without its channel prefix. */
    public static String number(String address) {
        if (address == null) {
            return null;
        }
        String stripped = address.strip();
        Channel channel = ofAddress(stripped);
        return (channel == SMS) ? stripped : stripped.substring(channel.prefix().length());
    }

    private String prefix() {
        return name().toLowerCase(Locale.ROOT) + ":";
    }

}

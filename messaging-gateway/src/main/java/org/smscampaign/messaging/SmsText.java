package org.smscampaign.messaging;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a text costs in SMS segments. GSM-7 (160 characters, 153 per part when
 * concatenated; {@code ^ { } [ ] ~ \ | €} and form feed take two septets) unless one
 * character falls outside it: then the whole message is UCS-2 (70, or 67 per part; most
 * emoji take two code units).
 *
 * @param ucs2Characters the characters that forced UCS-2 (empty for GSM-7)
 */
public record SmsText(Encoding encoding, int units, int segments, Set<String> ucs2Characters) {

    /** How the text travels. */
    public enum Encoding {

        GSM7, UCS2

    }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    /** Septets per character of the basic plane: 1 basic, 2 extension, 0 not GSM-7. */
    private static final byte[] SEPTETS = new byte[0x10000];

    static {
        GSM_BASIC.chars().forEach((c) -> SEPTETS[c] = 1);
        GSM_EXTENSION.chars().forEach((c) -> SEPTETS[c] = 2);
    }

    public static SmsText of(String text) {
        int septets = 0;
        Set<String> outside = null;
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            int cost = (codePoint < 0x10000) ? SEPTETS[codePoint] : 0;
            if (cost > 0) {
                septets += cost;
            }
            else {
                if (outside == null) {
                    outside = new LinkedHashSet<>();
                }
                outside.add(new String(Character.toChars(codePoint)));
            }
            i += Character.charCount(codePoint);
        }
        if (outside == null) {
            return new SmsText(Encoding.GSM7, septets, segments(septets, 160, 153), Set.of());
        }
        int codeUnits = text.length();
        return new SmsText(Encoding.UCS2, codeUnits, segments(codeUnits, 70, 67), Set.copyOf(outside));
    }

    /**
     * Look-alike characters and their GSM-7 equivalents (what "smart encoding" replaces).
     */
    private static final java.util.Map<Integer, String> LOOK_ALIKES = java.util.Map.ofEntries(
            java.util.Map.entry(0x2018, "'"), java.util.Map.entry(0x2019, "'"), java.util.Map.entry(0x201A, "'"),
            java.util.Map.entry(0x201B, "'"), java.util.Map.entry(0x2032, "'"), java.util.Map.entry(0x201C, "\""),
            java.util.Map.entry(0x201D, "\""), java.util.Map.entry(0x201E, "\""), java.util.Map.entry(0x2033, "\""),
            java.util.Map.entry(0x00AB, "\""), java.util.Map.entry(0x00BB, "\""), java.util.Map.entry(0x2013, "-"),
            java.util.Map.entry(0x2014, "-"), java.util.Map.entry(0x2015, "-"), java.util.Map.entry(0x2212, "-"),
            java.util.Map.entry(0x2026, "..."), java.util.Map.entry(0x00A0, " "), java.util.Map.entry(0x2009, " "),
            java.util.Map.entry(0x202F, " "), java.util.Map.entry(0x2002, " "), java.util.Map.entry(0x2003, " "),
            java.util.Map.entry(0x2022, "-"), java.util.Map.entry(0x00B4, "'"), java.util.Map.entry(0x02BC, "'"));

    /**
     * The text with look-alike Unicode replaced by its GSM-7 equivalent (curly quotes,
     * dashes, ellipsis, non-breaking spaces), as providers' "smart encoding" does.
     */
    public static String smartEncode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach((c) -> {
            String replacement = LOOK_ALIKES.get(c);
            if (replacement != null) {
                out.append(replacement);
            }
            else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * The look-alike characters smart encoding replaces, each with its GSM-7 equivalent
     * (the composer offers the same fix in the browser).
     */
    public static java.util.Map<String, String> lookAlikes() {
        java.util.Map<String, String> map = new java.util.TreeMap<>();
        LOOK_ALIKES.forEach((c, replacement) -> map.put(new String(Character.toChars(c)), replacement));
        return map;
    }

    /** Whether smart encoding would make this text GSM-7. */
    public boolean smartEncodingFixes() {
        return this.encoding == Encoding.UCS2
                && this.ucs2Characters.stream().allMatch((c) -> LOOK_ALIKES.containsKey(c.codePointAt(0)));
    }

    private static int segments(int units, int single, int perPart) {
        if (units == 0) {
            return 1;
        }
        return (units <= single) ? 1 : (units + perPart - 1) / perPart;
    }

}

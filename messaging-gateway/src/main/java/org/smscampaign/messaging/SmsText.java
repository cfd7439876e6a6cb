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

    public static SmsText of(String text) {
        int septets = 0;
        Set<String> outside = new LinkedHashSet<>();
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            if (codePoint < 0x10000 && GSM_BASIC.indexOf(codePoint) >= 0) {
                septets += 1;
            }
            else if (codePoint < 0x10000 && GSM_EXTENSION.indexOf(codePoint) >= 0) {
                septets += 2;
            }
            else {
                outside.add(character);
            }
            i += Character.charCount(codePoint);
        }
        if (outside.isEmpty()) {
            return new SmsText(Encoding.GSM7, septets, segments(septets, 160, 153), Set.of());
        }
        int codeUnits = text.length();
        return new SmsText(Encoding.UCS2, codeUnits, segments(codeUnits, 70, 67), Set.copyOf(outside));
    }

    private static int segments(int units, int single, int perPart) {
        if (units == 0) {
            return 1;
        }
        return (units <= single) ? 1 : (units + perPart - 1) / perPart;
    }

}

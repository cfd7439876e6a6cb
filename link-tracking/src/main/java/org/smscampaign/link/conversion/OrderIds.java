package org.smscampaign.link.conversion;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form of an order id that deduplication compares: shops and scripts send the same
 * order as {@code ORDER-1}, {@code order-1}, with a zero-width space or in full-width
 * letters, and each must not count as a new order.
 */
public final class OrderIds {

    private OrderIds() {
    }

    /**
     * NFKC (full-width and compatibility forms to their plain letters), format characters
     * (Unicode Cf: zero-width space and joiners, soft hyphen, direction marks) removed,
     * lower case of the root locale, surrounding white space stripped; null when nothing
     * is left.
     */
    public static String normalise(String orderId) {
        if (orderId == null) {
            return null;
        }
        String compatible = Normalizer.normalize(orderId, Normalizer.Form.NFKC);
        StringBuilder kept = new StringBuilder(compatible.length());
        compatible.codePoints()
            .filter((point) -> Character.getType(point) != Character.FORMAT)
            .forEach(kept::appendCodePoint);
        String folded = kept.toString().toLowerCase(Locale.ROOT).strip();
        return folded.isEmpty() ? null : folded;
    }

}

package org.smscampaign.contact;

/** Escapes user text for use inside a LIKE pattern (with {@code escape '\'}). */
final class Likes {

    private Likes() {
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}

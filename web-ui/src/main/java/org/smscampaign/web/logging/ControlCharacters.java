package org.smscampaign.web.logging;

/**
 * Shows control characters in log text as escapes, so that input cannot forge log lines
 * (CR, LF), colour or move a terminal's cursor (ANSI escape sequences start with ESC or
 * the C1 CSI), or reorder what a reader sees (bidirectional overrides): a username
 * {@code "x\r\nFAKE"} is logged as {@code x\r\nFAKE} on one line.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Every control character escaped. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /**
     * Control characters escaped except line breaks and tabs: for multi-line values such
     * as stack traces in JSON, where JSON escapes those itself.
     */
    public static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLines) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        int first = 0;
        while (first < length && !needsEscape(text.charAt(first), keepLines)) {
            first++;
        }
        if (first == length) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(length + 16).append(text, 0, first);
        for (int i = first; i < length; i++) {
            char c = text.charAt(i);
            if (!needsEscape(c, keepLines)) {
                escaped.append(c);
            }
            else if (c == '\r') {
                escaped.append("\\r");
            }
            else if (c == '\n') {
                escaped.append("\\n");
            }
            else if (c == '\t') {
                escaped.append("\\t");
            }
            else {
                escaped.append(String.format("\\u%04x", (int) c));
            }
        }
        return escaped.toString();
    }

    private static boolean needsEscape(char c, boolean keepLines) {
        if (c < 0x20) {
            return !(keepLines && (c == '\n' || c == '\r' || c == '\t'));
        }
        return (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }

}

package org.smscampaign.contact;

import java.util.List;

/**
 * Writes values in PostgreSQL's COPY text format (tab-separated, {@code \N} for null).
 */
final class CopyText {

    private final StringBuilder buffer;

    private boolean lineStart = true;

    CopyText(int capacity) {
        this.buffer = new StringBuilder(capacity);
    }

    CopyText value(Object value) {
        if (!this.lineStart) {
            this.buffer.append('\t');
        }
        this.lineStart = false;
        if (value == null) {
            this.buffer.append("\\N");
        }
        else {
            escape(value.toString());
        }
        return this;
    }

    /** A text[] value: an array literal, itself escaped for COPY. */
    CopyText array(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"');
            String element = values.get(i);
            for (int j = 0; j < element.length(); j++) {
                char c = element.charAt(j);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return value(literal.append('}'));
    }

    CopyText endRow() {
        this.buffer.append('\n');
        this.lineStart = true;
        return this;
    }

    private void escape(String text) {
        int length = text.length();
        int first = 0;
        while (first < length && !special(text.charAt(first))) {
            first++;
        }
        this.buffer.append(text, 0, first);
        for (int i = first; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> this.buffer.append("\\\\");
                case '\t' -> this.buffer.append("\\t");
                case '\n' -> this.buffer.append("\\n");
                case '\r' -> this.buffer.append("\\r");
                default -> this.buffer.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    @Override
    public String toString() {
        return this.buffer.toString();
    }

}

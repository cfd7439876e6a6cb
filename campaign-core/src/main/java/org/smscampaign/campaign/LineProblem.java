package org.smscampaign.campaign;

/**
 * A line of an uploaded file that was not taken, and why.
 *
 * @param line the line number in the file (the header is line 1)
 * @param value what the line held (shortened), for people to find it
 * @param reason why it was not taken, in words
 */
public record LineProblem(long line, String value, String reason) implements java.io.Serializable {

    public LineProblem {
        value = (value != null && value.length() > 80) ? value.substring(0, 80) + "\u2026" : value;
    }

}

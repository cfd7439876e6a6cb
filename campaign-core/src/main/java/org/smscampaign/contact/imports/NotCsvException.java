package org.smscampaign.contact.imports;

/**
 * The uploaded file is not a CSV file we can read; the message says what to do instead.
 */
public class NotCsvException extends Exception {

    NotCsvException(String message) {
        super(message);
    }

}

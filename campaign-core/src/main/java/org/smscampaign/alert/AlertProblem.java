package org.smscampaign.alert;

/** A refused change to the alert settings, with the reason shown to the person. */
public class AlertProblem extends RuntimeException {

    public AlertProblem(String message) {
        super(message);
    }

}

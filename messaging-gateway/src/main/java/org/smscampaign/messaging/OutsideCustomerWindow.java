package org.smscampaign.messaging;

/**
 * Free text on WhatsApp to a person who has not written to us within the customer-service
 * window (24 hours): WhatsApp takes only an approved template then (Twilio: 63016).
 */
public class OutsideCustomerWindow extends RuntimeException {

    public OutsideCustomerWindow(String number) {
        super("Free text on WhatsApp may only answer a person within 24 hours of their last message; "
                + "choose an approved template");
    }

}

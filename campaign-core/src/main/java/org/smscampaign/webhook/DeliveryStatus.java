package org.smscampaign.webhook;

/** Where a delivery stands. */
public enum DeliveryStatus {

    /** Waiting for its (next) attempt. */
    PENDING("Waiting"),
    /** An attempt got a 2xx answer. */
    DELIVERED("Delivered"),
    /** Every attempt failed; "retry now" queues it again. */
    FAILED("Failed");

    private final String label;

    DeliveryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

}

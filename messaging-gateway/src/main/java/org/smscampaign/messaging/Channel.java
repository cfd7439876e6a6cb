package org.smscampaign.messaging;

/** How a message reaches the phone. Both go through the provider's Messages API. */
public enum Channel {

    SMS, WHATSAPP;

    /** The address as the provider wants it ({@code whatsapp:+E164} for WhatsApp). */
    public String address(String number) {
        return (this == WHATSAPP && !number.startsWith("whatsapp:")) ? "whatsapp:" + number : number;
    }

}

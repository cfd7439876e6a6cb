package org.smscampaign.contact;

/** Which consent an entry of the consent log is about. */
public enum ConsentChannel {

    SMS("SMS"), WHATSAPP("WhatsApp");

    private final String label;

    ConsentChannel(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

}

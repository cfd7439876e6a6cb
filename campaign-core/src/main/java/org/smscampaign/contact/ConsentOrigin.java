package org.smscampaign.contact;

/**
 * How the people of an import gave their consent, as the person importing confirms it;
 * kept in each contact's consent log with the proof.
 */
public enum ConsentOrigin {

    WEB_FORM("Web form or online sign-up"), IN_STORE("In store"), EXISTING_CUSTOMERS("Existing customers"),
    EVENT("At an event"), PAPER_FORM("Paper form"), OTHER("Other");

    private final String label;

    ConsentOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

}

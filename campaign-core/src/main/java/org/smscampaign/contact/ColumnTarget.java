package org.smscampaign.contact;

/** Where the values of a CSV column go. */
public enum ColumnTarget {

    IGNORE("Ignore"), PHONE("Phone number"), FIRST_NAME("First name"), LAST_NAME("Last name"), EMAIL("E-mail"),
    CITY("City"), REGION("Region / state"), COUNTRY("Country"), GENDER("Gender"), BIRTH_DATE("Birth date"),
    LANGUAGE("Language"), TIME_ZONE("Time zone"), TAGS("Interests / tags"), CUSTOM("Custom attribute"),
    PREFERRED_CHANNEL("Preferred channel"), WHATSAPP_CONSENT("WhatsApp opt-in");

    private final String label;

    ColumnTarget(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

}

package org.smscampaign.contact;

import java.time.Instant;

/** A contact as a row of a list. */
public record ContactSummary(long id, String phoneNumber, String firstName, String lastName, String city,
        String country, ConsentStatus consent, Instant createdAt, boolean erased) {

    public String displayName() {
        if (this.erased) {
            return "Erased contact";
        }
        String name = ((this.firstName != null) ? this.firstName : "") + " "
                + ((this.lastName != null) ? this.lastName : "");
        return name.isBlank() ? "—" : name.strip();
    }

}

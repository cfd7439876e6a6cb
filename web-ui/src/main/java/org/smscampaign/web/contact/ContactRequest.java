package org.smscampaign.web.contact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactInput;

/**
 * A contact as the REST API takes it. Values are validated by the platform (numbers in
 * any usual spelling, the default region applies to numbers without country code).
 *
 * @param consent for new contacts; default SUBSCRIBED
 * @param consentProof how consent was given, stored in the consent log
 */
record ContactRequest(String phone, String firstName, String lastName, String email, String city, String region,
        String country, String gender, String birthDate, String language, String timeZone, List<String> tags,
        Map<String, Object> attributes, ConsentStatus consent, String consentProof) {

    ContactInput input() {
        Map<String, String> values = new LinkedHashMap<>();
        if (this.attributes != null) {
            this.attributes.forEach((key, value) -> values.put(key, (value != null) ? value.toString() : null));
        }
        return new ContactInput(this.phone, this.firstName, this.lastName, this.email, this.city, this.region,
                this.country, this.gender, this.birthDate, this.language, this.timeZone,
                (this.tags != null) ? String.join("|", this.tags) : null, values);
    }

    ConsentStatus consentOrDefault() {
        return (this.consent != null) ? this.consent : ConsentStatus.SUBSCRIBED;
    }

}

package org.smscampaign.web.contact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.WhatsAppConsent;

/**
 * A contact as the REST API takes it. Values are validated by the platform (numbers in
 * any usual spelling, the default region applies to numbers without country code).
 *
 * @param consent for new contacts; default SUBSCRIBED
 * @param consentProof how consent was given, stored in the consent log
 * @param preferredChannel SMS, WHATSAPP or RCS (any case); null or blank for none
 * @param whatsappConsent the WhatsApp opt-in with its proof; null leaves it as it is
 */
record ContactRequest(String phone, String firstName, String lastName, String email, String city, String region,
        String country, String gender, String birthDate, String language, String timeZone, List<String> tags,
        Map<String, Object> attributes, ConsentStatus consent, String consentProof, String preferredChannel,
        WhatsAppConsentRequest whatsappConsent) {

    /**
     * A WhatsApp consent through the API.
     *
     * @param status OPTED_IN needs a proof: who agreed, when and how
     */
    record WhatsAppConsentRequest(@NotNull(message = "Give the WhatsApp consent status.") WhatsAppConsent status,
            @Size(max = 1000, message = "Proof must be at most {max} characters.") String proof) {

    }

    ContactInput input() {
        Map<String, String> values = new LinkedHashMap<>();
        if (this.attributes != null) {
            this.attributes.forEach((key, value) -> values.put(key, (value != null) ? value.toString() : null));
        }
        return new ContactInput(this.phone, this.firstName, this.lastName, this.email, this.city, this.region,
                this.country, this.gender, this.birthDate, this.language, this.timeZone,
                (this.tags != null) ? String.join("|", this.tags) : null, values, this.preferredChannel, null);
    }

    ConsentStatus consentOrDefault() {
        return (this.consent != null) ? this.consent : ConsentStatus.SUBSCRIBED;
    }

}

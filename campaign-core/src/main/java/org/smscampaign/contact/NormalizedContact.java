package org.smscampaign.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A contact whose every field has been validated and put in its canonical form.
 *
 * @param preferredChannel null for none
 * @param whatsappOptIn null when the input said nothing of WhatsApp consent
 */
public record NormalizedContact(ParsedPhoneNumber phone, String firstName, String lastName, String email, String city,
        String region, String country, Gender gender, LocalDate birthDate, String language, String timeZone,
        List<String> tags, Map<String, Object> attributes, PreferredChannel preferredChannel,
        WhatsAppOptIn whatsappOptIn) {

    public NormalizedContact withWhatsAppOptIn(WhatsAppOptIn optIn) {
        return withChannels(this.preferredChannel, optIn);
    }

    public NormalizedContact withChannels(PreferredChannel preferred, WhatsAppOptIn optIn) {
        return new NormalizedContact(this.phone, this.firstName, this.lastName, this.email, this.city, this.region,
                this.country, this.gender, this.birthDate, this.language, this.timeZone, this.tags, this.attributes,
                preferred, optIn);
    }

}

package org.smscampaign.web.contact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactDetails;
import org.smscampaign.contact.ContactInput;

/**
 * The contact form: text fields as typed, validated by the platform (never the entity).
 * Custom attributes arrive as {@code attributes[key]}; consent and proof only when
 * creating.
 */
record ContactForm(String phone, String firstName, String lastName, String email, String city, String region,
        String country, String gender, String birthDate, String language, String timeZone, String tags,
        Map<String, String> attributes, ConsentStatus consent, String consentProof, String preferredChannel) {

    static final List<String> FIELDS = List.of("phone", "firstName", "lastName", "email", "city", "region", "country",
            "gender", "birthDate", "language", "timeZone", "tags", "preferredChannel");

    ContactForm {
        attributes = (attributes != null) ? new LinkedHashMap<>(attributes) : new LinkedHashMap<>();
        consent = (consent != null) ? consent : ConsentStatus.SUBSCRIBED;
    }

    static ContactForm empty() {
        return new ContactForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    static ContactForm of(ContactDetails contact) {
        Map<String, String> attributes = new LinkedHashMap<>();
        contact.attributes().forEach((key, value) -> attributes.put(key, String.valueOf(value)));
        return new ContactForm(contact.phoneNumber(), contact.firstName(), contact.lastName(), contact.email(),
                contact.city(), contact.region(), contact.country(),
                (contact.gender() != null) ? contact.gender().name().toLowerCase(Locale.ROOT) : null,
                (contact.birthDate() != null) ? contact.birthDate().toString() : null, contact.language(),
                contact.timeZone(), String.join(", ", contact.tags()), attributes, contact.consent(), null,
                (contact.preferredChannel() != null) ? contact.preferredChannel().name() : null);
    }

    ContactInput input() {
        Map<String, String> given = new LinkedHashMap<>();
        this.attributes.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(key, value);
            }
        });
        return new ContactInput(this.phone, this.firstName, this.lastName, this.email, this.city, this.region,
                this.country, this.gender, this.birthDate, this.language, this.timeZone, this.tags, given,
                this.preferredChannel, null);
    }

    /**
     * The form field of a problem's field name: first_name becomes firstName, a custom
     * key attributes[key].
     */
    static String formField(String field) {
        String[] parts = field.split("_");
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return FIELDS.contains(name.toString()) ? name.toString() : "attributes[" + field + "]";
    }

}

package org.smscampaign.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything known of a contact, with its consent log and lists.
 *
 * @param consent the SMS consent
 * @param preferredChannel tried first by cascades; null for none
 * @param whatsappConsent the WhatsApp opt-in, a consent of its own
 * @param whatsappConsentAt when the WhatsApp consent last changed (or was given)
 */
public record ContactDetails(long id, String phoneNumber, String phoneType, String firstName, String lastName,
        String email, String city, String region, String country, Gender gender, LocalDate birthDate, Integer age,
        String language, String timeZone, List<String> tags, Map<String, Object> attributes, ConsentStatus consent,
        Instant consentChangedAt, Instant createdAt, Instant updatedAt, Instant erasedAt,
        List<ConsentEventView> consentLog, List<ContactListView> lists, PreferredChannel preferredChannel,
        WhatsAppConsent whatsappConsent, Instant whatsappConsentAt) {

    public boolean erased() {
        return this.erasedAt != null;
    }

    public boolean reachable() {
        return !erased() && this.consent == ConsentStatus.SUBSCRIBED && !landline();
    }

    /** A landline number cannot receive texts. */
    public boolean landline() {
        return PhoneLine.LANDLINE.equals(this.phoneType);
    }

    public String displayName() {
        return new ContactSummary(this.id, this.phoneNumber, this.firstName, this.lastName, this.city, this.country,
                this.consent, this.createdAt, erased())
            .displayName();
    }

}

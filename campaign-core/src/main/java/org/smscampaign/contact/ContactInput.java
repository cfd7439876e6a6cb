package org.smscampaign.contact;

import java.util.Map;

/**
 * A contact as people write it: text fields from a form, an API call or a CSV row, not
 * yet validated. Blank means "not given".
 *
 * @param tags interests, separated by {@code |}, {@code ,} or {@code ;}
 * @param attributes custom attribute values by attribute key
 * @param preferredChannel "sms", "WhatsApp", "rcs"; blank for none
 * @param whatsappOptIn an import's WhatsApp opt-in cell: yes/true/1 or the date of the
 * opt-in; no/0 for none; blank: not given
 */
public record ContactInput(String phone, String firstName, String lastName, String email, String city, String region,
        String country, String gender, String birthDate, String language, String timeZone, String tags,
        Map<String, String> attributes, String preferredChannel, String whatsappOptIn) {

    public ContactInput {
        attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
    }

    /** A contact without channel fields (no preference, WhatsApp opt-in not given). */
    public ContactInput(String phone, String firstName, String lastName, String email, String city, String region,
            String country, String gender, String birthDate, String language, String timeZone, String tags,
            Map<String, String> attributes) {
        this(phone, firstName, lastName, email, city, region, country, gender, birthDate, language, timeZone, tags,
                attributes, null, null);
    }

    public static ContactInput ofPhone(String phone) {
        return new ContactInput(phone, null, null, null, null, null, null, null, null, null, null, null, Map.of());
    }

}

package org.smscampaign.contact;

import java.util.Map;

/**
 * A contact as people write it: text fields from a form, an API call or a CSV row, not
 * yet validated. Blank means "not given".
 *
 * @param tags interests, separated by {@code |}, {@code ,} or {@code ;}
 * @param attributes custom attribute values by attribute key
 */
public record ContactInput(String phone, String firstName, String lastName, String email, String city, String region,
        String country, String gender, String birthDate, String language, String timeZone, String tags,
        Map<String, String> attributes) {

    public ContactInput {
        attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
    }

    public static ContactInput ofPhone(String phone) {
        return new ContactInput(phone, null, null, null, null, null, null, null, null, null, null, null, Map.of());
    }

}

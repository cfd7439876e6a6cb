package org.smscampaign.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A contact whose every field has been validated and put in its canonical form. */
public record NormalizedContact(ParsedPhoneNumber phone, String firstName, String lastName, String email, String city,
        String region, String country, Gender gender, LocalDate birthDate, String language, String timeZone,
        List<String> tags, Map<String, Object> attributes) {

}

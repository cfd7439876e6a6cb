package org.smscampaign.campaign.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The values a template can use, read from a contact row: standard fields by their name
 * ({@code first_name}, {@code last_name}, {@code city}, {@code country}, {@code age}...)
 * and custom attributes by their key.
 */
public final class MergeFields {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The standard fields a template may name. */
    public static final java.util.Set<String> STANDARD = java.util.Set.of("first_name", "last_name", "email", "city",
            "region", "country", "language", "age", "phone");

    private MergeFields() {
    }

    /** The values of one contact row ({@code contact c.*}). */
    public static Map<String, String> of(ResultSet row, LocalDate today) throws SQLException {
        Map<String, String> values = new HashMap<>();
        values.put("first_name", row.getString("first_name"));
        values.put("last_name", row.getString("last_name"));
        values.put("email", row.getString("email"));
        values.put("city", row.getString("city"));
        values.put("region", row.getString("region"));
        values.put("country", row.getString("country"));
        values.put("language", row.getString("language"));
        values.put("phone", row.getString("phone_number"));
        java.sql.Date birth = row.getDate("birth_date");
        if (birth != null) {
            values.put("age", Integer.toString(Period.between(birth.toLocalDate(), today).getYears()));
        }
        String attributes = row.getString("attributes");
        if (attributes != null && !attributes.equals("{}")) {
            JsonNode node = JSON.readTree(attributes);
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                values.put(entry.getKey().toLowerCase(java.util.Locale.ROOT),
                        entry.getValue().isNull() ? null : entry.getValue().asString());
            }
        }
        return values;
    }

}

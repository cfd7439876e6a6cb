package org.smscampaign.contact;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reading contact rows from JDBC result sets. */
final class ContactRows {

    static final String SUMMARY_COLUMNS = "c.id, c.phone_number, c.first_name, c.last_name, c.city, c.country, "
            + "c.consent_status, c.created_at, c.erased_at";

    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };

    private ContactRows() {
    }

    static ContactSummary summary(ResultSet row, int rowNumber) throws SQLException {
        return new ContactSummary(row.getLong("id"), row.getString("phone_number"), row.getString("first_name"),
                row.getString("last_name"), row.getString("city"), row.getString("country"),
                ConsentStatus.valueOf(row.getString("consent_status")), instant(row, "created_at"),
                row.getTimestamp("erased_at") != null);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

    static PreferredChannel preferredChannel(ResultSet row) throws SQLException {
        String channel = row.getString("preferred_channel");
        return (channel != null) ? PreferredChannel.valueOf(channel) : null;
    }

    static List<String> tags(ResultSet row) throws SQLException {
        Array array = row.getArray("tags");
        return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
    }

    static Map<String, Object> attributes(ResultSet row, JsonMapper json) throws SQLException {
        String value = row.getString("attributes");
        return (value == null || value.equals("{}")) ? Map.of() : json.readValue(value, ATTRIBUTES);
    }

}

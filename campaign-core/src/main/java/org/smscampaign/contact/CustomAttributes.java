package org.smscampaign.contact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custom attributes contacts may carry, each with a fixed type so that segments can
 * compare them (numbers as numbers, dates as dates).
 */
@Service
public class CustomAttributes {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Keys that would shadow standard fields in templates and segment rules. */
    private static final List<String> RESERVED = List.of("phone", "phone_number", "first_name", "last_name", "email",
            "city", "region", "country", "gender", "birth_date", "age", "language", "time_zone", "tags", "consent",
            "link", "id");

    private final JdbcClient jdbc;

    CustomAttributes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<CustomAttributeView> list() {
        return this.jdbc.sql("select key, label, type from custom_attribute order by key")
            .query((row, n) -> new CustomAttributeView(row.getString("key"), row.getString("label"),
                    CustomAttributeType.valueOf(row.getString("type"))))
            .list();
    }

    @Transactional(readOnly = true)
    public Map<String, CustomAttributeType> types() {
        Map<String, CustomAttributeType> types = new LinkedHashMap<>();
        list().forEach((attribute) -> types.put(attribute.key(), attribute.type()));
        return types;
    }

    /**
     * Defines an attribute, or returns the existing one if the key is defined with the
     * same type.
     */
    @Transactional
    public CustomAttributeView define(String key, String label, CustomAttributeType type) {
        String normalized = normalizeKey(key);
        if (!KEY.matcher(normalized).matches() || RESERVED.contains(normalized)) {
            throw ContactProblem.invalid("An attribute key has lower-case letters, digits and underscores, starts "
                    + "with a letter and is not a standard field name: '" + key + "' is not allowed.");
        }
        CustomAttributeType existing = types().get(normalized);
        if (existing != null && existing != type) {
            throw ContactProblem.conflict("The attribute '" + normalized + "' already exists as " + existing + ".");
        }
        String text = (label == null || label.isBlank()) ? normalized : label.strip();
        this.jdbc
            .sql("insert into custom_attribute (key, label, type) values (:key, :label, :type) "
                    + "on conflict (key) do nothing")
            .param("key", normalized)
            .param("label", text.length() > 100 ? text.substring(0, 100) : text)
            .param("type", type.name())
            .update();
        return new CustomAttributeView(normalized, text, type);
    }

    /** The key a header such as "Loyalty Points" becomes: {@code loyalty_points}. */
    public static String normalizeKey(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (!key.isEmpty() && !Character.isLetter(key.charAt(0))) {
            key = "a_" + key;
        }
        return (key.length() > 64) ? key.substring(0, 64) : key;
    }

}

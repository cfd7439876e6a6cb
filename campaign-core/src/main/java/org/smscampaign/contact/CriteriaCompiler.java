package org.smscampaign.contact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles {@link ContactCriteria} to a SQL condition over {@code contact c} with named
 * parameters. Columns come from {@link ContactField}; every value, custom attribute keys
 * included, is a bind parameter. Refuses what it cannot compile with a message that
 * points at the condition.
 */
final class CriteriaCompiler {

    static final int MAX_DEPTH = 5;

    static final int MAX_CONDITIONS = 100;

    static final int MAX_VALUES = 500;

    static final int MAX_VALUE_LENGTH = 200;

    private final Map<String, CustomAttributeType> customTypes;

    private final LocalDate today;

    private final Map<String, Object> params = new LinkedHashMap<>();

    private int conditions;

    private final EngagementConditions engagement;

    private CriteriaCompiler(Map<String, CustomAttributeType> customTypes, LocalDate today, Instant now,
            String currency) {
        this.customTypes = customTypes;
        this.today = today;
        this.engagement = new EngagementConditions(this::param, now, currency);
    }

    static Compiled compile(ContactCriteria criteria, Map<String, CustomAttributeType> customTypes, LocalDate today) {
        return compile(criteria, customTypes, today, today.atStartOfDay(ZoneOffset.UTC).toInstant(), "USD");
    }

    /**
     * @param now the moment "the last N days" count back from
     * @param currency the reporting currency, for revenue rules
     */
    static Compiled compile(ContactCriteria criteria, Map<String, CustomAttributeType> customTypes, LocalDate today,
            Instant now, String currency) {
        CriteriaCompiler compiler = new CriteriaCompiler(customTypes, today, now, currency);
        String sql = compiler.sql((criteria != null) ? criteria : ContactCriteria.EVERYONE, 1, "");
        return new Compiled(sql, compiler.params);
    }

    private String sql(ContactCriteria criteria, int depth, String path) {
        if (depth > MAX_DEPTH) {
            throw refused(path, "groups nest at most " + MAX_DEPTH + " deep");
        }
        if (criteria instanceof ContactCriteria.Group group) {
            if (group.criteria().isEmpty()) {
                return "true"; // excluding nothing, or requiring nothing
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < group.criteria().size(); i++) {
                ContactCriteria child = group.criteria().get(i);
                if (child == null) {
                    throw refused(path + (i + 1), "empty rule");
                }
                parts.add(sql(child, depth + 1, path + (i + 1) + "."));
            }
            return switch (group.combinator()) {
                case ALL -> "(" + String.join(" and ", parts) + ")";
                case ANY -> "(" + String.join(" or ", parts) + ")";
                case NONE -> "(not coalesce(" + String.join(" or ", parts) + ", false))";
            };
        }
        if (++this.conditions > MAX_CONDITIONS) {
            throw refused(path, "a segment has at most " + MAX_CONDITIONS + " conditions");
        }
        return condition((ContactCriteria.Condition) criteria, stripDot(path));
    }

    private static String stripDot(String path) {
        return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    }

    private String condition(ContactCriteria.Condition condition, String path) {
        if (condition.field() == null || condition.operator() == null) {
            throw refused(path, "a condition needs a field and an operator");
        }
        ContactField field = condition.field();
        CriteriaOperator operator = condition.operator();
        ContactField.Kind kind = field.kind();
        String column = field.column();
        if (field == ContactField.CUSTOM) {
            if (condition.attribute() == null || condition.attribute().isBlank()) {
                throw refused(path, "a custom attribute condition needs the attribute's name");
            }
            CustomAttributeType type = this.customTypes.get(condition.attribute());
            if (type == null) {
                throw refused(path, "unknown custom attribute '" + abbreviate(condition.attribute()) + "'");
            }
            kind = ContactField.kindOf(type);
            column = "(c.attributes ->> " + param(condition.attribute()) + ")";
        }
        if (!kind.operators().contains(operator)) {
            throw refused(path, field.label() + " cannot be compared with '" + operator.label() + "'");
        }
        List<String> values = values(condition, path);
        if (kind.behaviour()) {
            return this.engagement.sql(condition, values, path);
        }
        if (condition.campaignId() != null || condition.withinDays() != null || condition.lastMessages() != null) {
            throw refused(path, field.label() + " takes no campaign or days");
        }
        return switch (kind) {
            case TEXT -> text(column, operator, values);
            case CODE, CHOICE -> choice(field, column, operator, values, path);
            case NUMBER ->
                (field == ContactField.AGE) ? age(operator, values, path) : number(column, operator, values, path);
            case DATE -> date(field, column, operator, values, path);
            case TAGS -> tags(operator, values);
            case BOOLEAN -> bool(column, operator);
            case LIST -> list(operator, values, path);
            case CUSTOM -> throw new IllegalStateException("resolved above");
            case ACTIVITY, MOMENT, TOTAL, REACH -> throw new IllegalStateException("compiled above");
        };
    }

    private List<String> values(ContactCriteria.Condition condition, String path) {
        List<String> values = condition.values();
        int arity = condition.operator().arity();
        if (arity >= 0 && values.size() != arity) {
            throw refused(path,
                    "'" + condition.operator().label() + "' takes " + arity + ((arity == 1) ? " value" : " values"));
        }
        if (arity < 0 && (values.isEmpty() || values.size() > MAX_VALUES)) {
            throw refused(path, "'" + condition.operator().label() + "' takes 1 to " + MAX_VALUES + " values");
        }
        for (String value : values) {
            if (value == null || value.isBlank() || value.length() > MAX_VALUE_LENGTH
                    || ContactNormalizer.hasControlCharacters(value)) {
                throw refused(path, "values are 1 to " + MAX_VALUE_LENGTH + " printable characters");
            }
        }
        return values.stream().map(String::strip).toList();
    }

    private String text(String column, CriteriaOperator operator, List<String> values) {
        return switch (operator) {
            case EQUALS -> "lower(" + column + ") = " + param(lower(values.get(0)));
            case NOT_EQUALS ->
                "(" + column + " is null or lower(" + column + ") <> " + param(lower(values.get(0))) + ")";
            case IN -> "lower(" + column + ") = any(cast(" + param(lowerArray(values)) + " as text[]))";
            case NOT_IN -> "(" + column + " is null or not (lower(" + column + ") = any(cast("
                    + param(lowerArray(values)) + " as text[]))))";
            case CONTAINS -> column + " ilike " + param("%" + Likes.escape(values.get(0)) + "%") + " escape '\\'";
            case STARTS_WITH -> column + " ilike " + param(Likes.escape(values.get(0)) + "%") + " escape '\\'";
            case IS_EMPTY -> "(" + column + " is null or " + column + " = '')";
            case IS_NOT_EMPTY -> "(" + column + " is not null and " + column + " <> '')";
            default -> throw new IllegalStateException(operator.name());
        };
    }

    private String choice(ContactField field, String column, CriteriaOperator operator, List<String> values,
            String path) {
        List<String> codes = values.stream().map((value) -> code(field, value, path)).toList();
        return switch (operator) {
            case EQUALS -> column + " = " + param(codes.get(0));
            case NOT_EQUALS -> "(" + column + " is null or " + column + " <> " + param(codes.get(0)) + ")";
            case IN -> column + " = any(cast(" + param(codes.toArray(String[]::new)) + " as text[]))";
            case NOT_IN -> "(" + column + " is null or not (" + column + " = any(cast("
                    + param(codes.toArray(String[]::new)) + " as text[]))))";
            case IS_EMPTY -> column + " is null";
            case IS_NOT_EMPTY -> column + " is not null";
            default -> throw new IllegalStateException(operator.name());
        };
    }

    private static String code(ContactField field, String value, String path) {
        return switch (field) {
            case COUNTRY -> value.toUpperCase(Locale.ROOT);
            case GENDER -> Gender.parse(value)
                .map(Enum::name)
                .orElseThrow(() -> refused(path, "unknown gender '" + abbreviate(value) + "'"));
            case CONSENT -> choiceOf(ConsentStatus.class, value, path).name();
            case PREFERRED_CHANNEL -> PreferredChannel.parse(value)
                .map(Enum::name)
                .orElseThrow(() -> refused(path, "unknown channel '" + abbreviate(value) + "'"));
            case WHATSAPP_CONSENT -> choiceOf(WhatsAppConsent.class, value, path).name();
            default -> value;
        };
    }

    private static <E extends Enum<E>> E choiceOf(Class<E> type, String value, String path) {
        for (E constant : EnumSet.allOf(type)) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw refused(path, "unknown value '" + abbreviate(value) + "'");
    }

    /** Age in whole years, as a range of birth dates, so the birth date index applies. */
    private String age(CriteriaOperator operator, List<String> values, String path) {
        return switch (operator) {
            case EQUALS -> ageBetween(years(values.get(0), path), years(values.get(0), path));
            case NOT_EQUALS -> "(c.birth_date is not null and not "
                    + ageBetween(years(values.get(0), path), years(values.get(0), path)) + ")";
            case GREATER_THAN -> "c.birth_date <= " + param(this.today.minusYears(years(values.get(0), path) + 1L));
            case LESS_THAN -> "c.birth_date > " + param(this.today.minusYears(years(values.get(0), path)));
            case BETWEEN -> ageBetween(years(values.get(0), path), years(values.get(1), path));
            case IS_EMPTY -> "c.birth_date is null";
            case IS_NOT_EMPTY -> "c.birth_date is not null";
            default -> throw new IllegalStateException(operator.name());
        };
    }

    private String ageBetween(int youngest, int oldest) {
        int low = Math.min(youngest, oldest);
        int high = Math.max(youngest, oldest);
        return "(c.birth_date > " + param(this.today.minusYears(high + 1L)) + " and c.birth_date <= "
                + param(this.today.minusYears(low)) + ")";
    }

    private static int years(String value, String path) {
        try {
            int years = Integer.parseInt(value);
            if (years < 0 || years > 130) {
                throw refused(path, "an age is between 0 and 130");
            }
            return years;
        }
        catch (NumberFormatException ex) {
            throw refused(path, "an age is a whole number");
        }
    }

    private String number(String column, CriteriaOperator operator, List<String> values, String path) {
        String numeric = "(case when jsonb_typeof(c.attributes -> " + lastParamName() + ") = 'number' then " + column
                + "::numeric end)";
        return switch (operator) {
            case EQUALS -> numeric + " = " + param(decimal(values.get(0), path));
            case NOT_EQUALS ->
                "(" + numeric + " is null or " + numeric + " <> " + param(decimal(values.get(0), path)) + ")";
            case GREATER_THAN -> numeric + " > " + param(decimal(values.get(0), path));
            case LESS_THAN -> numeric + " < " + param(decimal(values.get(0), path));
            case BETWEEN -> numeric + " between " + param(decimal(values.get(0), path)) + " and "
                    + param(decimal(values.get(1), path));
            case IS_EMPTY -> column + " is null";
            case IS_NOT_EMPTY -> column + " is not null";
            default -> throw new IllegalStateException(operator.name());
        };
    }

    static BigDecimal decimal(String value, String path) {
        try {
            return new BigDecimal(value);
        }
        catch (NumberFormatException ex) {
            throw refused(path, "'" + abbreviate(value) + "' is not a number");
        }
    }

    private String date(ContactField field, String column, CriteriaOperator operator, List<String> values,
            String path) {
        String expression = switch (field) {
            case CUSTOM -> "(case when " + column + " ~ '^\\d{4}-\\d{2}-\\d{2}$' then " + column + "::date end)";
            case CREATED_AT -> "(" + column + " at time zone 'UTC')::date";
            default -> column;
        };
        return switch (operator) {
            case BEFORE -> expression + " < " + param(isoDate(values.get(0), path));
            case AFTER -> expression + " > " + param(isoDate(values.get(0), path));
            case BETWEEN -> expression + " between " + param(isoDate(values.get(0), path)) + " and "
                    + param(isoDate(values.get(1), path));
            case IS_EMPTY -> column + " is null";
            case IS_NOT_EMPTY -> column + " is not null";
            default -> throw new IllegalStateException(operator.name());
        };
    }

    static LocalDate isoDate(String value, String path) {
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException ex) {
            throw refused(path, "'" + abbreviate(value) + "' is not a date (YYYY-MM-DD)");
        }
    }

    private String tags(CriteriaOperator operator, List<String> values) {
        return switch (operator) {
            case HAS_ANY -> "c.tags && cast(" + param(lowerArray(values)) + " as text[])";
            case HAS_ALL -> "c.tags @> cast(" + param(lowerArray(values)) + " as text[])";
            case HAS_NONE -> "not (c.tags && cast(" + param(lowerArray(values)) + " as text[]))";
            case IS_EMPTY -> "cardinality(c.tags) = 0";
            case IS_NOT_EMPTY -> "cardinality(c.tags) > 0";
            default -> throw new IllegalStateException(operator.name());
        };
    }

    private String bool(String column, CriteriaOperator operator) {
        String key = lastParamName();
        return switch (operator) {
            case IS_TRUE -> "(c.attributes -> " + key + ") = 'true'::jsonb";
            case IS_FALSE -> "(c.attributes -> " + key + ") = 'false'::jsonb";
            case IS_EMPTY -> column + " is null";
            case IS_NOT_EMPTY -> column + " is not null";
            default -> throw new IllegalStateException(operator.name());
        };
    }

    private String list(CriteriaOperator operator, List<String> values, String path) {
        Long[] ids = values.stream().map((value) -> {
            try {
                return Long.valueOf(value);
            }
            catch (NumberFormatException ex) {
                throw refused(path, "'" + abbreviate(value) + "' is not a list id");
            }
        }).toArray(Long[]::new);
        String member = "exists (select 1 from contact_list_member m where m.contact_id = c.id and m.list_id = any(cast("
                + param(ids) + " as bigint[])))";
        return (operator == CriteriaOperator.IN) ? member : "not " + member;
    }

    private String param(Object value) {
        String name = "p" + this.params.size();
        this.params.put(name, value);
        return ":" + name;
    }

    /** The placeholder of the parameter added last (the custom attribute key). */
    private String lastParamName() {
        return ":p" + (this.params.size() - 1);
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static String[] lowerArray(List<String> values) {
        return values.stream().map(CriteriaCompiler::lower).toArray(String[]::new);
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
    }

    static ContactProblem refused(String path, String reason) {
        String where = path.isEmpty() ? "The segment rule" : "Condition " + stripDot(path);
        return ContactProblem.invalid(where + ": " + reason + ".");
    }

    /** A compiled condition and its parameters. */
    record Compiled(String sql, Map<String, Object> params) {

    }

}

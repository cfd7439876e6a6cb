package org.smscampaign.web.error;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A JSON body that could not be read, told as the other 400s are: which field
 * ({@code variants[0].split}), what value, and why; or where the JSON itself breaks.
 */
final class UnreadableBody {

    private UnreadableBody() {
    }

    static ProblemDetail problem(HttpMessageNotReadableException ex) {
        JacksonException jackson = cause(ex, JacksonException.class);
        if (jackson == null) {
            return ProblemType.BAD_REQUEST.problem("The request needs a JSON body.");
        }
        if (jackson instanceof StreamReadException broken && !(jackson instanceof DatabindException)) {
            String at = (broken.getLocation() != null)
                    ? " at line " + broken.getLocation().getLineNr() + ", column " + broken.getLocation().getColumnNr()
                    : "";
            return ProblemType.BAD_REQUEST
                .problem("The body is not valid JSON" + at + ": " + broken.getOriginalMessage());
        }
        String field = field(jackson.getPath());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field.isEmpty() ? "(body)" : field);
        Object value = value(jackson);
        if (value != null) {
            error.put("value", value);
        }
        String reason = reason(jackson);
        error.put("message", reason);
        ProblemDetail problem = ProblemType.VALIDATION_FAILED
            .problem(field.isEmpty() ? "The body " + reason + "." : "Field " + field + ": " + reason + ".");
        problem.setProperty("errors", List.of(error));
        return problem;
    }

    /** The path as one would write it in JavaScript: {@code variants[0].split}. */
    static String field(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
            }
            else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static Object value(JacksonException ex) {
        if (ex instanceof InvalidFormatException invalid) {
            return String.valueOf(invalid.getValue());
        }
        return null;
    }

    private static String reason(JacksonException ex) {
        if (ex instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return String.valueOf(instantiation.getCause().getMessage());
        }
        if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return mustBe(mismatch.getTargetType());
        }
        return ex.getOriginalMessage();
    }

    /**
     * What a value of the type must be: "must be a whole number", "must be one of ...".
     */
    static String mustBe(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        return "must be " + expected(type);
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a text";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + type.getSimpleName() + " (such as "
                    + ((type == LocalDate.class) ? "2027-01-31" : "2027-01-31T10:00:00Z") + ")";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

}

package org.smscampaign.web.campaign;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.PropertyAccessException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;

/**
 * A refused campaign told next to the field it concerns (the form keeps everything that
 * was typed): the campaign's problems start with the part they are about ("schedule:
 * ...", "variant B: ..."), which names the field. The whole message also stays on top of
 * the form.
 */
final class FormErrors {

    private static final Pattern PART = Pattern.compile("^(name|sender|variants|variant [A-C]|schedule|audience|goals"
            + "|costs\\[\\d+\\][.a-z]*|A/B test|cascade|reply keywords): (.+)$", Pattern.DOTALL);

    /** Fields of the form that values typed in a wrong shape belong to, in words. */
    private static final Map<String, String> UNREADABLE = Map.of("sendAt",
            "Enter the date and time as the date picker gives it (such as 2026-12-24 10:30).", "localDate",
            "Enter the date as the date picker gives it (such as 2026-12-24).", "localTime",
            "Enter the time as the time picker gives it (such as 10:30).");

    private FormErrors() {
    }

    static void reject(BindingResult errors, String message) {
        errors.reject("campaign", message);
        Matcher matcher = PART.matcher(message);
        if (!matcher.matches()) {
            return;
        }
        String field = field(matcher.group(1));
        if (field != null) {
            String detail = matcher.group(2);
            errors.rejectValue(field, "campaign." + field,
                    detail.substring(0, 1).toUpperCase(Locale.ROOT) + detail.substring(1));
        }
    }

    private static String field(String part) {
        if (part.startsWith("variant ")) {
            return "body" + part.substring("variant ".length());
        }
        if (part.startsWith("costs")) {
            return "costLabel";
        }
        return switch (part) {
            case "name" -> "name";
            case "variants" -> "bodyA";
            case "schedule" -> "scheduleType";
            case "audience" -> "segments";
            case "goals" -> "goalTarget";
            case "cascade" -> "channels";
            case "reply keywords" -> "keyword";
            default -> null;
        };
    }

    /** A value typed in a shape the field cannot read, said in words. */
    static final class Unreadable extends DefaultBindingErrorProcessor {

        @Override
        public void processPropertyAccessException(PropertyAccessException ex, BindingResult errors) {
            String field = ex.getPropertyName();
            String message = UNREADABLE.getOrDefault(field, "This value could not be read; check it and save again.");
            errors.addError(new FieldError(errors.getObjectName(), field, ex.getValue(), true,
                    errors.resolveMessageCodes(ex.getErrorCode(), field), null, message));
        }

    }

}

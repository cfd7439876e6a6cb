package org.smscampaign.web.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks phone numbers in every string member of structured (JSON) log lines: message, MDC
 * values, stack traces; and escapes control characters (ANSI escapes everywhere, line
 * breaks too in the message, where they would split what a log viewer shows as one line).
 * Registered with {@code logging.structured.json.customizer}.
 */
public class PhoneNumberMaskingJsonCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    /** The message members of the ECS, Logstash and GELF formats. */
    private static final java.util.Set<String> MESSAGES = java.util.Set.of("message", "short_message");

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PhoneNumberMask::mask));
        members
            .applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, ControlCharacters::escapeKeepingLines));
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, ControlCharacters::escape)
            .whenHasPath((path) -> MESSAGES.contains(path.name())));
    }

}

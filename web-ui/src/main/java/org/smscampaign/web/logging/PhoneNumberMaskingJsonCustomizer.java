package org.smscampaign.web.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks phone numbers in every string member of structured (JSON) log lines: message, MDC
 * values, stack traces. Registered with {@code logging.structured.json.customizer}.
 */
public class PhoneNumberMaskingJsonCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PhoneNumberMask::mask));
    }

}

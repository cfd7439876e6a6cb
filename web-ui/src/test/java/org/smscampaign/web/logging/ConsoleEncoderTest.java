package org.smscampaign.web.logging;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleEncoderTest {

    private final LoggerContext context = new LoggerContext();

    {
        this.context.setMDCAdapter(new LogbackMDCAdapter());
    }

    @Test
    void structuredFormatWritesJsonWithPhoneNumbersMasked() {
        this.context.putObject(Environment.class.getName(), new MockEnvironment()
            .withProperty("logging.structured.json.customizer", PhoneNumberMaskingJsonCustomizer.class.getName()));
        ConsoleEncoder encoder = encoder("%m%n", "ecs");

        String line = encode(encoder, "Opt-out from +14155550123");

        assertThat(line).startsWith("{")
            .contains("\"message\":\"Opt-out from +141******23\"")
            .doesNotContain("4155550123");
    }

    @Test
    void structuredFormatEscapesControlCharactersOfTheMessage() {
        this.context.putObject(Environment.class.getName(), new MockEnvironment()
            .withProperty("logging.structured.json.customizer", PhoneNumberMaskingJsonCustomizer.class.getName()));
        ConsoleEncoder encoder = encoder("%m%n", "ecs");

        String line = encode(encoder, "Failed sign-in for user 'eve\r\nFAKE\u001b[31m'");

        assertThat(line.strip()).doesNotContain("\n", "\u001b");
        assertThat(line).contains("eve\\\\r\\\\nFAKE\\\\u001b[31m");
    }

    @Test
    void withoutStructuredFormatWritesTheTextPattern() {
        ConsoleEncoder encoder = encoder("%level %m%n", "");

        assertThat(encode(encoder, "plain text")).isEqualTo("WARN plain text\n");
    }

    private ConsoleEncoder encoder(String pattern, String structuredFormat) {
        ConsoleEncoder encoder = new ConsoleEncoder();
        encoder.setContext(this.context);
        encoder.setPattern(pattern);
        encoder.setStructuredFormat(structuredFormat);
        encoder.start();
        return encoder;
    }

    private String encode(ConsoleEncoder encoder, String message) {
        LoggingEvent event = new LoggingEvent(getClass().getName(), this.context.getLogger("test"), Level.WARN, message,
                null, null);
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

}

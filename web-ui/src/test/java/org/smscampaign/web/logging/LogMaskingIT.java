package org.smscampaign.web.logging;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.web.PlatformIT;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phone numbers never reach the console of the running platform in full. JSON logs are
 * covered by {@link ConsoleEncoderTest}: logging is initialised once per JVM, so one test
 * run cannot switch formats.
 */
class LogMaskingIT {

    private static final Logger log = LoggerFactory.getLogger(LogMaskingIT.class);

    @Nested
    @PlatformIT
    @ExtendWith(OutputCaptureExtension.class)
    class TextLogs {

        @Test
        void maskPhoneNumbers(CapturedOutput output) {
            log.info("Delivered to +491711234567");

            assertThat(output.getOut()).contains("Delivered to +491*******67").doesNotContain("1711234567");
        }

    }

}

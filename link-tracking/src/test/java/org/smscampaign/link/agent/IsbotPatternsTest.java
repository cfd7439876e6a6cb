package org.smscampaign.link.agent;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.smscampaign.link.ClassificationSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The vendored isbot list: whole, dated, and valid Java expressions. */
class IsbotPatternsTest {

    @Test
    void everyPatternCompilesInJavaAsInJavaScript() {
        List<String> patterns = ResourceLines.of(IsbotPatterns.RESOURCE)
            .stream()
            .filter((line) -> !line.isEmpty() && !line.startsWith("#"))
            .toList();

        assertThat(patterns).hasSizeGreaterThan(150);
        for (String pattern : patterns) {
            assertThatNoException().as(pattern).isThrownBy(() -> Pattern.compile(pattern, Pattern.CASE_INSENSITIVE));
        }
    }

    @Test
    void theHeaderSaysWhichVersionAndWhen() {
        ClassificationSource source = IsbotPatterns.bundled().describe();

        assertThat(source.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(source.date()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(source.note()).contains("Unlicense");
        assertThat(source.entries()).isEqualTo(IsbotPatterns.bundled().size());
    }

    @Test
    void lookbehindsWorkAsInJavaScript() {
        IsbotPatterns isbot = IsbotPatterns.bundled();

        assertThat(isbot.judge("Mozilla/5.0 (compatible; Googlebot/2.1)").decisive()).isTrue();
        // (?<!cu)bots? and (?<!cam)scan: "cubot" phones and "camscanner" are people.
        assertThat(isbot
            .judge("Mozilla/5.0 (Linux; Android 12; CUBOT KINGKONG 7) AppleWebKit/537.36 "
                    + "(KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36")
            .decisive()).isFalse();
    }

}

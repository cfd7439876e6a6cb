package org.smscampaign.link;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TargetUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = { "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.org/a",
            "https://user:secret@example.org/", "https://exa mple.org/", "https://example.org/\r\nSet-Cookie:x=1",
            "https:///no-host", "//example.org/relative", "not a url at all", "file:///etc/passwd", "" })
    void refusesWhatMustNotBeATarget(String target) {
        assertThatExceptionOfType(LinkProblem.class).isThrownBy(() -> TargetUrls.check(target, List.of()))
            .satisfies((problem) -> assertThat(problem.kind()).isEqualTo(LinkProblem.Kind.INVALID));
    }

    @Test
    void acceptsWebAddresses() {
        assertThat(TargetUrls.check("https://shop.example/sale?x=1#top", List.of()).getHost())
            .isEqualTo("shop.example");
        assertThat(TargetUrls.check("http://shop.example", List.of())).isNotNull();
    }

    @Test
    void enforcesTheBrandsAllowList() {
        List<String> allowed = List.of("shop.example");

        assertThat(TargetUrls.check("https://www.shop.example/x", allowed)).isNotNull();
        assertThatExceptionOfType(LinkProblem.class)
            .isThrownBy(() -> TargetUrls.check("https://evilshop.example/x", allowed))
            .withMessageContaining("shop.example");
        assertThatExceptionOfType(LinkProblem.class)
            .isThrownBy(() -> TargetUrls.check("https://shop.example.evil.org/x", allowed));
    }

    @Test
    void appendsUtmParametersBeforeTheFragmentUnlessPresent() {
        assertThat(TargetUrls.withUtm(URI.create("https://shop.example/sale?size=m#top"), "Summer Sale", "B"))
            .isEqualTo("https://shop.example/sale?size=m&utm_source=sms&utm_medium=sms&utm_campaign=Summer+Sale"
                    + "&utm_content=B#top");
        assertThat(TargetUrls.withUtm(URI.create("https://shop.example/?utm_source=news"), "x", "A"))
            .isEqualTo("https://shop.example/?utm_source=news");
        assertThat(TargetUrls.withUtm(URI.create("https://shop.example"), null, null))
            .isEqualTo("https://shop.example?utm_source=sms&utm_medium=sms");
    }

    @Test
    void shortCodesAreRandomBase62AndCheckedBeforeAnyLookup() {
        String code = ShortCodes.next();

        assertThat(code).hasSize(7).matches("[0-9A-Za-z]+");
        assertThat(ShortCodes.next()).isNotEqualTo(code);
        assertThat(ShortCodes.looksValid(code)).isTrue();
        assertThat(ShortCodes.looksValid("../../etc")).isFalse();
        assertThat(ShortCodes.looksValid("a".repeat(17))).isFalse();
        assertThat(ShortCodes.looksValid("Ab3\r\nx")).isFalse();
        assertThat(ShortCodes.looksValid("Ab3xK9ä")).isFalse();
    }

}

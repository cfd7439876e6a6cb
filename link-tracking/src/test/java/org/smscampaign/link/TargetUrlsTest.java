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

    /**
     * Issue 16, finding 4: internal hosts were accepted as targets; a redirect to them
     * makes a recipient's phone or a link-preview fetcher inside a network call them.
     */
    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8082/actuator/env", "http://0x7f000001/", "http://2130706433/",
            "http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://127.1/", "http://127.0.0.1./", "http://[::1]/",
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[0:0:0:0:0:0:0:1]/",
            "http://[::127.0.0.1]/", "http://[2002:7f00:1::]/", "http://[64:ff9b::a9fe:a9fe]/", "http://localhost/",
            "http://LOCALHOST./", "http://foo.localhost/", "http://169.254.169.254/latest/meta-data/",
            "http://0xa9fea9fe/", "http://10.0.0.1/", "http://10.1/", "http://172.16.5.4/", "http://172.31.255.255/",
            "http://192.168.1.1/", "http://100.64.0.1/", "http://0.0.0.0/", "http://0/", "http://224.0.0.1/",
            "http://255.255.255.255/", "http://240.0.0.1/", "http://[fe80::1]/", "http://[fc00::1]/",
            "http://[fd12:3456::1]/", "http://[ff02::1]/", "http://[::]/", "http://metadata/",
            "http://metadata.google.internal/computeMetadata/v1/", "http://metadata.google.internal./",
            "http://intranet/", "http://printer.local/", "http://router.home.arpa/", "http://999.1.1.1/",
            "http://1.2.3.4.5/", "http://%31%32%37.0.0.1/", "https://\uFF11\uFF12\uFF17.0.0.1/" })
    void refusesInternalHostsInEverySpelling(String target) {
        assertThatExceptionOfType(LinkProblem.class).isThrownBy(() -> TargetUrls.check(target, List.of()))
            .satisfies((problem) -> assertThat(problem.kind()).isEqualTo(LinkProblem.Kind.INVALID));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://8.8.8.8/", "http://93.184.215.14/x", "https://[2606:4700::1111]/",
            "https://1e100.net/", "https://172.32.0.1/", "https://shop.example./sale", "https://0x.example/" })
    void acceptsPublicHostsThatLookLikeInternalOnes(String target) {
        assertThat(TargetUrls.check(target, List.of())).isNotNull();
    }

    @Test
    void anAdminMayAllowNamedInternalHosts() {
        List<String> allowed = List.of("intranet", "10.0.0.5", "[fd00::5]");

        assertThat(TargetUrls.check("http://intranet./wiki", List.of(), allowed)).isNotNull();
        assertThat(TargetUrls.check("http://0x0a000005/", List.of(), allowed)).isNotNull();
        assertThat(TargetUrls.check("http://[fd00:0::5]/", List.of(), allowed)).isNotNull();
        assertThatExceptionOfType(LinkProblem.class)
            .isThrownBy(() -> TargetUrls.check("http://10.0.0.6/", List.of(), allowed));
        assertThatExceptionOfType(LinkProblem.class)
            .isThrownBy(() -> TargetUrls.check("http://intranet/", List.of("shop.example"), allowed))
            .withMessageContaining("shop.example");
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

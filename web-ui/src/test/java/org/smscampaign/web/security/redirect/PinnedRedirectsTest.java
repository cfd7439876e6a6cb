package org.smscampaign.web.security.redirect;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PinnedRedirectsTest {

    private final MockHttpServletRequest forged = forgedHost();

    @Test
    void withoutAPublicBaseUrlOurLocationsBecomeRelative() {
        PinnedRedirects.Pinning pinning = new PinnedRedirects.Pinning(null);

        assertThat(pinning.pin("http://evil.example/login?x=1#top", this.forged)).isEqualTo("/login?x=1#top");
        assertThat(pinning.pin("http://evil.example", this.forged)).isEqualTo("/");
        assertThat(pinning.pin("/login", this.forged)).isEqualTo("/login");
    }

    @Test
    void withAPublicBaseUrlOurLocationsAreBasedOnIt() {
        PinnedRedirects.Pinning pinning = new PinnedRedirects.Pinning(URI.create("https://sms.example.com/"));

        assertThat(pinning.pin("http://evil.example:8080/login", this.forged))
            .isEqualTo("https://sms.example.com/login");
        assertThat(pinning.pin("/campaigns/1", this.forged)).isEqualTo("https://sms.example.com/campaigns/1");
    }

    @Test
    void locationsElsewhereStayAsTheyAre() {
        PinnedRedirects.Pinning pinning = new PinnedRedirects.Pinning(URI.create("https://sms.example.com"));

        assertThat(pinning.pin("https://shop.example/spring?utm_source=sms", this.forged))
            .isEqualTo("https://shop.example/spring?utm_source=sms");
        assertThat(pinning.pin("//shop.example/x", this.forged)).isEqualTo("//shop.example/x");
    }

    private static MockHttpServletRequest forgedHost() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/campaigns");
        request.setServerName("evil.example");
        return request;
    }

}

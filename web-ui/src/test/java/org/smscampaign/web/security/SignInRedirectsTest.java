package org.smscampaign.web.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** After sign-in, only pages of this site: a planted return cookie sends nobody away. */
class SignInRedirectsTest {

    @Test
    void keepsPathAndQueryOfTheRequestedPage() {
        assertThat(SignInRedirects.localPath("http://127.0.0.1:8080/campaigns?status=DRAFT&q=a%20b"))
            .isEqualTo("/campaigns?status=DRAFT&q=a%20b");
    }

    @Test
    void neverLeavesTheSite() {
        assertThat(SignInRedirects.localPath("https://evil.example/phish?x=1")).isEqualTo("/phish?x=1");
        assertThat(SignInRedirects.localPath("//evil.example/x")).isEqualTo("/x");
        assertThat(SignInRedirects.localPath("http://host//evil.example/x")).isNull();
        assertThat(SignInRedirects.localPath("http://host/\\evil.example")).isNull();
        assertThat(SignInRedirects.localPath("javascript:alert(1)")).isNull();
        assertThat(SignInRedirects.localPath("not a url")).isNull();
    }

}

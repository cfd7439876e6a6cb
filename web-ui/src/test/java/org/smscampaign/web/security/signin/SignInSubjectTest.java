package org.smscampaign.web.security.signin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInSubjectTest {

    @Test
    void anIpv6AddressCountsByItsNetwork() {
        assertThat(SignInSubject.address("2001:db8:abc:12:1:2:3:4").subject()).isEqualTo("2001:db8:abc:12::/64");
        assertThat(SignInSubject.address("2001:db8:abc:12::99").subject()).isEqualTo("2001:db8:abc:12::/64");
        assertThat(SignInSubject.address("0:0:0:0:0:0:0:1").subject()).isEqualTo("::1");
        assertThat(SignInSubject.address("203.0.113.7").subject()).isEqualTo("203.0.113.7");
        assertThat(SignInSubject.address(null).subject()).isEqualTo("unknown");
    }

    @Test
    void anAccountNameIsNormalisedAndBounded() {
        assertThat(SignInSubject.account("  Admin ").subject()).isEqualTo("admin");
        assertThat(SignInSubject.account("eve\r\nx").subject()).isEqualTo("eve??x");
        assertThat(SignInSubject.account("x".repeat(500)).subject()).hasSize(100);
    }

}

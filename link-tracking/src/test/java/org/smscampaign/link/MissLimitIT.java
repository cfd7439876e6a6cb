package org.smscampaign.link;

import org.junit.jupiter.api.Test;
import org.smscampaign.LinkTrackingIT;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Guessing codes is throttled per address; known codes are never. */
@LinkTrackingIT
@TestPropertySource(properties = "sms.link.misses.per-minute=3")
class MissLimitIT {

    @LocalServerPort
    int port;

    @Test
    void tooManyUnknownCodesFromOneAddressGet429() {
        RawHttp.fromClient("203.0.113.9");
        for (int i = 0; i < 3; i++) {
            assertThat(RawHttp.get(this.port, "/r/Guess" + i + "xx", "Mozilla/5.0").status()).isEqualTo(404);
        }
        RawHttp.Response limited = RawHttp.get(this.port, "/r/Guess9xx", "Mozilla/5.0");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("60");
        RawHttp.fromClient("203.0.113.10");
        assertThat(RawHttp.get(this.port, "/r/Guess9xx", "Mozilla/5.0").status()).as("another address").isEqualTo(404);
    }

}

package org.smscampaign.web.share;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShareLimiterTest {

    @Test
    void anAddressGetsItsRequestsPerMinuteAndNoMore() {
        ShareLimiter limiter = new ShareLimiter(new ShareProperties(null, 7, 90, 3));

        assertThat(limiter.tryRequest("192.0.2.1")).isTrue();
        assertThat(limiter.tryRequest("192.0.2.1")).isTrue();
        assertThat(limiter.tryRequest("192.0.2.1")).isTrue();
        assertThat(limiter.tryRequest("192.0.2.1")).isFalse();
        assertThat(limiter.tryRequest("192.0.2.2")).as("another address has its own").isTrue();
    }

}

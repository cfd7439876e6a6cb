package org.smscampaign.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock, moved by tests when they need another time of day. */
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void setTo(Instant moment) {
        this.offset = Duration.between(Instant.now(), moment);
    }

    public void reset() {
        this.offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(this.offset);
    }

}

package org.smscampaign.web.startup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;

/** Startup notices printed to a buffer, for tests of what the operator sees at start. */
public final class StartupNoticesFixture {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private final StartupNotices notices = new StartupNotices(
            new PrintStream(this.printed, true, StandardCharsets.UTF_8));

    public StartupNotices notices() {
        return this.notices;
    }

    /** Prints the notices as at application start and returns what this start printed. */
    public String print() {
        this.printed.reset();
        this.notices.print(new ApplicationReadyEvent(new SpringApplication(), new String[0],
                new GenericApplicationContext(), null));
        return this.printed.toString(StandardCharsets.UTF_8);
    }

}

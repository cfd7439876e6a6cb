package org.smscampaign.web.startup;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the operator must see once the platform is up: its URL and any credentials created
 * at this start. Printed to the console, deliberately not through the logging system, so
 * that passwords never end up in log storage.
 */
@Component
public class StartupNotices {

    private final List<String> lines = new ArrayList<>();

    private final PrintStream console;

    StartupNotices() {
        this(System.out);
    }

    StartupNotices(PrintStream console) {
        this.console = console;
    }

    public synchronized void add(String line) {
        this.lines.add(line);
    }

    @EventListener
    void print(ApplicationReadyEvent event) {
        String url = (event.getApplicationContext() instanceof WebServerApplicationContext web)
                ? "http://localhost:" + web.getWebServer().getPort() : "(no web server)";
        StringBuilder box = new StringBuilder("\n");
        String rule = "=".repeat(78);
        box.append(rule).append('\n');
        box.append("  SMS Campaign Platform is running at ").append(url).append('\n');
        synchronized (this) {
            this.lines.forEach((line) -> box.append("  ").append(line).append('\n'));
            this.lines.clear();
        }
        box.append(rule).append('\n');
        this.console.print(box);
        this.console.flush();
    }

}

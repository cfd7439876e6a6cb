package org.smscampaign.web.security.starvation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Whether the application port answers, asked from outside its request threads: the
 * management port has its own listener, so without this a port whose request threads are
 * all held (slow clients, issue 16) would still be reported ready. A background thread
 * asks the application port for {@code /robots.txt} over loopback; the indicator reports
 * the last answer, so a probe of the readiness group never waits on the application port.
 */
@Component("appPort")
class AppPortHealthIndicator implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AppPortHealthIndicator.class);

    private final AppPortProbeProperties settings;

    private final ScheduledExecutorService prober = Executors
        .newSingleThreadScheduledExecutor(daemon(new CustomizableThreadFactory("app-port-probe-")));

    private volatile Health health = Health.unknown().withDetail("reason", "not probed yet").build();

    AppPortHealthIndicator(AppPortProbeProperties settings) {
        this.settings = settings;
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        // The management server has a namespace of its own; the application's has none.
        if (!this.settings.enabled()) {
            this.health = Health.up().withDetail("reason", "not probed (disabled)").build();
        }
        else if (event.getApplicationContext().getServerNamespace() == null) {
            int port = event.getWebServer().getPort();
            this.prober.scheduleWithFixedDelay(() -> probe(port), 0, this.settings.interval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public Health health() {
        return this.health;
    }

    @Override
    public void destroy() {
        this.prober.shutdownNow();
    }

    private void probe(int port) {
        long started = System.nanoTime();
        Health previous = this.health;
        try (Socket socket = new Socket()) {
            int timeout = (int) this.settings.timeout().toMillis();
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeout);
            socket.setSoTimeout(timeout);
            OutputStream out = socket.getOutputStream();
            out.write("GET /robots.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String status = statusLine(socket.getInputStream());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            this.health = status.startsWith("HTTP/1.1 200") ? Health.up().withDetail("answeredInMs", millis).build()
                    : Health.down().withDetail("answer", status).build();
        }
        catch (IOException | RuntimeException ex) {
            this.health = Health.down()
                .withDetail("port", port)
                .withDetail("reason", "no answer within " + this.settings.timeout().toMillis() + " ms")
                .build();
        }
        if (!this.health.getStatus().equals(previous.getStatus())) {
            log.warn("Application port {} is now {}", port, this.health.getStatus());
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\r' && line.length() < 100) {
            line.append((char) b);
        }
        return line.toString();
    }

    private static CustomizableThreadFactory daemon(CustomizableThreadFactory factory) {
        factory.setDaemon(true);
        return factory;
    }

}

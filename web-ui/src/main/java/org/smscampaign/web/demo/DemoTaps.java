package org.smscampaign.web.demo;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.link.ConversionRequest;
import org.smscampaign.link.Conversions;
import org.smscampaign.link.LinkProperties;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessageStatusChanged;
import org.smscampaign.messaging.MessageView;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's simulated audience: when the simulator delivers a campaign message, its
 * recipient may tap the link in it, through the real redirector over HTTP, with the user
 * agent of a phone; link previews and security scanners fetch some links too, as they do
 * in life; some people tap twice; some buy, and the shop reports the order with the click
 * id its landing page received. Variant B is tapped a little more often, so the A/B test
 * has something to find. Times are compressed so that a new user sees a dashboard fill
 * within a minute.
 */
@Component
@Profile("demo")
@ConditionalOnBooleanProperty(name = "sms.demo.taps", matchIfMissing = true)
class DemoTaps {

    private static final Logger log = LoggerFactory.getLogger(DemoTaps.class);

    private static final Pattern LINK = Pattern.compile("https?://\\S+/([A-Za-z0-9]{4,16})(?=\\s|$)");

    private static final List<String> PHONES = List.of(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 "
                    + "Mobile Safari/537.36",
            "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36");

    private static final List<String> PREVIEWS = List.of("facebookexternalhit/1.1", "WhatsApp/2.24.6.77 A",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "TelegramBot (like TwitterBot)");

    private final MessageGateway gateway;

    private final Conversions conversions;

    private final int linkPort;

    private volatile int appPort = 8080;

    private final String clickParameter;

    private final HttpClient http = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(2))
        .build();

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, (task) -> {
        Thread thread = new Thread(task, "demo-taps");
        thread.setDaemon(true);
        return thread;
    });

    DemoTaps(MessageGateway gateway, Conversions conversions, LinkProperties links) {
        this.gateway = gateway;
        this.conversions = conversions;
        this.linkPort = links.server().port();
        this.clickParameter = links.clickIdParameter();
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            this.appPort = event.getWebServer().getPort();
        }
    }

    @EventListener
    void delivered(MessageStatusChanged event) {
        if (event.status() != MessageStatus.DELIVERED || event.attribution().campaignId() == null) {
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long message = event.messageId();
        if (random.nextDouble() < 0.2) {
            later(random.nextLong(500, 3_000), () -> fetch(message, "GET", pick(PREVIEWS)));
        }
        if (random.nextDouble() < 0.03) {
            later(random.nextLong(1_000, 20_000), () -> fetch(message, "HEAD", "Mozilla/5.0 (compatible; scanner)"));
        }
        double tapShare = "B".equals(event.attribution().variant()) ? 0.36 : 0.27;
        if (random.nextDouble() < tapShare) {
            // Most people tap within a minute of reading; a long tail comes back later.
            long delay = 6_000 + (long) (-Math.log(1 - random.nextDouble()) * 25_000);
            String phone = pick(PHONES);
            later(Math.min(delay, 600_000), () -> tap(message, phone));
        }
    }

    private void tap(long message, String phone) {
        Optional<String> click = fetch(message, "GET", phone);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (click.isPresent() && random.nextDouble() < 0.15) {
            later(random.nextLong(20_000, 120_000), () -> fetch(message, "GET", phone));
        }
        if (click.isPresent() && random.nextDouble() < 0.12) {
            BigDecimal value = BigDecimal.valueOf(random.nextLong(1_900, 12_000), 2);
            String currency = currencyOf(message);
            later(random.nextLong(5_000, 40_000),
                    () -> this.conversions.record(
                            new ConversionRequest(click.get(), null, "sale", value, currency, "demo-" + message, null),
                            Conversions.Source.SERVER));
        }
    }

    /**
     * The shop of the recipient's country takes its own currency (the dashboard converts
     * it).
     */
    private String currencyOf(long message) {
        String number = this.gateway.find(message).map(MessageView::to).orElse("");
        if (number.startsWith("+44")) {
            return "GBP";
        }
        return (number.startsWith("+49") || number.startsWith("+33") || number.startsWith("+34")) ? "EUR" : "USD";
    }

    /** Requests the message's short link; the click id from the redirect, if any. */
    private Optional<String> fetch(long message, String method, String userAgent) {
        Optional<String> code = this.gateway.find(message).map(MessageView::body).flatMap(DemoTaps::code);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        // The redirector's own listener, or the same redirector under /r/ of the web
        // server.
        String address = (this.linkPort > 0) ? "http://127.0.0.1:" + this.linkPort + "/"
                : "http://127.0.0.1:" + this.appPort + "/r/";
        HttpRequest request = HttpRequest.newBuilder(URI.create(address + code.get()))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("User-Agent", userAgent)
            .timeout(Duration.ofSeconds(5))
            .build();
        try {
            HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.headers().firstValue("Location").flatMap(this::clickId);
        }
        catch (java.io.IOException ex) {
            log.debug("Demo tap on message {} failed: {}", message, ex.getMessage());
            return Optional.empty();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<String> code(String body) {
        Matcher matcher = LINK.matcher(body);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private Optional<String> clickId(String location) {
        Matcher matcher = Pattern.compile("[?&]" + Pattern.quote(this.clickParameter) + "=([A-Za-z0-9_-]+)")
            .matcher(location);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private void later(long millis, Runnable action) {
        this.timer.schedule(() -> {
            try {
                action.run();
            }
            catch (RuntimeException ex) {
                log.debug("Demo audience step failed: {}", ex.getMessage());
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private static String pick(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    @PreDestroy
    void stop() {
        this.timer.shutdownNow();
    }

}

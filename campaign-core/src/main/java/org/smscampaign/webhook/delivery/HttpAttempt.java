package org.smscampaign.webhook.delivery;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.smscampaign.webhook.WebhookProperties;
import org.smscampaign.webhook.endpoint.EndpointUrls;

/**
 * One POST of a delivery, outside any transaction: signed at the time it is sent, no
 * redirects followed, bounded by the connect and read timeouts.
 */
final class HttpAttempt {

    /** What came of it: a status code, or none and why. */
    record Outcome(Instant at, Integer statusCode, long latencyMillis, String error) {

        boolean delivered() {
            return this.statusCode != null && this.statusCode >= 200 && this.statusCode < 300;
        }

    }

    static final String EVENT_HEADER = "X-SMS-Event";

    static final String DELIVERY_HEADER = "X-SMS-Delivery";

    private static final int ERROR_LENGTH = 300;

    private final HttpClient client;

    private final WebhookProperties properties;

    private final EndpointUrls urls;

    private final Clock clock;

    HttpAttempt(WebhookProperties properties, EndpointUrls urls, Clock clock) {
        this.properties = properties;
        this.urls = urls;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    }

    Outcome send(DeliveryStore.Claimed delivery) {
        Instant at = this.clock.instant();
        long start = System.nanoTime();
        String refusal = this.urls.refusalBeforeSending(delivery.url());
        if (refusal != null) {
            return new Outcome(at, null, 0, shorten("Not sent: " + refusal));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
            .timeout(this.properties.readTimeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "sms-campaign-platform-webhooks/1")
            .header(EVENT_HEADER, delivery.eventType())
            .header(DELIVERY_HEADER, delivery.id().toString())
            .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), at, delivery.payload()))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
            .build();
        CompletableFuture<HttpResponse<String>> exchange = this.client.sendAsync(request, (info) -> new BodyStart(200));
        try {
            // The whole exchange, body included, is bounded: the request's own timeout
            // ends at the status line.
            HttpResponse<String> response = exchange.get(
                    this.properties.connectTimeout().plus(this.properties.readTimeout()).toMillis(),
                    TimeUnit.MILLISECONDS);
            String start200 = response.body();
            int code = response.statusCode();
            String error = (code >= 200 && code < 300) ? null
                    : "HTTP " + code + (start200.isBlank() ? "" : ": " + start200.strip());
            return new Outcome(at, code, millisSince(start), shorten(error));
        }
        catch (TimeoutException ex) {
            exchange.cancel(true);
            return failed(at, start, "No answer within " + this.properties.readTimeout().toMillis() + " ms");
        }
        catch (ExecutionException ex) {
            return failed(ex.getCause(), at, start);
        }
        catch (InterruptedException ex) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return failed(at, start, "Interrupted (the instance is stopping)");
        }
    }

    private Outcome failed(Throwable cause, Instant at, long start) {
        if (cause instanceof HttpConnectTimeoutException) {
            return failed(at, start, "Could not connect within " + this.properties.connectTimeout().toMillis() + " ms");
        }
        if (cause instanceof HttpTimeoutException) {
            return failed(at, start, "No answer within " + this.properties.readTimeout().toMillis() + " ms");
        }
        if (cause instanceof ConnectException) {
            return failed(at, start, "Connection refused");
        }
        return failed(at, start,
                cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : ""));
    }

    private static Outcome failed(Instant at, long start, String error) {
        return new Outcome(at, null, millisSince(start), shorten(error));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** One line, no control characters, at most ERROR_LENGTH characters. */
    static String shorten(String error) {
        if (error == null) {
            return null;
        }
        String line = error.replaceAll("\\p{Cntrl}+", " ").strip();
        return (line.length() <= ERROR_LENGTH) ? line : line.substring(0, ERROR_LENGTH - 1) + "…";
    }

}

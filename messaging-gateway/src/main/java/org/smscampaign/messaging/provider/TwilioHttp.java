package org.smscampaign.messaging.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The HTTP client under twilio-java: sends its requests to the configured API base URLs
 * (Messages and Content API; a regional edge, or a local mock in tests) with our
 * timeouts, exactly once. twilio-java's own client retries 5xx answers by itself, which
 * could send a message twice; here each attempt is the dispatcher's decision. Failures
 * are told apart: not connected (nothing sent), throttled (nothing processed), no answer
 * in time (may have been processed).
 */
final class TwilioHttp extends com.twilio.http.HttpClient {

    private static final String TWILIO_API = "https://api.twilio.com";

    private static final String CONTENT_API = "https://content.twilio.com";

    private final HttpClient client;

    private final String baseUrl;

    private final String contentBaseUrl;

    private final Duration timeout;

    TwilioHttp(URI baseUrl, URI contentBaseUrl, Duration timeout) {
        this.baseUrl = withoutSlash(baseUrl);
        this.contentBaseUrl = withoutSlash(contentBaseUrl);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    private static String withoutSlash(URI url) {
        String base = url.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Nothing sent: the connection could not be made. */
    static final class NotConnected extends RuntimeException {

        NotConnected(String message, Throwable cause) {
            super(message, cause);
        }

    }

    /** Sent, but no answer in time: the provider may have processed it. */
    static final class NoAnswer extends RuntimeException {

        NoAnswer(String message, Throwable cause) {
            super(message, cause);
        }

    }

    /** 429: nothing processed. */
    static final class Throttled extends RuntimeException {

        final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("429 Too Many Requests");
            this.retryAfter = retryAfter;
        }

    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.constructURL().toString();
        if (url.startsWith(TWILIO_API)) {
            url = this.baseUrl + url.substring(TWILIO_API.length());
        }
        else if (url.startsWith(CONTENT_API)) {
            url = this.contentBaseUrl + url.substring(CONTENT_API.length());
        }
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(url)).timeout(this.timeout);
        if (request.requiresAuthentication()) {
            http.header("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            for (String value : header.getValue()) {
                http.header(header.getKey(), value);
            }
        }
        http.header("User-Agent", "sms-campaign-platform twilio-java");
        if (request.getMethod() == HttpMethod.GET) {
            http.GET();
        }
        else {
            http.header("Content-Type", "application/x-www-form-urlencoded");
            http.method(request.getMethod().toString(), HttpRequest.BodyPublishers.ofString(form(request)));
        }
        HttpResponse<String> response;
        try {
            response = this.client.send(http.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (HttpConnectTimeoutException | ConnectException ex) {
            throw new NotConnected("Twilio not reachable: " + ex.getMessage(), ex);
        }
        catch (HttpTimeoutException ex) {
            throw new NoAnswer("No answer from Twilio within " + this.timeout.toSeconds() + " s", ex);
        }
        catch (IOException ex) {
            throw new NoAnswer("Connection to Twilio broke: " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("Interrupted while waiting for Twilio", ex);
        }
        if (response.statusCode() == 429) {
            throw new Throttled(response.headers().firstValue("Retry-After").map(TwilioHttp::seconds).orElse(null));
        }
        return new Response(response.body(), response.statusCode());
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        }
        catch (NumberFormatException ex) {
            return null; // an HTTP date: the dispatcher's own backoff applies
        }
    }

    private static String form(Request request) {
        StringJoiner form = new StringJoiner("&");
        for (Map.Entry<String, List<String>> parameter : request.getPostParams().entrySet()) {
            for (String value : parameter.getValue()) {
                form.add(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return form.toString();
    }

}

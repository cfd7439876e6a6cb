package org.smscampaign.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real HTTP against the running platform, with a cookie jar like a browser's: for what
 * only a servlet container shows (error dispatch, filters, headers).
 */
public final class HttpFixture {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;

    private final CookieManager cookies = new CookieManager();

    private final HttpClient client;

    public HttpFixture(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder()
            .cookieHandler(this.cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<String> post(String path, String form, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
    }

    /**
     * Posts a Twilio webhook (form fields in order), signed with the auth token for the
     * address Twilio was given ({@code signedUrl}; null: this server's own address of the
     * path).
     */
    public HttpResponse<String> postSignedByTwilio(String path, String signedUrl, java.util.Map<String, String> form,
            String authToken) {
        StringBuilder encoded = new StringBuilder();
        form.forEach((name, value) -> encoded.append((encoded.length() > 0) ? "&" : "")
            .append(encode(name))
            .append('=')
            .append(encode(value)));
        String url = (signedUrl != null) ? signedUrl : this.base + path;
        return post(path, encoded.toString(), "X-Twilio-Signature",
                org.smscampaign.messaging.provider.TwilioSignatures.sign(url, form, authToken));
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    public HttpResponse<String> putJson(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    public HttpResponse<String> patchJson(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    /** A multipart upload of a file and, optionally, a JSON settings part. */
    public HttpResponse<String> upload(String path, String fileName, byte[] file, String settingsJson,
            String... headers) {
        String boundary = "----platform-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = StandardCharsets.UTF_8;
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(utf8));
        body.writeBytes(file);
        if (settingsJson != null) {
            body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"settings\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + settingsJson)
                .getBytes(utf8));
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return send(request(path, headers).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
    }

    /** Any method with an empty form body (what a probe of every endpoint sends). */
    public HttpResponse<String> empty(String method, String path, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE().build());
    }

    /** The value of a cookie the platform has set, or null. */
    public String cookie(String name) {
        return this.cookies.getCookieStore()
            .getCookies()
            .stream()
            .filter((cookie) -> cookie.getName().equals(name))
            .map(java.net.HttpCookie::getValue)
            .findFirst()
            .orElse(null);
    }

    /**
     * Signs in through the login form; returns the response to the form post. Headers
     * (such as {@code X-Forwarded-For} from the trusted local proxy) go with both
     * requests.
     */
    public HttpResponse<String> signIn(String username, String password, String... headers) {
        return post("/login", "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + csrfToken("/login", headers), headers);
    }

    /** The CSRF token of the form on the given page. */
    public String csrfToken(String path, String... headers) {
        Matcher matcher = CSRF.matcher(get(path, headers).body());
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token on " + path);
        }
        return matcher.group(1);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
            .timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return this.client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}

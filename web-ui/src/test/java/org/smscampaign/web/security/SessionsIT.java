package org.smscampaign.web.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions exist only for signed-in users (issue 16, finding 6: every anonymous request
 * stored an 8-hour session with its saved request), change at sign-in, and their cookies
 * are Secure behind TLS.
 */
@PlatformIT
class SessionsIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anonymousRequestsStoreNoSession() {
        long before = anonymousSessions();
        HttpFixture http = new HttpFixture(this.port);
        String longQuery = "x".repeat(3000);
        for (int i = 0; i < 20; i++) {
            assertThat(http.get("/login").statusCode()).isEqualTo(200);
            assertThat(http.get("/campaigns?q=" + longQuery + i).statusCode()).isEqualTo(302);
            http.get("/admin/users?page=" + i, "Accept", "text/html");
            http.get("/no/such/page/" + i, "Accept", "text/html");
            http.get("/login?error");
            http.signIn("nobody-at-all", "wrong password " + i, "X-Forwarded-For", "2001:db8:5e55::" + i);
            http.post("/campaigns", "name=no-token");
            http.post("/t/conversions", "smsclid=nothing&value=1");
            http.get("/r/NoSuch" + i);
            http.get("/v3/api-docs");
        }

        assertThat(http.cookie("SESSION")).as("no session cookie").isNull();
        assertThat(anonymousSessions()).as("sessions without a user").isEqualTo(before);
        this.jdbc.update(
                "delete from sign_in_throttle where subject in ('nobody-at-all') or subject like '2001:db8:5e55:%'");
    }

    @Test
    void afterSignInTheBrowserReturnsToThePageItAskedFor() {
        HttpFixture http = new HttpFixture(this.port);
        assertThat(http.get("/campaigns?status=DRAFT").statusCode()).isEqualTo(302);

        HttpResponse<String> signIn = http.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);

        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/campaigns?status=DRAFT");
    }

    @Test
    void cookiesAreSecureWhenTheProxyReportsTls() {
        HttpResponse<String> login = raw("/login", "X-Forwarded-Proto", "https");
        String csrfCookie = setCookie(login, "XSRF-TOKEN").orElseThrow();
        assertThat(csrfCookie).contains("; Secure", "HttpOnly");
        Matcher token = CSRF.matcher(login.body());
        assertThat(token.find()).isTrue();

        HttpResponse<String> signIn = rawPost("/login",
                "username=demo-marketer&password=" + HttpFixture.encode(PlatformIT.DEMO_PASSWORD) + "&_csrf="
                        + HttpFixture.encode(token.group(1)),
                "X-Forwarded-Proto", "https", "Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')));

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(setCookie(signIn, "SESSION").orElseThrow()).contains("; Secure", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void cookiesOverPlainHttpStayUsableForLocalUse() {
        HttpResponse<String> login = raw("/login");

        assertThat(setCookie(login, "XSRF-TOKEN").orElseThrow()).doesNotContain("Secure");
    }

    private long anonymousSessions() {
        return this.jdbc.queryForObject("select count(*) from spring_session where principal_name is null", Long.class);
    }

    private static Optional<String> setCookie(HttpResponse<String> response, String name) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter((cookie) -> cookie.startsWith(name + "=")).findFirst();
    }

    /** A request without a cookie jar: the test sets and reads cookies itself. */
    private HttpResponse<String> raw(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.GET().build());
    }

    private HttpResponse<String> rawPost(String path, String form, String... headers) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .timeout(Duration.ofSeconds(20))
            .headers(headers)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}

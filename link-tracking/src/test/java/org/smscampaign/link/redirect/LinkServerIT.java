package org.smscampaign.link.redirect;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.LinkTrackingIT;
import org.smscampaign.link.PlainLinkRequest;
import org.smscampaign.link.RawHttp;
import org.smscampaign.link.ShortLinkView;
import org.smscampaign.link.ShortLinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The redirector's own listener for link hosts, over real HTTP. */
@LinkTrackingIT
class LinkServerIT {

    static final String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/125.0.0.0 Mobile Safari/537.36";

    @Autowired
    LinkServer server;

    @Autowired
    ShortLinks links;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void noForwardedAddress() {
        RawHttp.fromClient(null);
    }

    private ShortLinkView link() {
        return this.links.create(
                new PlainLinkRequest("https://shop.example/sale", "link server", null, null, null, "autumn"), "test");
    }

    @Test
    void answersCodesAtTheRootOfAnyHostAndUnderThePrefix() {
        ShortLinkView link = link();
        RawHttp.fromClient("203.0.113.9");

        RawHttp.Response root = RawHttp.request(this.server.port(), "GET", "go.any-brand.example", "/" + link.code(),
                PHONE);
        RawHttp.Response prefixed = RawHttp.request(this.server.port(), "GET", "localhost", "/r/" + link.code(), PHONE);
        RawHttp.Response head = RawHttp.request(this.server.port(), "HEAD", "localhost", "/" + link.code(), PHONE);

        assertThat(root.status()).isEqualTo(302);
        assertThat(root.header("Location")).matches(
                "https://shop\\.example/sale\\?utm_source=sms&utm_medium=sms&utm_campaign=autumn&smsclid=[A-Za-z0-9_-]{22}");
        assertThat(root.header("Cache-Control")).isEqualTo("no-store");
        assertThat(prefixed.status()).isEqualTo(302);
        assertThat(head.status()).isEqualTo(302);
        assertThat(head.body()).isEmpty();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        long stored = 0;
        while (stored < 3 && Instant.now().isBefore(deadline)) {
            stored = this.jdbc.sql("select count(*) from link_click where link_id = :id")
                .param("id", link.id())
                .query(Long.class)
                .single();
        }
        assertThat(stored).as("every hit is recorded within 15 s").isEqualTo(3);
        assertThat(this.jdbc.sql("select client from link_click where link_id = :id limit 1")
            .param("id", link.id())
            .query(String.class)
            .single()).as("the peer's address, truncated; X-Forwarded-For is not trusted by default")
            .isEqualTo("127.0.0.0/24");
    }

    @Test
    void closesAConnectionWhoseHeadersTrickleInPastTheHeaderTimeout() throws Exception {
        // Issue 16: a byte every 500 ms never leaves a connection idle, yet it is closed
        // once
        // its headers are 10 s (the default) late.
        long started = System.nanoTime();
        boolean closed = false;
        try (Socket socket = new Socket("127.0.0.1", this.server.port())) {
            socket.setSoTimeout(500);
            socket.getOutputStream().write("GET /abc HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            while (!closed && System.nanoTime() - started < Duration.ofSeconds(15).toNanos()) {
                try {
                    socket.getOutputStream().write('X');
                    closed = socket.getInputStream().read() == -1;
                }
                catch (java.net.SocketTimeoutException ex) {
                    // still open: one more byte
                }
                catch (IOException ex) {
                    closed = true;
                }
            }
        }
        Duration after = Duration.ofNanos(System.nanoTime() - started);

        assertThat(closed).isTrue();
        assertThat(after).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(13));
    }

    @Test
    void answersPipelinedRequestsInTheirOrderWhileTheirLinksAreRead() throws IOException {
        // Neither link is in memory: each is read on a loader thread, the second possibly
        // sooner than the first.
        ShortLinkView first = this.links
            .create(new PlainLinkRequest("https://shop.example/first", "first", null, null, null, null), "test");
        ShortLinkView second = this.links
            .create(new PlainLinkRequest("https://shop.example/second", "second", null, null, null, null), "test");
        String requests = "GET /" + first.code() + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: " + PHONE + "\r\n\r\n"
                + "GET /" + second.code() + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: " + PHONE + "\r\n\r\n"
                + "GET /robots.txt HTTP/1.1\r\nHost: localhost\r\n\r\n";
        StringBuilder answers = new StringBuilder();
        try (Socket socket = new Socket("127.0.0.1", this.server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (!answers.toString().contains("Disallow")) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                answers.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
            }
        }

        String text = answers.toString();
        int firstAt = text.indexOf("https://shop.example/first");
        int secondAt = text.indexOf("https://shop.example/second");
        assertThat(firstAt).as("the first answer").isPositive();
        assertThat(secondAt).as("answered after the first").isGreaterThan(firstAt);
        assertThat(text.indexOf("Disallow")).as("robots.txt last").isGreaterThan(secondAt);
    }

    @Test
    void forbidsCrawlingAndRefusesWhatIsNoCodeWithoutEchoingIt() {
        assertThat(RawHttp.get(this.server.port(), "/robots.txt", PHONE).body()).contains("Disallow: /");
        for (String path : List.of("/", "/Zz9Zz9Z", "/" + "a".repeat(5000), "/%2e%2e%2fetc%2fpasswd",
                "/ab%0d%0aSet-Cookie:%20x=1", "/%F0%9F%98%80", "/%3Cscript%3Ealert(1)%3C/script%3E", "/actuator/health",
                "/login")) {
            RawHttp.Response response = RawHttp.get(this.server.port(), path, PHONE);
            assertThat(response.status()).as(path).isBetween(400, 499);
            assertThat(response.body()).as(path).doesNotContain("script>", "passwd", "Set-Cookie: x", "aaaaaaaaaa");
            assertThat(response.header("Set-Cookie")).as(path).isNull();
        }
        assertThat(RawHttp.request(this.server.port(), "POST", "localhost", "/Zz9Zz9Z", PHONE).status()).isEqualTo(405);
    }

}

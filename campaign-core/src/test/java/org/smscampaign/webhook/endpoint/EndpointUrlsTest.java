package org.smscampaign.webhook.endpoint;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.smscampaign.link.PublicHosts;
import org.smscampaign.webhook.WebhookProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointUrlsTest {

    /** DNS of the test: hooks.example.com is public, inside.example.com is private. */
    static InetAddress[] dns(String host) {
        try {
            return switch (host) {
                case "hooks.example.com" ->
                    new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 93, (byte) 184, (byte) 215, 14 }) };
                case "inside.example.com" ->
                    new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 10, 1, 2, 3 }) };
                default -> new InetAddress[0];
            };
        }
        catch (UnknownHostException ex) {
            throw new IllegalStateException(ex);
        }
    }

    final EndpointUrls strict = new EndpointUrls(new PublicHosts(EndpointUrlsTest::dns, Duration.ofSeconds(1)), false);

    final EndpointUrls loopbackAllowed = new EndpointUrls(new PublicHosts(EndpointUrlsTest::dns, Duration.ofSeconds(1)),
            true);

    @Test
    void httpsToAPublicHostIsAccepted() {
        assertThat(this.strict.check(" https://hooks.example.com/sms?x=1 "))
            .hasToString("https://hooks.example.com/sms?x=1");
        assertThat(this.strict.refusalBeforeSending("https://hooks.example.com/sms")).isNull();
    }

    @Test
    void plainHttpIsRefusedExceptToThisComputerWhenAllowed() {
        assertRefused(this.strict, "http://hooks.example.com/sms", "https://");
        assertRefused(this.loopbackAllowed, "http://hooks.example.com/sms", "https://");
        assertRefused(this.strict, "http://127.0.0.1:8080/hook", "https://");
        assertThat(this.loopbackAllowed.check("http://127.0.0.1:8080/hook")).hasToString("http://127.0.0.1:8080/hook");
        assertThat(this.loopbackAllowed.check("http://localhost:9/hook")).hasToString("http://localhost:9/hook");
    }

    @Test
    void internalAddressesAreRefusedInEverySpelling() {
        for (String url : new String[] { "https://127.0.0.1/", "https://0x7f000001/", "https://2130706433/",
                "https://127.1/", "https://localhost/", "https://169.254.169.254/latest/meta-data", "https://10.0.0.5/",
                "https://192.168.1.1/", "https://[::1]/", "https://[fd00::1]/", "https://[::ffff:10.0.0.1]/",
                "https://metadata.internal/", "https://inside.example.com/" }) {
            assertRefused(this.strict, url, "inside our network", "host");
        }
        assertRefused(this.loopbackAllowed, "https://169.254.169.254/", "inside our network");
        assertRefused(this.strict, "https://hooks/", "domain");
    }

    @Test
    void forgedAddressesAreRefused() {
        assertRefused(this.strict, "https://hooks.example.com@10.0.0.1/", "user name");
        assertRefused(this.strict, "https://user:pass@hooks.example.com/", "user name");
        assertRefused(this.strict, "https://hooks.example.com\\@10.0.0.1/", "backslashes");
        assertRefused(this.strict, "javascript:alert(1)", "https://");
        assertRefused(this.strict, "ftp://hooks.example.com/", "https://");
        assertRefused(this.strict, "https:///no-host", "host");
        assertRefused(this.strict, "https://hooks.example.com/a b", "spaces");
        assertRefused(this.strict, "", "Enter");
        assertRefused(this.strict, "https://hooks.example.com/" + "a".repeat(2000), "longer");
    }

    @Test
    void aNameUnknownToDnsMaySaveButIsNotSentTo() {
        assertThat(this.strict.check("https://not-yet.example.com/hook")).isNotNull();
        assertThat(this.strict.refusalBeforeSending("https://not-yet.example.com/hook")).contains("not known to DNS");
    }

    private static void assertRefused(EndpointUrls urls, String url, String... words) {
        assertThatThrownBy(() -> urls.check(url)).as(url)
            .isInstanceOfSatisfying(WebhookProblem.class,
                    (problem) -> assertThat(problem.kind()).isEqualTo(WebhookProblem.Kind.URL_REFUSED))
            .message()
            .containsAnyOf(words);
    }

}

package org.smscampaign.link.hosts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, defect 3: a brand's link host that recipients' phones cannot reach is told
 * apart from a public one, by address, by name and by what DNS answers.
 */
class LinkHostCheckTest {

    private static final Map<String, String> DNS = Map.of("go.brand.example", "93.184.215.14", "sneaky.example",
            "127.0.0.1", "office.example", "10.1.2.3");

    private final LinkHostCheck check = new LinkHostCheck(new TargetHosts(List.of("links.intranet")),
            LinkHostCheckTest::fakeDns, Duration.ofSeconds(2));

    private static InetAddress[] fakeDns(String host) {
        String address = DNS.get(host);
        try {
            return (address != null) ? new InetAddress[] { InetAddress.getByName(address) } : new InetAddress[0];
        }
        catch (UnknownHostException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void loopbackInEverySpelling() {
        for (String host : List.of("localhost", "LOCALHOST", "app.localhost", "127.0.0.1", "127.1", "0x7f000001",
                "[::1]")) {
            assertThat(this.check.check(host).reach()).as(host).isEqualTo(LinkHostCheck.Reach.LOOPBACK);
        }
    }

    @Test
    void privateLinkLocalAndInternalNames() {
        for (String host : List.of("10.0.0.5", "192.168.1.20", "172.16.4.4", "169.254.169.254", "[fd00::5]",
                "shop.internal", "printer.local")) {
            assertThat(this.check.check(host).reach()).as(host).isEqualTo(LinkHostCheck.Reach.INTERNAL);
        }
    }

    @Test
    void aNameWithoutADomain() {
        assertThat(this.check.check("shortlinks"))
            .isEqualTo(new LinkHostCheck.Finding(LinkHostCheck.Reach.SINGLE_LABEL, "shortlinks"));
    }

    @Test
    void aNameDnsDoesNotKnowOrThatResolvesInside() {
        assertThat(this.check.check("go.typo.invalid").reach()).isEqualTo(LinkHostCheck.Reach.UNRESOLVED);
        assertThat(this.check.check("sneaky.example"))
            .isEqualTo(new LinkHostCheck.Finding(LinkHostCheck.Reach.LOOPBACK, "sneaky.example (127.0.0.1)"));
        assertThat(this.check.check("office.example").reach()).isEqualTo(LinkHostCheck.Reach.INTERNAL);
    }

    @Test
    void publicHostsAndHostsAnAdminAllowed() {
        assertThat(this.check.check("go.brand.example").reach()).isEqualTo(LinkHostCheck.Reach.PUBLIC);
        assertThat(this.check.check("93.184.215.14").reach()).isEqualTo(LinkHostCheck.Reach.PUBLIC);
        assertThat(this.check.check("links.intranet").reach()).as("sms.link.allowed-internal-hosts")
            .isEqualTo(LinkHostCheck.Reach.PUBLIC);
    }

    @Test
    void aLookupThatHangsCountsAsUnresolvedWithinTheTimeout() {
        LinkHostCheck slow = new LinkHostCheck(new TargetHosts(List.of()), (host) -> {
            try {
                Thread.sleep(10_000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return new InetAddress[0];
        }, Duration.ofMillis(200));
        long started = System.nanoTime();
        assertThat(slow.check("go.slow.example").reach()).isEqualTo(LinkHostCheck.Reach.UNRESOLVED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

}

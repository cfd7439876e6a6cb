package org.smscampaign.link;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smscampaign.link.hosts.LinkHostCheck;
import org.smscampaign.link.hosts.TargetHosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, defect 3: what the preflight says about a brand's link address, in production
 * (an error with the fix) and in a local trial (a warning).
 */
class LinkAddressesTest {

    private static LinkAddresses addresses(boolean allowLocal) {
        return new LinkAddresses(null, new LinkHostCheck(new TargetHosts(List.of()), (host) -> {
            try {
                return host.equals("go.brand.example") ? new InetAddress[] { InetAddress.getByName("93.184.215.14") }
                        : new InetAddress[0];
            }
            catch (java.net.UnknownHostException ex) {
                throw new IllegalStateException(ex);
            }
        }, Duration.ofSeconds(2)), allowLocal);
    }

    private static BrandView brand(String baseUrl) {
        return new BrandView(7, "Acme", baseUrl, null, List.of(), List.of(), true);
    }

    @Test
    void aSampleLinkIsTheAddressAndACodeOfTheTrueLength() {
        LinkAddress address = addresses(false).of(brand("https://go.brand.example/"));
        assertThat(address.verdict()).isEqualTo(LinkAddress.Verdict.OK);
        assertThat(address.message()).isNull();
        assertThat(address.sampleLink()).startsWith("https://go.brand.example/")
            .hasSize("https://go.brand.example/".length() + ShortCodes.LENGTH);
    }

    @Test
    void localhostIsAnErrorThatSaysHowToFixIt() {
        LinkAddress address = addresses(false).of(brand("http://localhost:8080/r/"));
        assertThat(address.launchable()).isFalse();
        assertThat(address.message()).contains("localhost")
            .contains("http://localhost:8080/r/" + address.sampleLink().substring(24))
            .contains("only this computer can open them")
            .contains("Set the brand's link address in Admin → Link tracking");
    }

    @Test
    void privateSingleLabelAndUnknownNamesAreErrors() {
        assertThat(addresses(false).of(brand("https://10.0.0.5/")).message()).contains("10.0.0.5")
            .contains("private network");
        assertThat(addresses(false).of(brand("https://links/")).message()).contains("a name without a domain");
        LinkAddress unknown = addresses(false).of(brand("https://go.typo.invalid/"));
        assertThat(unknown.verdict()).isEqualTo(LinkAddress.Verdict.ERROR);
        assertThat(unknown.message()).contains("go.typo.invalid").contains("does not resolve");
    }

    @Test
    void aLocalTrialLaunchesWithAWarning() {
        LinkAddress address = addresses(true).of(brand("http://localhost:8080/r/"));
        assertThat(address.verdict()).isEqualTo(LinkAddress.Verdict.WARNING);
        assertThat(address.launchable()).isTrue();
        assertThat(address.message()).startsWith("Links point at localhost: only this computer can open them.");
    }

    @Test
    void plainHttpOnAPublicHostIsAWarning() {
        LinkAddress address = addresses(false).of(brand("http://go.brand.example/"));
        assertThat(address.verdict()).isEqualTo(LinkAddress.Verdict.WARNING);
        assertThat(address.message()).contains("http").contains("https address is recommended");
    }

}

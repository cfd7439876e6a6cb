package org.smscampaign.link;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.LinkTrackingIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 16, finding 4: a link's fallback skipped its brand's allowed domains, and links
 * were not checked again when a brand's rules changed.
 */
@LinkTrackingIT
class LinkTargetRulesIT {

    static final String PHONE = RedirectIT.PHONE;

    @LocalServerPort
    int port;

    @Autowired
    ShortLinks links;

    @Autowired
    Brands brands;

    @Autowired
    LinkOffences offences;

    @Autowired
    JdbcClient jdbc;

    BrandView brand;

    @BeforeEach
    void ownBrand() {
        long n = System.nanoTime();
        this.brand = this.brands.create("Rules " + n, "https://go" + n + ".example/", null, List.of(), List.of(),
                false);
        RawHttp.fromClient("198.51.100.201");
    }

    private ShortLinkView link(String target, String fallback) {
        return this.links.create(new PlainLinkRequest(target, "rules", this.brand.id(), null, fallback, null), "test");
    }

    @Test
    void aFallbackOffTheBrandsDomainsIsRefusedAtCreationAndOnEveryChange() {
        this.brands.updateRules(this.brand.id(), null, List.of("shop.example"));

        for (String fallback : List.of("https://evil.example/", "http://169.254.169.254/latest/meta-data/",
                "http://0x7f000001:8082/actuator")) {
            assertThatExceptionOfType(LinkProblem.class).isThrownBy(() -> link("https://shop.example/sale", fallback))
                .withMessageStartingWith("Fallback: ");
        }
        ShortLinkView link = link("https://shop.example/sale", "https://www.shop.example/more");
        for (String fallback : List.of("https://evil.example/", "http://[::ffff:169.254.169.254]/")) {
            assertThatExceptionOfType(LinkProblem.class)
                .isThrownBy(() -> this.links.update(link.id(), new LinkUpdate(null, null, fallback)));
        }
        assertThatExceptionOfType(LinkProblem.class)
            .isThrownBy(() -> this.links.update(link.id(), new LinkUpdate("https://evil.example/", null)));
        assertThat(this.links.get(link.id()).fallbackUrl()).isEqualTo("https://www.shop.example/more");
        assertThatExceptionOfType(LinkProblem.class).isThrownBy(
                () -> this.brands.updateRules(this.brand.id(), "https://evil.example/", List.of("shop.example")));

        ShortLinkView ended = this.links.update(link.id(),
                new LinkUpdate(null, Instant.EPOCH, "https://shop.example/other-offers"));
        assertThat(ended.fallbackUrl()).isEqualTo("https://shop.example/other-offers");
        assertThat(RawHttp.get(this.port, "/r/" + link.code(), PHONE).header("Location"))
            .isEqualTo("https://shop.example/other-offers");
    }

    @Test
    void linksThatBreakANewRuleAreListedKeepRedirectingAndAreDisabledOnlyOnRequest() {
        ShortLinkView away = link("https://old.example/sale", null);
        ShortLinkView awayToo = link("https://old.example/sale", null);
        ShortLinkView fallsAway = link("https://shop.example/sale", "https://old.example/");
        ShortLinkView fine = link("https://shop.example/fine", null);

        int offenders = this.brands.updateRules(this.brand.id(), null, List.of("shop.example"));

        assertThat(offenders).isEqualTo(3);
        List<LinkOffenceView> listed = this.offences.of(this.brand.id(), 50);
        assertThat(listed).extracting(LinkOffenceView::field, LinkOffenceView::links)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("TARGET", 2L),
                    org.assertj.core.groups.Tuple.tuple("FALLBACK", 1L));
        assertThat(listed.get(0).url()).startsWith("https://old.example/sale");
        assertThat(listed.get(0).reason()).contains("shop.example");
        assertThat(status(away)).as("listed, still redirecting").isEqualTo(302);

        assertThat(this.offences.disable(this.brand.id())).isEqualTo(3);
        assertThat(statusWithin2s(away, (status) -> status == 410)).isEqualTo(410);
        assertThat(RawHttp.get(this.port, "/r/" + away.code(), PHONE).body()).contains("This link has been disabled");
        assertThat(status(fine)).isEqualTo(302);

        this.links.update(awayToo.id(), new LinkUpdate("https://shop.example/sale", null));
        assertThat(statusWithin2s(awayToo, (status) -> status == 302)).as("passes again after a fix").isEqualTo(302);
        assertThat(this.offences.of(this.brand.id(), 50)).extracting(LinkOffenceView::links).containsExactly(1L, 1L);

        assertThat(this.brands.updateRules(this.brand.id(), null, List.of("shop.example", "old.example"))).isZero();
        assertThat(this.offences.of(this.brand.id(), 50)).isEmpty();
        assertThat(statusWithin2s(away, (status) -> status == 302)).as("allowed again").isEqualTo(302);
        assertThat(this.links.get(fallsAway.id()).disabledAt()).isNull();
    }

    @Test
    void linksMadeBeforeTheseChecksAreCheckedOnceAfterTheUpgrade() {
        ShortLinkView legacy = link("https://shop.example/x", null);
        this.jdbc.sql("update short_link set target_url = 'http://127.0.0.1:8082/actuator/env' where id = :id")
            .param("id", legacy.id())
            .update();
        this.jdbc.sql("update link_brand set links_checked_at = null where id = :id")
            .param("id", this.brand.id())
            .update();

        this.offences.recheckPending();

        assertThat(this.offences.of(this.brand.id(), 50)).singleElement()
            .satisfies((offence) -> assertThat(offence.reason()).contains("internal"));
        assertThat(this.jdbc.sql("select links_checked_at from link_brand where id = :id")
            .param("id", this.brand.id())
            .query(Instant.class)
            .single()).isNotNull();
    }

    private int status(ShortLinkView link) {
        return RawHttp.get(this.port, "/r/" + link.code(), PHONE).status();
    }

    private int statusWithin2s(ShortLinkView link, IntPredicate expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        int status;
        do {
            status = status(link);
            if (expected.test(status)) {
                return status;
            }
            Thread.onSpinWait();
        }
        while (Instant.now().isBefore(deadline));
        return status;
    }

}

package org.smscampaign.link;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smscampaign.LinkTrackingIT;
import org.smscampaign.link.click.ClickTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The redirector over real HTTP, and what it records of each hit. */
@LinkTrackingIT
class RedirectIT {

    static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    static final String IMESSAGE = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like "
            + "Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0";

    @LocalServerPort
    int port;

    @Autowired
    ClickTokens tokens;

    @Autowired
    ShortLinks links;

    @Autowired
    Brands brands;

    @Autowired
    LinkDeliveries deliveries;

    @Autowired
    JdbcClient jdbc;

    private static int nextClient = 10;

    /**
     * Each test comes from its own address, so that one test's hits are no burst for
     * another.
     */
    @org.junit.jupiter.api.BeforeEach
    void ownClientAddress() {
        RawHttp.fromClient("198.51.100." + (nextClient++));
    }

    private ShortLinkView plainLink(String target) {
        return this.links.create(new PlainLinkRequest(target, "test", null, null, null, "spring"), "test");
    }

    private MintedLink recipientLink(long messageId) {
        return this.links
            .mint(List.of(new RecipientLinkRequest("https://shop.example/sale", null, 42, 1000 + messageId, "A",
                    messageId, "summer", 7)))
            .get(0);
    }

    /**
     * The hits of a link once the writer has stored the expected number (within 15 s).
     */
    private List<Map<String, Object>> hitsOf(long linkId, int expected) {
        // Hits are written in batches: on a busy machine a flush may take seconds.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        List<Map<String, Object>> rows;
        do {
            rows = this.jdbc.sql("select * from link_click where link_id = :id order by id")
                .param("id", linkId)
                .query()
                .listOfRows();
            if (rows.size() >= expected) {
                return rows;
            }
            sleep(20);
        }
        while (Instant.now().isBefore(deadline));
        throw new AssertionError(
                "Expected " + expected + " hits of link " + linkId + " within 15 s, found " + rows.size());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aShortLinkRedirectsToItsTargetWithUtmAndClickIdAndTheHitIsRecorded() {
        ShortLinkView link = plainLink("https://shop.example/sale#top");
        assertThat(link.shortUrl()).isEqualTo("http://localhost/r/" + link.code());

        RawHttp.Response get = RawHttp.get(this.port, "/r/" + link.code(), PHONE);
        RawHttp.Response head = RawHttp.request(this.port, "HEAD", "localhost", "/r/" + link.code(), PHONE);

        assertThat(get.status()).isEqualTo(302);
        assertThat(get.header("Location")).matches(
                "https://shop\\.example/sale\\?utm_source=sms&utm_medium=sms&utm_campaign=spring&smsclid=[A-Za-z0-9_-]{22}#top");
        assertThat(get.header("Cache-Control")).isEqualTo("no-store");
        assertThat(head.status()).isEqualTo(302);
        List<Map<String, Object>> hits = hitsOf(link.id(), 2);
        assertThat(hits.get(0)).containsEntry("method", "GET")
            .containsEntry("human", true)
            .containsEntry("first_hit", true)
            .containsEntry("client", "198.51.100.0/24");
        assertThat(String.valueOf(hits.get(0).get("id"))).isEqualTo(String
            .valueOf(this.tokens.verify(get.header("Location").replaceAll(".*smsclid=([A-Za-z0-9_-]+).*", "$1"))
                .orElseThrow()));
        assertThat(hits.get(1)).containsEntry("method", "HEAD")
            .containsEntry("human", false)
            .containsEntry("reason", "HEAD_REQUEST")
            .containsEntry("first_hit", false);
    }

    @Test
    void manyRecipientLinksAreMintedAtOnceWithUniqueCodesAndRedirect() {
        List<RecipientLinkRequest> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            requests.add(new RecipientLinkRequest("https://shop.example/launch", null, 77, 5000 + i, "B", 9000L + i,
                    "launch", 3));
        }

        List<MintedLink> minted = this.links.mint(requests);

        assertThat(minted).hasSize(250);
        assertThat(minted.stream().map(MintedLink::code).distinct()).hasSize(250);
        assertThat(minted).allMatch((link) -> link.shortUrl().equals("http://localhost/r/" + link.code()));
        ShortLinkView stored = this.links.get(minted.get(42).id());
        assertThat(stored.contactId()).isEqualTo(5042L);
        assertThat(stored.messageId()).isEqualTo(9042L);
        assertThat(stored.attributionDays()).isEqualTo(3);
        assertThat(stored.targetUrl()).contains("utm_campaign=launch").contains("utm_content=B");
        RawHttp.Response hit = RawHttp.get(this.port, "/r/" + minted.get(42).code(), PHONE);
        assertThat(hit.status()).isEqualTo(302);
        assertThat(hit.header("Location")).startsWith("https://shop.example/launch?");
    }

    @Test
    void brandedHostsAnswerAtTheRootAndForbidCrawling() {
        this.brands.create("Test brand " + System.nanoTime(), "https://go" + System.nanoTime() % 100000 + ".test/",
                null, List.of(), List.of("go.brand-test.example"), false);
        ShortLinkView link = plainLink("https://shop.example/");

        assertThat(RawHttp.request(this.port, "GET", "go.brand-test.example", "/" + link.code(), PHONE).status())
            .isEqualTo(302);
        RawHttp.Response robots = RawHttp.request(this.port, "GET", "go.brand-test.example", "/robots.txt", PHONE);
        assertThat(robots.body()).contains("Disallow: /");
        assertThat(RawHttp.request(this.port, "GET", "localhost", "/" + link.code(), PHONE).status())
            .as("the root of other hosts is not the redirector")
            .isNotEqualTo(302);
    }

    @Test
    void unknownAndMalformedCodesGetTheNotFoundPageAndAreNeverEchoed() {
        for (String path : List.of("/r/Zz9Zz9Z", "/r/" + "a".repeat(5000), "/r/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/r/ab%0d%0aSet-Cookie:%20x=1", "/r/%F0%9F%98%80", "/r/%3Cscript%3Ealert(1)%3C/script%3E",
                "/r/..;/actuator", "/r/")) {
            RawHttp.Response response = RawHttp.get(this.port, path, PHONE);
            assertThat(response.status()).as(path).isBetween(400, 499);
            assertThat(response.body()).as(path)
                .doesNotContain("script>alert", "passwd", "Set-Cookie: x", "aaaaaaaaaa");
            assertThat(response.headers()).as(path).doesNotContainKey("set-cookie");
        }
        RawHttp.Response unknown = RawHttp.get(this.port, "/r/Zz9Zz9Z", PHONE);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("This link does not exist");
        assertThat(RawHttp.request(this.port, "POST", "localhost", "/r/Zz9Zz9Z", PHONE).status()).isEqualTo(405);
    }

    @Test
    void expiredLinksGoToTheirFallbackOrAreNotFound() {
        ShortLinkView withFallback = plainLink("https://shop.example/old-sale");
        ShortLinkView without = plainLink("https://shop.example/gone");
        this.jdbc
            .sql("update short_link set expires_at = now() - interval '1 minute', fallback_url = "
                    + "'https://shop.example/' where id = :id")
            .param("id", withFallback.id())
            .update();
        this.jdbc.sql("update short_link set expires_at = now() - interval '1 minute' where id = :id")
            .param("id", without.id())
            .update();

        RawHttp.Response fallback = RawHttp.get(this.port, "/r/" + withFallback.code(), PHONE);
        assertThat(fallback.status()).isEqualTo(302);
        assertThat(fallback.header("Location")).isEqualTo("https://shop.example/");
        assertThat(RawHttp.get(this.port, "/r/" + without.code(), PHONE).status()).isEqualTo(404);
    }

    /** The Location of a redirect once it starts with the expected text (within 15 s). */
    private String locationWithin2s(String code, String expectedStart) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String location;
        do {
            RawHttp.Response response = RawHttp.get(this.port, "/r/" + code, PHONE);
            location = (response.status() == 302) ? response.header("Location") : "status " + response.status();
            if (location.startsWith(expectedStart)) {
                return location;
            }
            sleep(20);
        }
        while (Instant.now().isBefore(deadline));
        throw new AssertionError("Still redirecting to " + location + " 2 s after the change");
    }

    @Test
    void aChangedDestinationIsFollowedAtOnceThoughTheLinkWasCached() {
        ShortLinkView link = plainLink("https://shop.example/sael");
        assertThat(RawHttp.get(this.port, "/r/" + link.code(), PHONE).header("Location"))
            .startsWith("https://shop.example/sael?");

        ShortLinkView changed = this.links.update(link.id(), new LinkUpdate("https://shop.example/sale", null));

        assertThat(changed.targetUrl()).isEqualTo("https://shop.example/sale?utm_source=sms&utm_medium=sms");
        assertThat(locationWithin2s(link.code(), "https://shop.example/sale?")).contains("smsclid=");
        assertThatExceptionOfType(LinkProblem.class)
            .isThrownBy(() -> this.links.update(link.id(), new LinkUpdate("javascript:alert(1)", null)));
        assertThat(this.links.get(link.id()).targetUrl()).isEqualTo(changed.targetUrl());
    }

    @Test
    void aLinkEndedNowGoesToItsBrandsFallbackAndFollowsTheBrandsRules() {
        ShortLinkView link = plainLink("https://shop.example/flash-sale");
        BrandView brand = this.brands.defaultBrand();
        assertThat(RawHttp.get(this.port, "/r/" + link.code(), PHONE).status()).isEqualTo(302);

        this.links.update(link.id(), new LinkUpdate(null, Instant.EPOCH));
        assertThat(this.links.get(link.id()).expiresAt()).isBeforeOrEqualTo(Instant.now());
        assertThat(locationWithin2s(link.code(), "status 404")).isEqualTo("status 404");

        try {
            this.brands.updateRules(brand.id(), "https://shop.example/other-offers", brand.allowedTargetDomains());
            assertThat(locationWithin2s(link.code(), "https://shop.example/other-offers"))
                .isEqualTo("https://shop.example/other-offers");
        }
        finally {
            this.brands.updateRules(brand.id(), brand.fallbackUrl(), brand.allowedTargetDomains());
        }
    }

    @Test
    void invalidTargetsAreRefusedWhenTheLinkIsCreated() {
        for (String target : List.of("javascript:alert(1)", "data:text/html,x", "https://a:b@shop.example/")) {
            assertThatExceptionOfType(LinkProblem.class).isThrownBy(() -> plainLink(target));
        }
    }

    @Test
    void previewsBotsEmptyAgentsAndRepeatsAreFlaggedWithTheirReason() {
        MintedLink link = recipientLink(900_001);

        RawHttp.get(this.port, "/r/" + link.code(), IMESSAGE);
        RawHttp.get(this.port, "/r/" + link.code(), "WhatsApp/2.23.20.0 A");
        RawHttp.get(this.port, "/r/" + link.code(), "curl/8.4.0");
        RawHttp.get(this.port, "/r/" + link.code(), null);
        RawHttp.get(this.port, "/r/" + link.code(), PHONE);
        RawHttp.get(this.port, "/r/" + link.code(), PHONE);

        List<Map<String, Object>> hits = hitsOf(link.id(), 6);
        assertThat(hits).extracting((hit) -> hit.get("reason"))
            .containsExactly("PREVIEW", "PREVIEW", "BOT", "EMPTY_USER_AGENT", null, null);
        assertThat(hits).extracting((hit) -> hit.get("first_hit"))
            .containsExactly(true, false, false, false, false, false);
        assertThat(this.links.get((Long) hits.get(4).get("link_id"))).as("the hit's attribution, by its link")
            .extracting(ShortLinkView::campaignId, ShortLinkView::variant)
            .containsExactly(42L, "A");
        LinkStats stats = this.links.statsOfLink(link.id());
        assertThat(stats.hits()).isEqualTo(6);
        assertThat(stats.humanHits()).isEqualTo(2);
        assertThat(stats.humanLinks()).isEqualTo(1);
        assertThat(stats.excluded()).containsEntry(ClickReason.PREVIEW, 2L)
            .containsEntry(ClickReason.BOT, 1L)
            .containsEntry(ClickReason.EMPTY_USER_AGENT, 1L);
    }

    @Test
    void hitsBeforeOrSecondsAfterDeliveryAreNotPeople() {
        MintedLink early = recipientLink(900_002);
        RawHttp.get(this.port, "/r/" + early.code(), PHONE);
        hitsOf(early.id(), 1);
        this.deliveries.delivered(900_002, Instant.now().plusSeconds(1), null);
        assertThat(hitsOf(early.id(), 1).get(0)).containsEntry("human", false)
            .containsEntry("reason", "BEFORE_DELIVERY");

        MintedLink near = recipientLink(900_003);
        this.deliveries.delivered(900_003, Instant.now(), null);
        RawHttp.get(this.port, "/r/" + near.code(), PHONE);
        assertThat(hitsOf(near.id(), 1).get(0)).containsEntry("reason", "NEAR_DELIVERY");

        MintedLink read = recipientLink(900_004);
        this.deliveries.delivered(900_004, Instant.now().minusSeconds(60), null);
        RawHttp.get(this.port, "/r/" + read.code(), PHONE);
        assertThat(hitsOf(read.id(), 1).get(0)).containsEntry("human", true);
    }

    @Test
    void manyDifferentLinksFromOneAddressWithinSecondsAreAScannerBurst() {
        List<MintedLink> minted = this.links.mint(java.util.stream.IntStream.range(0, 6)
            .mapToObj((i) -> new RecipientLinkRequest("https://shop.example/", null, 43, 2000 + i, "A", null, "x", 7))
            .toList());

        minted.forEach((link) -> RawHttp.get(this.port, "/r/" + link.code(), PHONE));
        minted.forEach((link) -> hitsOf(link.id(), 1));

        // The first hits of a burst are marked once the burst shows: wait for the marks.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        List<Object> reasons = minted.stream().map((link) -> hitsOf(link.id(), 1).get(0).get("reason")).toList();
        while (!reasons.stream().allMatch("BURST"::equals) && Instant.now().isBefore(deadline)) {
            sleep(20);
            reasons = minted.stream().map((link) -> hitsOf(link.id(), 1).get(0).get("reason")).toList();
        }
        assertThat(reasons).containsOnly("BURST");
    }

}

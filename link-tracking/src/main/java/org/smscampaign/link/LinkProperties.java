package org.smscampaign.link;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of link tracking.
 *
 * @param defaultBaseUrl base URL of the brand created when there is none; short links are
 * this plus a code, e.g. {@code https://go.brand.example/}
 * @param redirectStatus 302 (default), 301, 307 or 308
 * @param clientStorage how a visitor's IP address is stored: TRUNCATED (/24 or /48),
 * HASHED (HMAC-SHA256 with {@code ipHashKey}) or NONE; the full address is never stored
 * @param ipHashKey secret key for HASHED ({@code SMS_LINK_IP_HASH_KEY})
 * @param clickIdParameter query parameter that carries the click id to the landing page
 * (empty: none), for conversions reported from the browser
 * @param attributionDays default attribution window of links that do not set their own
 * @param utm whether UTM parameters are appended to targets that have none
 * @param server the redirector's own listener for link hosts
 * @param clickIdKey secret key of the click-id tags ({@code SMS_LINK_CLICK_ID_KEY}, at
 * least 32 characters, the same on every instance); empty: a random key kept in the
 * database
 * @param browserConversions what the landing-page script may report
 * @param allowedInternalHosts hosts that links may point to although they are internal
 * (loopback, private, link-local or reserved addresses, single-label or .internal-style
 * names, all refused by default): names or addresses, matched exactly
 * @param allowLocalLinkHosts whether a campaign may launch although its brand's short
 * links point at a host recipients cannot reach (localhost, a private address, a name
 * without a domain or that does not resolve): a warning instead of an error, for a trial
 * on one computer (the demo profile); off in production
 */
@ConfigurationProperties("sms.link")
public record LinkProperties(@DefaultValue("http://localhost:8080/r/") String defaultBaseUrl,
        @DefaultValue("302") int redirectStatus, @DefaultValue("TRUNCATED") ClientStorage clientStorage,
        String ipHashKey, @DefaultValue("smsclid") String clickIdParameter, @DefaultValue("7") int attributionDays,
        @DefaultValue("true") boolean utm, @DefaultValue Cache cache, @DefaultValue Buffer buffer,
        @DefaultValue Classification classification, @DefaultValue Misses misses, @DefaultValue Server server,
        String clickIdKey, @DefaultValue BrowserConversions browserConversions, List<String> allowedInternalHosts,
        @DefaultValue("false") boolean allowLocalLinkHosts) {

    public LinkProperties {
        allowedInternalHosts = (allowedInternalHosts != null) ? List.copyOf(allowedInternalHosts) : List.of();
        if (defaultBaseUrl != null) {
            // derived from a public address that ends in a slash:
            // https://sms.example.com//r/
            defaultBaseUrl = defaultBaseUrl.replaceFirst("(?<!:)//r/$", "/r/");
        }
        if (clickIdKey != null && !clickIdKey.isBlank() && clickIdKey.length() < 32) {
            throw new IllegalArgumentException("sms.link.click-id-key needs at least 32 characters");
        }
    }

    /** How IP addresses are kept. */
    public enum ClientStorage {

        TRUNCATED, HASHED, NONE

    }

    /**
     * @param maximumSize links held in memory for redirects
     * @param timeToLive how long a cached link is trusted before it is read again (edits
     * of a link reach every instance within this time)
     * @param deliveredLinks how long the link of a message just delivered is held in
     * memory before anyone taps it (every instance reads them each second, so a
     * recipient's first tap is answered from memory); 0 turns this off
     */
    public record Cache(@DefaultValue("1000000") long maximumSize, @DefaultValue("5m") Duration timeToLive,
            @DefaultValue("15m") Duration deliveredLinks) {

    }

    /**
     * @param capacity hits held in memory waiting to be written; past it hits are dropped
     * and counted ({@code sms_link_clicks_dropped_total}), never an out-of-memory error
     * @param batchSize most hits written per transaction; each batch costs a few lookups,
     * a COPY and a commit, so at 5,000 a saturated redirector (100,000 hits/s on two
     * cores) outran the writer and filled the buffer, at 20,000 it keeps up
     * @param flushInterval longest time a hit waits before it is written
     * @param maxWait while the writer is writing (the database up), a redirect whose hit
     * finds the buffer full waits up to this long for room instead of dropping it: the
     * redirector slows down to the writer's pace and no hit is lost. While the writer
     * cannot write (the database away), a hit finding the buffer full is dropped at once
     * and counted: redirects stay fast and memory bounded
     */
    public record Buffer(@DefaultValue("200000") int capacity, @DefaultValue("20000") int batchSize,
            @DefaultValue("200ms") Duration flushInterval, @DefaultValue("5s") Duration maxWait) {

    }

    /**
     * @param nearDelivery a hit this soon after the delivery receipt is not a person
     * reading
     * @param burstLinks this many different links hit from one address within
     * {@code burstWindow} is a scanner
     * @param yauaa whether user agents are asked of the Yauaa analyzer (about 126 MB of
     * heap, built in about 3 s at start)
     * @param isbot whether user agents are matched against isbot's crawler patterns
     */
    public record Classification(@DefaultValue("5s") Duration nearDelivery, @DefaultValue("5") int burstLinks,
            @DefaultValue("10s") Duration burstWindow, @DefaultValue("true") boolean yauaa,
            @DefaultValue("true") boolean isbot) {

    }

    /**
     * @param port where link hosts' traffic is answered (-1: no own listener; link hosts
     * are then answered on the application's port; 0: any free port)
     * @param address the interface it listens on
     * @param threads threads of its event loop (0: one per core)
     * @param forwardedFor take the client's address from the last entry of
     * X-Forwarded-For (only behind a proxy that sets it)
     * @param headerTimeout the time a connection has to send a request's headers, from
     * its opening or from the end of its previous request; then it is closed (slow or
     * idle clients hold no connection for longer)
     */
    public record Server(@DefaultValue("8081") int port, @DefaultValue("0.0.0.0") String address,
            @DefaultValue("0") int threads, @DefaultValue("false") boolean forwardedFor,
            @DefaultValue("10s") Duration headerTimeout) {

    }

    /**
     * @param perMinute unknown codes a client may try per minute before it gets 429
     */
    public record Misses(@DefaultValue("60") int perMinute) {

    }

    /**
     * Conversions reported from the browser ({@code /t/conversions}): unauthenticated, so
     * kept apart as unverified and bounded.
     *
     * @param currencies currencies accepted besides the reporting currency
     * ({@code sms.money.currency})
     * @param maxValue largest value accepted, in the currency reported
     * @param perMinute reports one address may send per minute before it gets 429
     */
    public record BrowserConversions(@DefaultValue List<String> currencies,
            @DefaultValue("10000") java.math.BigDecimal maxValue, @DefaultValue("20") int perMinute) {

    }

}

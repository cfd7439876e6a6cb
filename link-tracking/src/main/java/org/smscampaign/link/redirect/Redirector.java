package org.smscampaign.link.redirect;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.link.LinkProperties;
import org.smscampaign.link.ShortCodes;
import org.smscampaign.link.click.ClickBuffer;
import org.smscampaign.link.click.ClickIds;
import org.smscampaign.link.click.ClickTokens;
import org.smscampaign.link.click.Hit;

import org.springframework.stereotype.Component;

/**
 * The redirector's decision for one hit, whichever server received it: the link from the
 * cache, the hit handed to the click buffer (no database write on this path), and the
 * answer. Unknown or expired codes get the small 404 page; too many of them from one
 * client get 429. The request is never echoed.
 */
@Component
class Redirector {

    private static final Logger log = LoggerFactory.getLogger(Redirector.class);

    private final LinkCache links;

    private final ClickBuffer clicks;

    private final ClickIds ids;

    private final ClickTokens tokens;

    private final MissLimiter misses;

    private final int status;

    private final Counter redirects;

    private final Counter unknown;

    private final Counter limited;

    Redirector(LinkCache links, ClickBuffer clicks, ClickIds ids, ClickTokens tokens, MissLimiter misses,
            LinkProperties properties, MeterRegistry meters) {
        int status = properties.redirectStatus();
        if (status != 301 && status != 302 && status != 307 && status != 308) {
            throw new IllegalStateException("sms.link.redirect-status must be 301, 302, 307 or 308, not " + status);
        }
        this.links = links;
        this.clicks = clicks;
        this.ids = ids;
        this.tokens = tokens;
        this.misses = misses;
        this.status = status;
        this.redirects = Counter.builder("sms.link.redirects").register(meters);
        this.unknown = Counter.builder("sms.link.unknown.codes").register(meters);
        this.limited = Counter.builder("sms.link.rate.limited").register(meters);
    }

    /**
     * The answer to a request for a code: done at once when the link is in memory, later
     * when it has to be read (the caller need not wait for it on its own thread).
     * @param method the HTTP method
     * @param code the path after the prefix, as received (not yet known to be a code)
     * @param client the client's address (rate limits; stored only truncated or hashed)
     */
    CompletableFuture<Answer> answer(String method, String code, String userAgent, String referrer, String client) {
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            return CompletableFuture.completedFuture(Answer.METHOD_NOT_ALLOWED);
        }
        long now = System.currentTimeMillis(); // the hit's time is its arrival
        CompletableFuture<Optional<LinkTarget>> lookup = ShortCodes.looksValid(code) ? this.links.get(code)
                : CompletableFuture.completedFuture(Optional.empty());
        return lookup.handle((found, failure) -> {
            if (failure != null) {
                log.warn("Link lookup failed: {}", failure.getMessage());
                return Answer.UNAVAILABLE;
            }
            return answer(found, now, head, userAgent, referrer, client);
        });
    }

    private Answer answer(Optional<LinkTarget> found, long now, boolean head, String userAgent, String referrer,
            String client) {
        String location = null;
        if (found.isPresent()) {
            LinkTarget target = found.get();
            if (target.disabled()) {
                return Answer.DISABLED;
            }
            if (target.expiredAt(now)) {
                location = target.fallbackUrl();
            }
            else {
                long clickId = this.ids.next();
                location = target.location(clickId, this.tokens);
                this.clicks.offer(new Hit(clickId, target.linkId(), now, head, userAgent, client, referrer,
                        target.campaignId(), target.contactId(), target.variant(), target.messageId()));
            }
        }
        if (location == null) {
            this.unknown.increment();
            if (!this.misses.tryMiss(client)) {
                this.limited.increment();
                return Answer.TOO_MANY_MISSES;
            }
            return Answer.NOT_FOUND;
        }
        this.redirects.increment();
        return Answer.redirect(this.status, location);
    }

}

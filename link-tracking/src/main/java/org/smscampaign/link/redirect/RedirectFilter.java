package org.smscampaign.link.redirect;

import java.io.IOException;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.link.Brands;
import org.smscampaign.link.LinkProperties;
import org.smscampaign.link.ShortCodes;
import org.smscampaign.link.click.ClickBuffer;
import org.smscampaign.link.click.ClickIds;
import org.smscampaign.link.click.Hit;

/**
 * The redirector, as the first servlet filter: short links on branded hosts
 * ({@code go.brand.example/Ab3xK9q}) and under {@code /r/} on any host. Answers from the
 * link cache, hands the hit to the click buffer and returns: no database write, no
 * security chain, no MVC on this path. Unknown or expired codes get a small 404 page; too
 * many unknown codes from one address get 429. The request is never echoed.
 */
class RedirectFilter implements Filter {

    static final String PREFIX = "/r/";

    private static final Logger log = LoggerFactory.getLogger(RedirectFilter.class);

    private final LinkCache links;

    private final Brands brands;

    private final ClickBuffer clicks;

    private final ClickIds ids;

    private final MissLimiter misses;

    private final int status;

    private final Counter redirects;

    private final Counter unknown;

    private final Counter limited;

    RedirectFilter(LinkCache links, Brands brands, ClickBuffer clicks, ClickIds ids, MissLimiter misses,
            LinkProperties properties, MeterRegistry meters) {
        this.links = links;
        this.brands = brands;
        this.clicks = clicks;
        this.ids = ids;
        this.misses = misses;
        this.status = properties.redirectStatus();
        this.redirects = Counter.builder("sms.link.redirects").register(meters);
        this.unknown = Counter.builder("sms.link.unknown.codes").register(meters);
        this.limited = Counter.builder("sms.link.rate.limited").register(meters);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String path = request.getRequestURI();
        String code;
        if (path.startsWith(PREFIX)) {
            code = path.substring(PREFIX.length());
        }
        else if (path.length() > 1 && this.brands.isLinkHost(request.getServerName())) {
            if (path.equals("/robots.txt")) {
                write((HttpServletResponse) res, 200, "text/plain", NotFoundPage.ROBOTS, request);
                return;
            }
            code = path.substring(1);
        }
        else {
            chain.doFilter(req, res);
            return;
        }
        redirect(request, (HttpServletResponse) res, code);
    }

    private void redirect(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            response.setStatus(405);
            return;
        }
        Optional<LinkTarget> found;
        try {
            found = ShortCodes.looksValid(code) ? this.links.get(code) : Optional.empty();
        }
        catch (RuntimeException ex) {
            log.warn("Link lookup failed: {}", ex.getMessage());
            response.setHeader("Retry-After", "5");
            response.setStatus(503);
            return;
        }
        long now = System.currentTimeMillis();
        String location = null;
        if (found.isPresent()) {
            LinkTarget target = found.get();
            if (target.expiredAt(now)) {
                location = target.fallbackUrl();
            }
            else {
                long clickId = this.ids.next();
                location = target.location(clickId);
                this.clicks.offer(new Hit(clickId, target.linkId(), now, head, request.getHeader("User-Agent"),
                        request.getRemoteAddr(), request.getHeader("Referer"), target.campaignId(), target.contactId(),
                        target.variant(), target.messageId()));
            }
        }
        if (location == null) {
            notFound(request, response);
            return;
        }
        this.redirects.increment();
        response.setStatus(this.status);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(0);
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        this.unknown.increment();
        if (!this.misses.tryMiss(request.getRemoteAddr())) {
            this.limited.increment();
            response.setHeader("Retry-After", "60");
            response.setStatus(429);
            response.setContentLength(0);
            return;
        }
        write(response, 404, "text/html;charset=UTF-8", NotFoundPage.HTML, request);
    }

    private static void write(HttpServletResponse response, int status, String type, byte[] body,
            HttpServletRequest request) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

}

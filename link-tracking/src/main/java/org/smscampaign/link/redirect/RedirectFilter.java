package org.smscampaign.link.redirect;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.smscampaign.link.Brands;

/**
 * The redirector on the application's own port, as the first servlet filter: short links
 * on branded hosts ({@code go.brand.example/Ab3xK9q}) and under {@code /r/} on any host.
 * No security chain and no MVC on this path. (Production traffic of link hosts is best
 * sent to the dedicated {@link LinkServer}.)
 */
class RedirectFilter implements Filter {

    static final String PREFIX = "/r/";

    private final Redirector redirector;

    private final Brands brands;

    RedirectFilter(Redirector redirector, Brands brands) {
        this.redirector = redirector;
        this.brands = brands;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String path = request.getRequestURI();
        Answer answer;
        if (path.startsWith(PREFIX)) {
            answer = answer(request, path.substring(PREFIX.length()));
        }
        else if (path.length() > 1 && this.brands.isLinkHost(request.getServerName())) {
            answer = path.equals("/robots.txt") ? Answer.ROBOTS : answer(request, path.substring(1));
        }
        else {
            chain.doFilter(req, res);
            return;
        }
        write(answer, request, (HttpServletResponse) res);
    }

    /** On a servlet thread, which may wait for a link to be read. */
    private Answer answer(HttpServletRequest request, String code) {
        return this.redirector
            .answer(request.getMethod(), code, request.getHeader("User-Agent"), request.getHeader("Referer"),
                    request.getRemoteAddr())
            .join();
    }

    private static void write(Answer answer, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setStatus(answer.status());
        response.setHeader("Cache-Control", "no-store");
        if (answer.isRedirect()) {
            response.setHeader("Location", answer.location());
        }
        if (answer.retryAfter() > 0) {
            response.setHeader("Retry-After", Integer.toString(answer.retryAfter()));
        }
        if (answer.allow() != null) {
            response.setHeader("Allow", answer.allow());
        }
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", Answer.PAGE_POLICY);
        }
        response.setContentLength(answer.body().length);
        if (answer.body().length > 0 && !"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(answer.body());
        }
    }

}

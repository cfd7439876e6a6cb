package org.smscampaign.web.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where a browser goes after signing in: back to the page it asked for before the login
 * page, else home. The page is remembered in the browser's own cookie (no session exists
 * before sign-in), and only its path and query are used, so a planted cookie cannot send
 * anyone to another site.
 */
final class SignInRedirects extends SimpleUrlAuthenticationSuccessHandler {

    private final RequestCache requests;

    private SignInRedirects(RequestCache requests) {
        super("/");
        this.requests = requests;
    }

    /**
     * Remembers pages asked for with GET, in a cookie; not a page's own background
     * requests (a script's fetch, a live stream), which are no page to land on.
     */
    static RequestCache requestCache() {
        CookieRequestCache cache = new CookieRequestCache();
        cache.setRequestMatcher(
                (request) -> "GET".equals(request.getMethod()) && !"empty".equals(request.getHeader("Sec-Fetch-Dest"))
                        && !String.valueOf(request.getHeader("Accept")).contains("text/event-stream"));
        return cache;
    }

    static SignInRedirects to(RequestCache requests) {
        return new SignInRedirects(requests);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        SavedRequest saved = this.requests.getRequest(request, response);
        this.requests.removeRequest(request, response);
        String target = (saved != null) ? localPath(saved.getRedirectUrl()) : null;
        clearAuthenticationAttributes(request);
        getRedirectStrategy().sendRedirect(request, response, (target != null) ? target : "/");
    }

    /** The path and query of a URL when they name a page of this site, else null. */
    static String localPath(String url) {
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.indexOf('\\') >= 0
                    || path.equals("/login")) {
                return null;
            }
            return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
        }
        catch (URISyntaxException ex) {
            return null;
        }
    }

}

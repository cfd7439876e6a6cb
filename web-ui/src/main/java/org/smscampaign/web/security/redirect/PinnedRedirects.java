package org.smscampaign.web.security.redirect;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redirects never carry the address a request claims to be for: whatever builds an
 * absolute URL from the request (Spring Security's login entry point, saved requests)
 * takes the host from the {@code Host} or {@code X-Forwarded-Host} header, which anyone
 * can forge (cache poisoning, phishing links). Such a location becomes relative, or is
 * based on {@code sms.web.public-base-url} when it is set.
 */
@Configuration(proxyBeanMethods = false)
class PinnedRedirects {

    @Bean
    FilterRegistrationBean<Pinning> pinnedRedirectsFilter(PublicAddressProperties properties) {
        FilterRegistrationBean<Pinning> registration = new FilterRegistrationBean<>(
                new Pinning(properties.publicBaseUrl()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    static final class Pinning extends OncePerRequestFilter {

        private final String base;

        Pinning(URI publicBaseUrl) {
            String base = (publicBaseUrl != null) ? publicBaseUrl.toString() : "";
            this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, new HttpServletResponseWrapper(response) {

                @Override
                public void sendRedirect(String location) throws IOException {
                    super.sendRedirect(pin(location, request));
                }

                @Override
                public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
                    super.sendRedirect(pin(location, request), status, clearBuffer);
                }

                @Override
                public void setHeader(String name, String value) {
                    super.setHeader(name, isLocation(name) ? pin(value, request) : value);
                }

                @Override
                public void addHeader(String name, String value) {
                    super.addHeader(name, isLocation(name) ? pin(value, request) : value);
                }

            });
        }

        /** Our own locations, pinned; others (a link's target) as they are. */
        String pin(String location, HttpServletRequest request) {
            if (location == null) {
                return null;
            }
            URI uri;
            try {
                uri = URI.create(location);
            }
            catch (IllegalArgumentException ex) {
                return location;
            }
            if (uri.getHost() == null) {
                return (location.startsWith("/") && !location.startsWith("//")) ? this.base + location : location;
            }
            if (!uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return location;
            }
            StringBuilder local = new StringBuilder(
                    (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) ? uri.getRawPath() : "/");
            if (uri.getRawQuery() != null) {
                local.append('?').append(uri.getRawQuery());
            }
            if (uri.getRawFragment() != null) {
                local.append('#').append(uri.getRawFragment());
            }
            return this.base + local;
        }

        private static boolean isLocation(String name) {
            return HttpHeaders.LOCATION.equalsIgnoreCase(name);
        }

    }

}

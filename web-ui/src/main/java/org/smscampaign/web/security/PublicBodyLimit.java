package org.smscampaign.web.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.smscampaign.web.error.ProblemType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the bodies of the endpoints anyone on the internet can post to (provider
 * webhooks, the landing-page tracking script, conversion postbacks): a declared length
 * over the limit is refused with 413 before anything reads it, and an undeclared
 * (chunked) body stops being read at the limit. Nothing oversized reaches a controller.
 */
@Configuration(proxyBeanMethods = false)
class PublicBodyLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> publicBodyLimitFilter(WebSecurityProperties properties) {
        long limit = properties.publicBodyLimit().toBytes();
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Limit(limit));
        registration.addUrlPatterns("/webhooks/*", "/t/*", "/api/v1/conversions");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static final class Limit extends OncePerRequestFilter {

        private final long limit;

        Limit(long limit) {
            this.limit = limit;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() > this.limit) {
                ProblemResponses.write(response,
                        ProblemType.PAYLOAD_TOO_LARGE.problem("The request body exceeds " + this.limit + " bytes."));
                return;
            }
            chain.doFilter((request.getContentLengthLong() < 0) ? new Bounded(request, this.limit) : request, response);
        }

    }

    /** A request whose body ends at the limit, however much the client sends. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {

                private long read;

                @Override
                public int read() throws IOException {
                    if (this.read >= Bounded.this.limit) {
                        throw new IOException("Request body over " + Bounded.this.limit + " bytes");
                    }
                    int b = in.read();
                    this.read += (b >= 0) ? 1 : 0;
                    return b;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }

    }

}

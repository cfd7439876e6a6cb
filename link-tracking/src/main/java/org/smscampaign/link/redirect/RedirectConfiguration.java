package org.smscampaign.link.redirect;

import io.micrometer.core.instrument.MeterRegistry;
import org.smscampaign.link.Brands;
import org.smscampaign.link.LinkProperties;
import org.smscampaign.link.click.ClickBuffer;
import org.smscampaign.link.click.ClickIds;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the redirector ahead of every other filter, security included. */
@Configuration(proxyBeanMethods = false)
class RedirectConfiguration {

    @Bean
    FilterRegistrationBean<RedirectFilter> redirectFilter(LinkCache links, Brands brands, ClickBuffer clicks,
            ClickIds ids, MissLimiter misses, LinkProperties properties, MeterRegistry meters) {
        int status = properties.redirectStatus();
        if (status != 301 && status != 302 && status != 307 && status != 308) {
            throw new IllegalStateException("sms.link.redirect-status must be 301, 302, 307 or 308, not " + status);
        }
        FilterRegistrationBean<RedirectFilter> registration = new FilterRegistrationBean<>(
                new RedirectFilter(links, brands, clicks, ids, misses, properties, meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setName("redirector");
        return registration;
    }

}

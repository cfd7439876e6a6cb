package org.smscampaign.link.redirect;

import org.smscampaign.link.Brands;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the redirector ahead of every other filter, security included. */
@Configuration(proxyBeanMethods = false)
class RedirectConfiguration {

    @Bean
    FilterRegistrationBean<RedirectFilter> redirectFilter(Redirector redirector, Brands brands) {
        FilterRegistrationBean<RedirectFilter> registration = new FilterRegistrationBean<>(
                new RedirectFilter(redirector, brands));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setName("redirector");
        return registration;
    }

}

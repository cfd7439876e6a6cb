package org.smscampaign.web.security.body;

import org.smscampaign.web.security.WebSecurityProperties;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The body guard ahead of every other filter (after the character encoding), and the
 * container hook it closes connections with.
 */
@Configuration(proxyBeanMethods = false)
class BodyGuard {

    @Bean
    FilterRegistrationBean<BodyGuardFilter> bodyGuardFilter(BodyGuardProperties settings,
            WebSecurityProperties security, MultipartProperties multipart) {
        FilterRegistrationBean<BodyGuardFilter> registration = new FilterRegistrationBean<>(new BodyGuardFilter(
                settings, security.publicBodyLimit().toBytes(), multipart.getMaxRequestSize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerConnections() {
        return (factory) -> factory.addEngineValves(new ContainerConnections());
    }

}

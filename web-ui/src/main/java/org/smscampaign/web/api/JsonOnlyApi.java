package org.smscampaign.web.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The REST API reads JSON only (and multipart where an upload is documented): any other
 * body, XML included, is refused with 415, also by endpoints that read no body at all.
 * Checked after authentication, so an anonymous caller still learns only 401.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyApi implements WebMvcConfigurer, HandlerInterceptor {

    private static final List<MediaType> ACCEPTED = List.of(MediaType.APPLICATION_JSON,
            new MediaType("application", "*+json"), MediaType.MULTIPART_FORM_DATA);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        boolean body = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (!body || !(handler instanceof HandlerMethod)) {
            return true;
        }
        MediaType type = contentType(request);
        if (type == null || ACCEPTED.stream().noneMatch((accepted) -> accepted.includes(type))) {
            throw new HttpMediaTypeNotSupportedException("The API accepts JSON bodies only.");
        }
        return true;
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return (request.getContentType() != null) ? MediaType.parseMediaType(request.getContentType()) : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

}

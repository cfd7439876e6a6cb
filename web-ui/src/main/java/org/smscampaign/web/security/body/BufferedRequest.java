package org.smscampaign.web.security.body;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A request whose body has been read already, within its limits. Form parameters are
 * served from that body too: the container's own form parsing would read the socket
 * again, without our limits.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

    private static final FormHttpMessageConverter FORMS = new FormHttpMessageConverter();

    private final byte[] body;

    private Map<String, String[]> parameters;

    BufferedRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(this.body);
        return new ServletInputStream() {

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("The body has been read already");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
    }

    @Override
    public int getContentLength() {
        return this.body.length;
    }

    @Override
    public long getContentLengthLong() {
        return this.body.length;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return (values != null) ? values[0] : null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return (values != null) ? values.clone() : null;
    }

    private Map<String, String[]> parameters() {
        if (this.parameters == null) {
            // The container parses only the query string once the body was read as a
            // stream.
            Map<String, List<String>> all = new LinkedHashMap<>();
            super.getParameterMap()
                .forEach((name, values) -> all.computeIfAbsent(name, (n) -> new ArrayList<>()).addAll(List.of(values)));
            if (isForm()) {
                addForm(all);
            }
            Map<String, String[]> result = new LinkedHashMap<>();
            all.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
            this.parameters = Collections.unmodifiableMap(result);
        }
        return this.parameters;
    }

    private boolean isForm() {
        try {
            return getContentType() != null
                    && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(getContentType()));
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /** The body's pairs, read as Spring MVC reads forms (its charset, else UTF-8). */
    private void addForm(Map<String, List<String>> all) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(getContentType()));
        HttpInputMessage form = new HttpInputMessage() {

            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(BufferedRequest.this.body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

        };
        try {
            FORMS.read(null, form)
                .forEach((name, values) -> all.computeIfAbsent(name, (n) -> new ArrayList<>()).addAll(values));
        }
        catch (IOException | IllegalArgumentException | HttpMessageNotReadableException ex) {
            // a malformed escape: no form parameters, as a form that cannot be read
        }
    }

    private Charset charset() {
        String encoding = getCharacterEncoding();
        try {
            return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
        }
        catch (IllegalArgumentException ex) {
            return StandardCharsets.UTF_8;
        }
    }

}

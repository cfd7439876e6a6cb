package org.smscampaign.web.security.body;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
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

import org.springframework.http.MediaType;

/**
 * A request whose body has been read already, within its limits. Form parameters are
 * served from that body too: the container's own form parsing would read the socket
 * again, without our limits.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

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

    private void addForm(Map<String, List<String>> all) {
        Charset charset = charset();
        for (String pair : new String(this.body, charset).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), charset);
                String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
                all.computeIfAbsent(name, (n) -> new ArrayList<>()).add(value);
            }
            catch (IllegalArgumentException ex) {
                // a malformed escape: the pair is skipped, as the container does
            }
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

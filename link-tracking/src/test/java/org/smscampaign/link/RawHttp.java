package org.smscampaign.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Plain HTTP/1.1 over a socket: any Host header, any path bytes, any user agent, as
 * scanners and odd clients send them.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A response: status, headers (lower-case names) and body. */
    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return this.headers.get(name.toLowerCase(Locale.ROOT));
        }

    }

    /**
     * The address the requests of this thread come from, as a proxy in front would say.
     */
    private static final ThreadLocal<String> CLIENT = new ThreadLocal<>();

    public static void fromClient(String address) {
        CLIENT.set(address);
    }

    public static Response request(int port, String method, String host, String path, String userAgent) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            request.append("Host: ").append(host).append("\r\n");
            if (userAgent != null) {
                request.append("User-Agent: ").append(userAgent).append("\r\n");
            }
            if (CLIENT.get() != null) {
                request.append("X-Forwarded-For: ").append(CLIENT.get()).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static Response get(int port, String path, String userAgent) {
        return request(port, "GET", "localhost", path, userAgent);
    }

    private static Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        String raw = bytes.toString(StandardCharsets.UTF_8);
        int end = raw.indexOf("\r\n\r\n");
        String head = (end >= 0) ? raw.substring(0, end) : raw;
        String body = (end >= 0) ? raw.substring(end + 4) : "";
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        return new Response(status, headers, body);
    }

}

package org.smscampaign.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP/1.1 over a plain socket, for what a well-behaved client cannot do: forge the Host
 * header, declare a body and trickle it, or never finish it.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;

    private final OutputStream out;

    private final long opened = System.nanoTime();

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** A connection to the loopback port; every read on it waits the timeout at most. */
    public static RawHttp open(int port, Duration readTimeout) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout((int) readTimeout.toMillis());
            socket.setTcpNoDelay(true);
            return new RawHttp(socket);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Sends text; false once the server has closed the connection. */
    public boolean send(String text) {
        try {
            this.out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            this.out.flush();
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /**
     * Everything the server sends until it closes the connection (or the read timeout
     * passes): what a client whose request was refused gets.
     */
    public Answer readUntilClosed() {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean closed = false;
        try {
            InputStream in = this.socket.getInputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                received.write(buffer, 0, read);
            }
            closed = true;
        }
        catch (SocketTimeoutException ex) {
            // still open
        }
        catch (IOException ex) {
            closed = true; // reset by the server
        }
        return new Answer(received.toString(StandardCharsets.ISO_8859_1), closed,
                Duration.ofNanos(System.nanoTime() - this.opened));
    }

    @Override
    public void close() {
        try {
            this.socket.close();
        }
        catch (IOException ex) {
            // closed already
        }
    }

    /** What came back on a connection, whether the server closed it, and when. */
    public record Answer(String text, boolean closed, Duration after) {

        /** The status code of the first response, or -1 if none came. */
        public int status() {
            return (this.text.startsWith("HTTP/1.1 ")) ? Integer.parseInt(this.text.substring(9, 12)) : -1;
        }

        /** The value of a header of the first response, or null. */
        public String header(String name) {
            int end = this.text.indexOf("\r\n\r\n");
            for (String line : this.text.substring(0, (end < 0) ? this.text.length() : end).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

    }

}

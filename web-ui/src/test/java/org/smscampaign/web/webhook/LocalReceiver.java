package org.smscampaign.web.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 for tests: records every POST by path and answers each
 * path with the statuses scripted for it (then 200).
 */
public final class LocalReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String path, Map<String, List<String>> headers, String body, Instant at) {

        String header(String name) {
            return this.headers.entrySet()
                .stream()
                .filter((entry) -> entry.getKey().equalsIgnoreCase(name))
                .map((entry) -> entry.getValue().get(0))
                .findFirst()
                .orElse(null);
        }

    }

    private final HttpServer server;

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();

    private final Map<String, Integer> fallback = new ConcurrentHashMap<>();

    private final Set<String> stalling = ConcurrentHashMap.newKeySet();

    private final CountDownLatch closing = new CountDownLatch(1);

    public LocalReceiver() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.server.createContext("/", (exchange) -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            this.received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8), Instant.now()));
            if (this.stalling.contains(path)) {
                // The status line and a first byte, then nothing until the receiver
                // closes.
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write('o');
                exchange.getResponseBody().flush();
                awaitClosing();
                exchange.close();
                return;
            }
            int status = next(path);
            byte[] answer = (status < 300) ? "ok".getBytes(StandardCharsets.UTF_8)
                    : "receiver is down".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        // Its own threads: a stalled answer holds up no other request.
        this.server.setExecutor(Executors.newCachedThreadPool());
        this.server.start();
    }

    /** The address of a path on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
    }

    /** Answers the next requests on the path with these statuses, in order. */
    public void script(String path, Integer... statuses) {
        this.scripts.put(path, new ArrayDeque<>(List.of(statuses)));
    }

    /** Answers requests on the path with a status line and a body that never ends. */
    public void stall(String path) {
        this.stalling.add(path);
    }

    private void awaitClosing() {
        try {
            this.closing.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers every request on the path with this status once the script is used up. */
    public void otherwise(String path, int status) {
        this.fallback.put(path, status);
    }

    private synchronized int next(String path) {
        Deque<Integer> script = this.scripts.get(path);
        Integer scripted = (script != null) ? script.poll() : null;
        return (scripted != null) ? scripted : this.fallback.getOrDefault(path, 200);
    }

    public List<Received> on(String path) {
        return this.received.stream().filter((r) -> r.path().equals(path)).toList();
    }

    /** Waits until a request on the path matches; fails after the timeout. */
    Received await(String path, Predicate<Received> matching, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (Received r : on(path)) {
                if (matching.test(r)) {
                    return r;
                }
            }
            pause();
        }
        throw new AssertionError("Nothing matching arrived on " + path + " within " + timeout + "; got " + on(path));
    }

    static void pause() {
        try {
            Thread.sleep(50);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        this.closing.countDown();
        this.server.stop(0);
    }

}

package org.smscampaign.testsupport.twilio;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio on loopback, for contract tests: answers a message create with a realistic 201,
 * the Content API's {@code ContentAndApprovals} with a realistic page of templates, and
 * keeps every request it received.
 */
public final class TwilioStub implements AutoCloseable {

    /** The account the stub plays (a syntactically valid sid). */
    public static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";

    /** An approved template of the stub's account. */
    public static final String APPROVED_TEMPLATE = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

    /** A template WhatsApp has not approved yet. */
    public static final String PENDING_TEMPLATE = "HX0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    /** One request as it arrived: method, path, query, Authorization, form fields. */
    public record Received(String method, String path, String query, String authorization, Map<String, String> form) {

        public boolean createsMessage() {
            return this.method.equals("POST") && this.path.endsWith("/Messages.json");
        }

    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;

    private final List<Received> received = new CopyOnWriteArrayList<>();

    public TwilioStub() {
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    /** The address to give as api-base-url and content-api-base-url. */
    public String baseUrl() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(this.received);
    }

    /** The message create requests whose To is the address (or number). */
    public List<Map<String, String>> createsTo(String to) {
        return creates((form) -> to.equals(form.get("To")));
    }

    public List<Map<String, String>> creates(Predicate<Map<String, String>> which) {
        return this.received.stream().filter(Received::createsMessage).map(Received::form).filter(which).toList();
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                form(body));
        this.received.add(request);
        String path = request.path();
        int status = 200;
        String answer;
        if (request.createsMessage()) {
            status = 201;
            answer = created(request.form());
        }
        else if (path.equals("/v1/ContentAndApprovals")) {
            answer = contentAndApprovals(request.query());
        }
        else if (path.endsWith("/Messages.json")) {
            answer = "{\"messages\": [], \"page\": 0, \"page_size\": 50, \"next_page_uri\": null, "
                    + "\"first_page_uri\": \"/x\", \"uri\": \"/x\"}";
        }
        else {
            status = 404;
            answer = "{\"code\": 20404, \"message\": \"The requested resource was not found\", \"status\": 404}";
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    public static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (!body.isEmpty()) {
            for (String pair : body.split("&")) {
                String[] parts = pair.split("=", 2);
                form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        URLDecoder.decode((parts.length > 1) ? parts[1] : "", StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String created(Map<String, String> form) {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        String sid = "SM" + HexFormat.of().formatHex(random);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("sid", sid);
        message.put("account_sid", ACCOUNT);
        message.put("status", "queued");
        message.put("to", form.getOrDefault("To", ""));
        message.put("from", form.get("From"));
        message.put("messaging_service_sid", form.get("MessagingServiceSid"));
        message.put("body", form.getOrDefault("Body", ""));
        message.put("num_segments", "1");
        message.put("num_media", "0");
        message.put("direction", "outbound-api");
        message.put("price", null);
        message.put("price_unit", "USD");
        message.put("error_code", null);
        message.put("error_message", null);
        message.put("date_created", "Mon, 07 Dec 2026 10:00:00 +0000");
        message.put("date_updated", "Mon, 07 Dec 2026 10:00:00 +0000");
        message.put("date_sent", null);
        message.put("api_version", "2010-04-01");
        message.put("uri", "/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + sid + ".json");
        message.put("subresource_uris", Map.of());
        return JSON.writeValueAsString(message);
    }

    /**
     * Pages as the Content API answers them: an approved text template and a card with
     * quick replies still pending, then (second page, its address at Twilio's, so the
     * client has to rewrite it too) a rejected one.
     */
    static String contentAndApprovals(String query) {
        boolean second = query != null && query.contains("PageToken=PT2");
        String contents = second ? """
                {"sid": "HX9f8e7d6c5b4a39281706f5e4d3c2b1a0", "account_sid": "%1$s", "friendly_name": "flash_offer",
                 "language": "en", "variables": {},
                 "types": {"twilio/text": {"body": "LAST CHANCE!!! Everything must go"}},
                 "approval_requests": {"name": "flash_offer", "category": "MARKETING", "content_type": "twilio/text",
                                       "status": "rejected", "rejection_reason": "PROMOTIONAL",
                                       "allow_category_change": false},
                 "date_created": "2026-11-05T10:00:00Z", "date_updated": "2026-11-05T10:00:00Z"}
                """.formatted(ACCOUNT) : """
                {"sid": "%2$s", "account_sid": "%1$s", "friendly_name": "order_update", "language": "en",
                 "variables": {"1": "first_name", "2": "tracking_link"},
                 "types": {"twilio/text": {"body": "Hi {{1}}, your order is on its way. Track it here: {{2}}"}},
                 "approval_requests": {"name": "order_update", "category": "UTILITY", "content_type": "twilio/text",
                                       "status": "approved", "rejection_reason": "", "allow_category_change": true},
                 "date_created": "2026-11-02T10:00:00Z", "date_updated": "2026-11-03T10:00:00Z"},
                {"sid": "%3$s", "account_sid": "%1$s", "friendly_name": "loyalty_points", "language": "de",
                 "variables": {"1": "Anna", "2": "120"},
                 "types": {"twilio/quick-reply": {"body": "Hallo {{1}}, {{2}} Punkte warten auf dich.",
                                                  "actions": [{"title": "Einlösen", "id": "redeem"}]}},
                 "approval_requests": {"whatsapp": {"name": "loyalty_points", "category": "MARKETING",
                                       "content_type": "twilio/quick-reply", "status": "pending",
                                       "rejection_reason": "", "allow_category_change": true}},
                 "date_created": "2026-11-04T10:00:00Z", "date_updated": "2026-11-04T10:00:00Z"}
                """.formatted(ACCOUNT, APPROVED_TEMPLATE, PENDING_TEMPLATE);
        String base = "https://content.twilio.com/v1/ContentAndApprovals?PageSize=500";
        String next = second ? "null" : "\"" + base + "&Page=1&PageToken=PT2\"";
        return """
                {"contents": [%s],
                 "meta": {"page": %d, "page_size": 500, "key": "contents", "first_page_url": "%s&Page=0",
                          "previous_page_url": null, "url": "%s", "next_page_url": %s}}
                """.formatted(contents, second ? 1 : 0, base, base, next);
    }

}

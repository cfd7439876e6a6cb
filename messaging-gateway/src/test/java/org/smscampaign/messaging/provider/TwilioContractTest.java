package org.smscampaign.messaging.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessagingProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests the Twilio provider sends, checked against Twilio's own OpenAPI
 * description ({@code shared/reference/twilio_api_v2010.json}), and how it reads Twilio's
 * answers: a local HTTP server on loopback plays Twilio.
 */
class TwilioContractTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";

    private static JsonNode createSchema;

    private static JsonNode messageSchema;

    private HttpServer server;

    private final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();

    private final List<HttpExchangeRecord> requests = new CopyOnWriteArrayList<>();

    private volatile Answer answer;

    record HttpExchangeRecord(String method, String path, String query, String authorization) {

    }

    record Answer(int status, String body, Map<String, String> headers, long delayMillis) {

    }

    @BeforeAll
    static void readTwilioContract() throws IOException {
        JsonNode root;
        try (InputStream spec = TwilioContractTest.class.getResourceAsStream("/twilio/twilio_api_v2010.json")) {
            root = JsonMapper.builder().build().readTree(spec);
        }
        createSchema = root.path("paths")
            .path("/2010-04-01/Accounts/{AccountSid}/Messages.json")
            .path("post")
            .path("requestBody")
            .path("content")
            .path("application/x-www-form-urlencoded")
            .path("schema");
        assertThat(createSchema.path("properties").has("To")).as("Twilio's contract was read").isTrue();
        messageSchema = root.path("components").path("schemas").path("api.v2010.account.message");
    }

    @BeforeEach
    void twilio() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.server.createContext("/", this::handle);
        this.server.start();
        this.answer = created("queued");
    }

    @AfterEach
    void stop() {
        this.server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            this.requests.add(new HttpExchangeRecord(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization")));
            this.forms.add(form(body));
        }
        Answer current = this.answer;
        if (current.delayMillis() > 0) {
            try {
                Thread.sleep(current.delayMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        current.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] bytes = current.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(current.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String body) {
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

    private static Answer created(String status) {
        return new Answer(201, """
                {"sid": "SM0123456789abcdef0123456789abcdef", "account_sid": "%s", "status": "%s",
                 "body": "Hi", "num_segments": "1", "price": null, "price_unit": "USD",
                 "date_created": "Tue, 24 Nov 2026 10:00:00 +0000", "api_version": "2010-04-01",
                 "uri": "/2010-04-01/Accounts/%s/Messages/SM0123456789abcdef0123456789abcdef.json"}
                """.formatted(ACCOUNT, status, ACCOUNT), Map.of(), 0);
    }

    private TwilioSender sender(String timeout) {
        Map<String, String> settings = new HashMap<>();
        settings.put("sms.messaging.twilio.account-sid", ACCOUNT);
        settings.put("sms.messaging.twilio.auth-token", "secret-token-0123456789");
        settings.put("sms.messaging.twilio.api-base-url", "http://127.0.0.1:" + this.server.getAddress().getPort());
        settings.put("sms.messaging.twilio.validity-period", "14400");
        settings.put("sms.messaging.dispatch.request-timeout", timeout);
        MessagingProperties properties = new Binder(new MapConfigurationPropertySource(settings))
            .bindOrCreate("sms.messaging", MessagingProperties.class);
        return new TwilioSender(properties);
    }

    private static OutgoingMessage message(Channel channel, MessagingProperties.Sender sender) {
        return new OutgoingMessage(42, channel, "+4917612345678", "Hi Anna, 20% off today: go.brand.example/Ab3xK9q",
                "default", sender, URI.create("https://sms.example.com/webhooks/twilio/status/42"));
    }

    private static MessagingProperties.Sender from(String number) {
        return new MessagingProperties.Sender(number, null, Channel.SMS, 10, 0, 8, null);
    }

    /**
     * Every field is one Twilio knows, with a value of the type and format it expects.
     */
    private static void assertFollowsTwilioContract(Map<String, String> form) {
        JsonNode properties = createSchema.path("properties");
        for (JsonNode required : createSchema.path("required")) {
            assertThat(form).as("required field").containsKey(required.asString());
        }
        form.forEach((name, value) -> {
            assertThat(properties.has(name)).as("Twilio knows the field " + name).isTrue();
            JsonNode field = properties.path(name);
            switch (field.path("type").asString()) {
                case "integer" -> assertThat(value).as(name).matches("-?\\d+");
                case "boolean" -> assertThat(value).as(name).isIn("true", "false");
                case "number" -> assertThat(value).as(name).matches("-?\\d+(\\.\\d+)?");
                default -> {
                }
            }
            switch (field.path("format").asString()) {
                case "phone-number" -> assertThat(value).as(name).matches("(whatsapp:)?\\+[1-9]\\d{6,14}");
                case "uri" -> assertThat(URI.create(value).isAbsolute()).as(name).isTrue();
                default -> {
                }
            }
        });
        assertThat(form.containsKey("From") || form.containsKey("MessagingServiceSid"))
            .as("From or MessagingServiceSid")
            .isTrue();
    }

    @Test
    void anSmsFromANumberIsAContractConformingCreateRequest() {
        SendOutcome outcome = sender("5s").send(message(Channel.SMS, from("+15005550006")));

        assertThat(outcome).isEqualTo(
                new SendOutcome.Accepted("SM0123456789abcdef0123456789abcdef", MessageStatus.ACCEPTED, null, "USD"));
        assertThat(this.requests).hasSize(1);
        HttpExchangeRecord request = this.requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json");
        assertThat(request.authorization()).startsWith("Basic ");
        Map<String, String> form = this.forms.get(0);
        assertFollowsTwilioContract(form);
        assertThat(form).containsEntry("To", "+4917612345678")
            .containsEntry("From", "+15005550006")
            .containsEntry("StatusCallback", "https://sms.example.com/webhooks/twilio/status/42")
            .containsEntry("ValidityPeriod", "14400")
            .containsEntry("SmartEncoded", "true")
            .containsKey("Body");
    }

    @Test
    void aMessagingServiceAndWhatsAppAddressesFollowTheContractToo() {
        sender("5s").send(message(Channel.SMS, new MessagingProperties.Sender(null,
                "MG0123456789abcdef0123456789abcdef", Channel.SMS, 10, 0, 8, null)));
        sender("5s").send(message(Channel.WHATSAPP, from("+14155238886")));

        assertFollowsTwilioContract(this.forms.get(0));
        assertThat(this.forms.get(0)).containsEntry("MessagingServiceSid", "MG0123456789abcdef0123456789abcdef")
            .doesNotContainKey("From");
        assertFollowsTwilioContract(this.forms.get(1));
        assertThat(this.forms.get(1)).containsEntry("To", "whatsapp:+4917612345678")
            .containsEntry("From", "whatsapp:+14155238886");
    }

    @Test
    void twilioAnswersBecomeOutcomesAndNothingIsRetriedBehindTheDispatchersBack() {
        TwilioSender sender = sender("300ms");
        OutgoingMessage message = message(Channel.SMS, from("+15005550006"));
        List<SendOutcome> outcomes = new ArrayList<>();

        this.answer = new Answer(429, "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}",
                Map.of("Retry-After", "7"), 0);
        outcomes.add(sender.send(message));
        this.answer = new Answer(400,
                "{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\", \"status\": 400}",
                Map.of(), 0);
        outcomes.add(sender.send(message));
        this.answer = new Answer(500, "{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}",
                Map.of(), 0);
        outcomes.add(sender.send(message));
        this.answer = new Answer(201, created("queued").body(), Map.of(), 1500);
        outcomes.add(sender.send(message));

        assertThat(outcomes.get(0)).isEqualTo(new SendOutcome.Throttled(Duration.ofSeconds(7)));
        assertThat(outcomes.get(1)).isInstanceOf(SendOutcome.Rejected.class)
            .extracting((o) -> ((SendOutcome.Rejected) o).errorCode())
            .isEqualTo(21211);
        assertThat(outcomes.get(2)).isInstanceOf(SendOutcome.Unavailable.class);
        assertThat(outcomes.get(3)).as("no answer in time").isInstanceOf(SendOutcome.Ambiguous.class);
        assertThat(this.requests).as("one request per attempt, even for a 500").hasSize(4);
    }

    @Test
    void anUnreachableTwilioMeansNothingWasSent() {
        TwilioSender sender = sender("1s");
        this.server.stop(0);

        assertThat(sender.send(message(Channel.SMS, from("+15005550006")))).isInstanceOf(SendOutcome.Unavailable.class);
    }

    @Test
    void anAmbiguousMessageIsLookedUpAmongTwiliosMessagesToTheNumber() {
        this.answer = new Answer(200, """
                {"messages": [
                  {"sid": "SMother", "status": "delivered", "body": "Something else"},
                  {"sid": "SMfound", "status": "sent", "body": "Hi Anna, 20% off today: go.brand.example/Ab3xK9q"}],
                 "page": 0, "page_size": 50, "next_page_uri": null, "first_page_uri": "/x", "uri": "/x"}
                """, Map.of(), 0);

        Lookup lookup = sender("5s").lookup(message(Channel.SMS, from("+15005550006")), Instant.now());

        assertThat(lookup).isEqualTo(new Lookup.Found("SMfound", MessageStatus.SENT));
        assertThat(this.requests.get(0).method()).isEqualTo("GET");
        assertThat(this.requests.get(0).path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json");
        assertThat(URLDecoder.decode(this.requests.get(0).query(), StandardCharsets.UTF_8))
            .contains("To=+4917612345678")
            .contains("DateSent>=");
    }

    @Test
    void aMessagesPriceIsFetchedAfterSendingSinceCallbacksCarryNone() {
        assertThat(messageSchema.path("properties").has("price")).as("Twilio's message states its price").isTrue();
        assertThat(messageSchema.path("properties").has("price_unit")).isTrue();
        this.answer = new Answer(200, """
                {"sid": "SMpriced", "account_sid": "%s", "status": "delivered", "body": "Hi", "num_segments": "2",
                 "price": "-0.17300", "price_unit": "EUR", "api_version": "2010-04-01"}
                """.formatted(ACCOUNT), Map.of(), 0);

        Map<String, StatedPrice> prices = sender("5s").prices(List.of("SMpriced"));

        assertThat(prices).containsEntry("SMpriced", new StatedPrice(new java.math.BigDecimal("0.17300"), "EUR"));
        assertThat(this.requests.get(0).method()).isEqualTo("GET");
        assertThat(this.requests.get(0).path())
            .isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages/SMpriced.json");
    }

    @Test
    void aMessageNotPricedYetOrUnknownToTwilioIsLeftOut() {
        this.answer = new Answer(200, """
                {"sid": "SMlater", "account_sid": "%s", "status": "sent", "body": "Hi", "price": null,
                 "price_unit": "USD", "api_version": "2010-04-01"}
                """.formatted(ACCOUNT), Map.of(), 0);
        assertThat(sender("5s").prices(List.of("SMlater"))).isEmpty();

        this.answer = new Answer(404, "{\"code\": 20404, \"message\": \"Not found\", \"status\": 404}", Map.of(), 0);
        assertThat(sender("5s").prices(List.of("SMgone"))).isEmpty();
    }

}

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.ContentTemplateView;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.TemplateContent;
import org.smscampaign.testsupport.twilio.TwilioContract;
import org.smscampaign.testsupport.twilio.TwilioStub;

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

    private HttpServer server;

    private final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();

    private final List<HttpExchangeRecord> requests = new CopyOnWriteArrayList<>();

    private volatile Answer answer;

    /** When set, answers each request by what was asked (a list that pages). */
    private volatile Function<HttpExchangeRecord, Answer> pager;

    record HttpExchangeRecord(String method, String path, String query, String authorization) {

    }

    record Answer(int status, String body, Map<String, String> headers, long delayMillis) {

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
        Function<HttpExchangeRecord, Answer> paging = this.pager;
        Answer current = (paging != null) ? paging.apply(this.requests.get(this.requests.size() - 1)) : this.answer;
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
        return TwilioStub.form(body);
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

    private static void assertFollowsTwilioContract(Map<String, String> form) {
        TwilioContract.assertCreateRequest(form);
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
    void aLookupStopsAtItsBoundsWhenTwilioPagesForever() {
        this.pager = (request) -> {
            String query = request.query().replaceAll("&?(Page|PageToken)=[^&]*", "");
            int page = this.requests.size();
            return messagesPage(request.path() + "?" + request.query(),
                    request.path() + "?" + query + "&Page=" + page + "&PageToken=PA" + page);
        };

        Lookup lookup = sender("5s").lookup(message(Channel.SMS, from("+15005550006")), Instant.now());

        assertThat(lookup).isInstanceOf(Lookup.CannotTell.class);
        assertThat(((Lookup.CannotTell) lookup).detail()).contains("stopped after 5 pages");
        assertThat(this.requests).hasSize(TwilioSender.LOOKUP.pages());
    }

    @Test
    void aLookupFollowsNoNextPageOfAnotherQueryNorOneReadBefore() {
        String messages = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
        this.pager = (request) -> messagesPage(request.path() + "?" + request.query(),
                messages + "?To=%2B19999999999&PageSize=50&Page=1&PageToken=PA1");
        Lookup other = sender("5s").lookup(message(Channel.SMS, from("+15005550006")), Instant.now());
        assertThat(other).isInstanceOf(Lookup.CannotTell.class);
        assertThat(((Lookup.CannotTell) other).detail()).contains("another query");
        assertThat(this.requests).hasSize(1);

        this.requests.clear();
        this.pager = (request) -> {
            String query = request.query().replaceAll("&?(Page|PageToken)=[^&]*", "");
            return messagesPage(request.path() + "?" + request.query(),
                    request.path() + "?" + query + "&Page=1&PageToken=PA1");
        };
        Lookup loop = sender("5s").lookup(message(Channel.SMS, from("+15005550006")), Instant.now());
        assertThat(((Lookup.CannotTell) loop).detail()).contains("read before");
        assertThat(this.requests).hasSize(2);
    }

    /** A page of Twilio's messages that holds none of ours. */
    private static Answer messagesPage(String uri, String next) {
        return new Answer(200, """
                {"messages": [{"sid": "SMother", "status": "delivered", "body": "Something else"}],
                 "page": 0, "page_size": 50, "next_page_uri": "%s", "first_page_uri": "%s", "uri": "%s"}
                """.formatted(next, uri, uri), Map.of(), 0);
    }

    @Test
    void aMessagesPriceIsFetchedAfterSendingSinceCallbacksCarryNone() {
        assertThat(TwilioContract.MESSAGE.path("properties").has("price")).as("Twilio's message states its price")
            .isTrue();
        assertThat(TwilioContract.MESSAGE.path("properties").has("price_unit")).isTrue();
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

    private static final String SERVICE = "MG0123456789abcdef0123456789abcdef";

    private static final TemplateContent ORDER_UPDATE = new TemplateContent("HXb5b62575e6e4ff6129ad7c8efe1f983e",
            "{\"1\":\"Anna\",\"2\":\"https://go.brand.example/Ab3xK9q\"}");

    private static OutgoingMessage message(Channel channel, MessagingProperties.Sender sender,
            TemplateContent template) {
        return new OutgoingMessage(43, channel, "+4917612345678",
                "Hi Anna, your order is on its way. Track it here: https://go.brand.example/Ab3xK9q", "whatsapp",
                sender, URI.create("https://sms.example.com/webhooks/twilio/status/43"), template);
    }

    private static MessagingProperties.Sender on(Channel channel, String from, String service) {
        return new MessagingProperties.Sender(from, service, channel, 10, 0, 8, null);
    }

    @Test
    void everyChannelsShapeFollowsTheContractFieldByField() {
        TwilioSender sender = sender("5s");
        sender.send(message(Channel.SMS, on(Channel.SMS, "+15005550006", null), null));
        sender.send(message(Channel.SMS, on(Channel.SMS, null, SERVICE), null));
        sender.send(message(Channel.WHATSAPP, on(Channel.WHATSAPP, "+14155238886", null), null));
        sender.send(message(Channel.WHATSAPP, on(Channel.WHATSAPP, "+14155238886", null), ORDER_UPDATE));
        sender.send(message(Channel.WHATSAPP, on(Channel.WHATSAPP, null, SERVICE), ORDER_UPDATE));
        sender.send(message(Channel.RCS, on(Channel.RCS, null, SERVICE), null));
        sender.send(message(Channel.RCS, on(Channel.RCS, null, SERVICE), ORDER_UPDATE));

        assertThat(this.forms).hasSize(7);
        List<Channel> channels = List.of(Channel.SMS, Channel.SMS, Channel.WHATSAPP, Channel.WHATSAPP, Channel.WHATSAPP,
                Channel.RCS, Channel.RCS);
        for (int i = 0; i < 7; i++) {
            TwilioContract.assertChannel(this.forms.get(i), channels.get(i).name().toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(this.forms.get(0)).containsEntry("To", "+4917612345678")
            .containsEntry("From", "+15005550006")
            .containsKey("Body");
        assertThat(this.forms.get(1)).containsEntry("MessagingServiceSid", SERVICE).doesNotContainKey("From");
        assertThat(this.forms.get(2)).as("WhatsApp free text")
            .containsEntry("To", "whatsapp:+4917612345678")
            .containsEntry("From", "whatsapp:+14155238886")
            .containsKey("Body")
            .doesNotContainKey("ContentSid");
        assertThat(this.forms.get(3)).as("WhatsApp template: no Body")
            .containsEntry("To", "whatsapp:+4917612345678")
            .containsEntry("From", "whatsapp:+14155238886")
            .containsEntry("ContentSid", "HXb5b62575e6e4ff6129ad7c8efe1f983e")
            .containsEntry("ContentVariables", "{\"1\":\"Anna\",\"2\":\"https://go.brand.example/Ab3xK9q\"}")
            .doesNotContainKey("Body");
        assertThat(this.forms.get(4)).containsEntry("MessagingServiceSid", SERVICE)
            .containsEntry("To", "whatsapp:+4917612345678")
            .doesNotContainKey("From");
        assertThat(this.forms.get(5)).as("RCS text through the Messaging Service, rcs: so Twilio never falls back")
            .containsEntry("To", "rcs:+4917612345678")
            .containsEntry("MessagingServiceSid", SERVICE)
            .containsKey("Body")
            .doesNotContainKey("From");
        assertThat(this.forms.get(6)).containsEntry("To", "rcs:+4917612345678")
            .containsEntry("ContentSid", "HXb5b62575e6e4ff6129ad7c8efe1f983e")
            .doesNotContainKey("Body");
    }

    @Test
    void aShapeTwilioDoesNotKnowFailsTheContract() {
        org.assertj.core.api.Assertions
            .assertThatThrownBy(() -> TwilioContract
                .assertCreateRequest(Map.of("To", "rcs:+4917612345678", "From", "rcs:+14155238886", "Body", "Hi")))
            .as("RCS from a number")
            .isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions
            .assertThatThrownBy(() -> TwilioContract.assertCreateRequest(Map.of("To", "whatsapp:+4917612345678", "From",
                    "whatsapp:+14155238886", "Body", "Hi", "ContentSid", "HXb5b62575e6e4ff6129ad7c8efe1f983e")))
            .as("a template with a Body")
            .isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions
            .assertThatThrownBy(() -> TwilioContract
                .assertCreateRequest(Map.of("To", "+4917612345678", "MessagingServiceSid", "MGshort", "Body", "Hi")))
            .as("a Messaging Service sid that is not one")
            .isInstanceOf(AssertionError.class);
    }

    @Test
    void anRcsSenderWithoutItsMessagingServiceIsRefusedAtStart() {
        Map<String, String> settings = new HashMap<>();
        settings.put("sms.messaging.twilio.account-sid", ACCOUNT);
        settings.put("sms.messaging.twilio.auth-token", "secret-token-0123456789");
        settings.put("sms.messaging.senders.rcs.channel", "RCS");
        settings.put("sms.messaging.senders.rcs.from", "+14155238886");
        MessagingProperties properties = new Binder(new MapConfigurationPropertySource(settings))
            .bindOrCreate("sms.messaging", MessagingProperties.class);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TwilioSender(properties))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("messaging-service-sid");
    }

    @Test
    void theAccountsTemplatesComeFromTheContentApiEveryPage() {
        try (TwilioStub twilio = new TwilioStub()) {
            Map<String, String> settings = new HashMap<>();
            settings.put("sms.messaging.twilio.account-sid", ACCOUNT);
            settings.put("sms.messaging.twilio.auth-token", "secret-token-0123456789");
            settings.put("sms.messaging.twilio.api-base-url", "http://127.0.0.1:9");
            settings.put("sms.messaging.twilio.content-api-base-url", twilio.baseUrl());
            MessagingProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("sms.messaging", MessagingProperties.class);

            List<ContentTemplateView> templates = new TwilioSender(properties).templates();

            assertThat(templates).extracting(ContentTemplateView::name)
                .containsExactly("flash_offer", "loyalty_points", "order_update");
            ContentTemplateView order = templates.get(2);
            assertThat(order.sid()).isEqualTo("HXb5b62575e6e4ff6129ad7c8efe1f983e");
            assertThat(order.language()).isEqualTo("en");
            assertThat(order.approval()).isEqualTo(ContentTemplateView.Approval.APPROVED);
            assertThat(order.body()).isEqualTo("Hi {{1}}, your order is on its way. Track it here: {{2}}");
            assertThat(order.variables()).containsExactly("1", "2");
            assertThat(templates.get(1).approval()).as("approval under whatsapp")
                .isEqualTo(ContentTemplateView.Approval.PENDING);
            assertThat(templates.get(1).body()).as("a card's text")
                .isEqualTo("Hallo {{1}}, {{2}} Punkte warten auf dich.");
            assertThat(templates.get(1).language()).isEqualTo("de");
            assertThat(templates.get(0).approval()).isEqualTo(ContentTemplateView.Approval.REJECTED);
            assertThat(templates.get(0).variables()).isEmpty();
            List<TwilioStub.Received> requests = twilio.received();
            assertThat(requests).hasSize(2);
            assertThat(requests).allSatisfy((request) -> {
                assertThat(request.method()).isEqualTo("GET");
                assertThat(request.path()).isEqualTo("/v1/ContentAndApprovals");
                assertThat(request.authorization()).startsWith("Basic ");
            });
            assertThat(requests.get(1).query()).as("the next page, rewritten to the configured address")
                .contains("PageToken=PT2");
        }
    }

}

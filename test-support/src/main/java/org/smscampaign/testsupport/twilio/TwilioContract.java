package org.smscampaign.testsupport.twilio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twilio's own OpenAPI description of its REST API
 * ({@code /twilio/twilio_api_v2010.json}, from twilio/twilio-oai) as assertions on the
 * requests we send: every field one Twilio knows, of its type, format, length and
 * pattern, and the channel's addresses. Shared by the gateway's contract test and the
 * platform's full-stack contract test.
 */
public final class TwilioContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final JsonNode ROOT = read();

    /** The create-message request's form schema. */
    public static final JsonNode CREATE = ROOT.path("paths")
        .path("/2010-04-01/Accounts/{AccountSid}/Messages.json")
        .path("post")
        .path("requestBody")
        .path("content")
        .path("application/x-www-form-urlencoded")
        .path("schema");

    /** A message resource as Twilio answers it. */
    public static final JsonNode MESSAGE = ROOT.path("components").path("schemas").path("api.v2010.account.message");

    private TwilioContract() {
    }

    private static JsonNode read() {
        try (InputStream spec = TwilioContract.class.getResourceAsStream("/twilio/twilio_api_v2010.json")) {
            return JSON.readTree(spec);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * A create-message request as Twilio's description defines it: required fields, known
     * fields only, each of its type, format, length and pattern; From or a Messaging
     * Service; text or a template, never both.
     */
    public static void assertCreateRequest(Map<String, String> form) {
        JsonNode properties = CREATE.path("properties");
        assertThat(properties.has("To")).as("Twilio's contract was read").isTrue();
        for (JsonNode required : CREATE.path("required")) {
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
                // Only the recipient may be an RCS address: RCS goes out through a
                // Messaging Service, never from a number.
                case "phone-number" -> assertThat(value).as(name)
                    .matches(
                            name.equals("To") ? "(whatsapp:|rcs:)?\\+[1-9]\\d{6,14}" : "(whatsapp:)?\\+[1-9]\\d{6,14}");
                case "uri" -> assertThat(URI.create(value).isAbsolute()).as(name).isTrue();
                default -> {
                }
            }
            if (field.has("pattern")) {
                assertThat(value).as(name).matches(field.path("pattern").asString());
            }
            if (field.has("minLength")) {
                assertThat(value.length()).as(name).isGreaterThanOrEqualTo(field.path("minLength").asInt());
            }
            if (field.has("maxLength")) {
                assertThat(value.length()).as(name).isLessThanOrEqualTo(field.path("maxLength").asInt());
            }
        });
        assertThat(form.containsKey("From") || form.containsKey("MessagingServiceSid"))
            .as("From or MessagingServiceSid")
            .isTrue();
        assertThat(form.containsKey("Body") || form.containsKey("ContentSid")).as("Body or ContentSid").isTrue();
        assertThat(form.containsKey("Body") && form.containsKey("ContentSid")).as("a template carries no Body")
            .isFalse();
        if (form.containsKey("ContentVariables")) {
            assertThat(JSON.readTree(form.get("ContentVariables")).isObject()).as("ContentVariables is a JSON object")
                .isTrue();
        }
    }

    /** The channel an address is on: {@code whatsapp}, {@code rcs} or {@code sms}. */
    public static String channelOf(String address) {
        int colon = address.indexOf(':');
        return (colon > 0) ? address.substring(0, colon) : "sms";
    }

    /**
     * The request goes on the channel ({@code sms}, {@code whatsapp}, {@code rcs}): To
     * (and From, when a number) carry its prefix; RCS only through a Messaging Service.
     */
    public static void assertChannel(Map<String, String> form, String channel) {
        assertCreateRequest(form);
        assertThat(channelOf(form.get("To"))).as("the channel of To " + form.get("To")).isEqualTo(channel);
        if (form.containsKey("From")) {
            assertThat(channelOf(form.get("From"))).as("the channel of From " + form.get("From")).isEqualTo(channel);
        }
        if (channel.equals("rcs")) {
            assertThat(form).as("RCS through the Messaging Service that holds the RCS sender")
                .containsKey("MessagingServiceSid")
                .doesNotContainKey("From");
        }
    }

}

package org.smscampaign.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.smscampaign.messaging.provider.TwilioSignatures;

/** Posts Twilio-shaped webhook requests to the platform, signed or not. */
public final class Webhooks {

    private final int port;

    private final String token;

    private final HttpClient http = HttpClient.newHttpClient();

    public Webhooks(int port, String token) {
        this.port = port;
        this.token = token;
    }

    public HttpResponse<String> status(long messageId, String status, String sid, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", "AC00000000000000000000000000000000");
        form.put("ApiVersion", "2010-04-01");
        form.put("MessageSid", sid);
        form.put("SmsSid", sid);
        form.put("MessageStatus", status);
        form.put("SmsStatus", status);
        form.put("From", "+15005550006");
        form.put("To", "+491761234567");
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return post("/webhooks/twilio/status/" + messageId, form, true);
    }

    public HttpResponse<String> inbound(String from, String body, String optOutType) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", "AC00000000000000000000000000000000");
        form.put("ApiVersion", "2010-04-01");
        form.put("MessageSid", "SM" + Long.toHexString(System.nanoTime()) + "0000000000000000");
        form.put("From", from);
        form.put("To", "+15005550006");
        form.put("Body", body);
        form.put("NumMedia", "0");
        if (optOutType != null) {
            form.put("OptOutType", optOutType);
        }
        return post("/webhooks/twilio/inbound", form, true);
    }

    /** Posts a form, signed with the right key or not signed at all. */
    public HttpResponse<String> post(String path, Map<String, String> form, boolean signed) {
        return post(path, form, signed ? TwilioSignatures.sign(url(path), form, this.token) : null);
    }

    public HttpResponse<String> post(String path, Map<String, String> form, String signature) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + this.port + path;
    }

}

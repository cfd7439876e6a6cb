package org.smscampaign.messaging.provider;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessagingProperties;

/**
 * Sends through Twilio's Messages API with twilio-java: From number or Messaging Service,
 * status callback carrying our message id, validity period and smart encoding. WhatsApp
 * goes the same way with {@code whatsapp:} addresses.
 */
public class TwilioSender implements SmsSender {

    private final TwilioRestClient client;

    private final MessagingProperties.Twilio settings;

    public TwilioSender(MessagingProperties properties) {
        this.settings = properties.twilio();
        if (blank(this.settings.accountSid()) || blank(this.settings.authToken())) {
            throw new IllegalStateException("sms.messaging.provider=TWILIO needs TWILIO_ACCOUNT_SID and "
                    + "TWILIO_AUTH_TOKEN in the environment");
        }
        this.client = new TwilioRestClient.Builder(this.settings.accountSid(), this.settings.authToken())
            .httpClient(new TwilioHttp(this.settings.apiBaseUrl(), properties.dispatch().requestTimeout()))
            .build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        MessagingProperties.Sender sender = message.sender();
        PhoneNumber to = new PhoneNumber(message.channel().address(message.to()));
        MessageCreator creator = (sender.messagingServiceSid() != null)
                ? Message.creator(to, sender.messagingServiceSid(), message.body())
                : Message.creator(to, new PhoneNumber(message.channel().address(sender.from())), message.body());
        creator.setStatusCallback(message.statusCallback());
        if (this.settings.validityPeriod() > 0) {
            creator.setValidityPeriod(this.settings.validityPeriod());
        }
        creator.setSmartEncoded(this.settings.smartEncoding());
        try {
            Message created = creator.create(this.client);
            MessageStatus status = MessageStatus.ofTwilio(String.valueOf(created.getStatus()));
            return new SendOutcome.Accepted(created.getSid(), (status != null) ? status : MessageStatus.ACCEPTED,
                    price(created.getPrice()),
                    (created.getPriceUnit() != null) ? created.getPriceUnit().getCurrencyCode() : null);
        }
        catch (TwilioHttp.Throttled ex) {
            return new SendOutcome.Throttled(ex.retryAfter);
        }
        catch (TwilioHttp.NotConnected ex) {
            return new SendOutcome.Unavailable(ex.getMessage());
        }
        catch (TwilioHttp.NoAnswer ex) {
            return new SendOutcome.Ambiguous(ex.getMessage());
        }
        catch (ApiException ex) {
            return refused(ex);
        }
    }

    /** Twilio states prices as negative decimal strings ("-0.00750"), or none yet. */
    private static BigDecimal price(String price) {
        try {
            return (price != null && !price.isBlank()) ? new BigDecimal(price).abs() : null;
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static SendOutcome refused(ApiException ex) {
        int status = (ex.getStatusCode() != null) ? ex.getStatusCode() : 0;
        Integer code = ex.getCode();
        if (status == 429 || (code != null && code == TwilioErrors.TOO_MANY_REQUESTS)) {
            return new SendOutcome.Throttled(null);
        }
        if (status >= 500 || status == 401 || status == 403 || status == 0) {
            // Down, or our credentials refused: not the message's fault, so it waits.
            return new SendOutcome.Unavailable("Twilio answered " + status + ": " + ex.getMessage());
        }
        return new SendOutcome.Rejected((code != null) ? code : status, ex.getMessage());
    }

    /**
     * Looks for the message among Twilio's messages to the same number since the attempt,
     * with the same body.
     */
    @Override
    public Lookup lookup(OutgoingMessage message, Instant attemptedAt) {
        try {
            ResourceSet<Message> found = Message.reader()
                .setTo(new PhoneNumber(message.channel().address(message.to())))
                .setDateSentAfter(attemptedAt.minusSeconds(60).atZone(ZoneOffset.UTC))
                .setPageSize(50L)
                .read(this.client);
            for (Message candidate : found) {
                if (message.body().equals(candidate.getBody())) {
                    MessageStatus status = MessageStatus.ofTwilio(String.valueOf(candidate.getStatus()));
                    return new Lookup.Found(candidate.getSid(), (status != null) ? status : MessageStatus.ACCEPTED);
                }
            }
            return new Lookup.NotFound();
        }
        catch (RuntimeException ex) {
            return new Lookup.CannotTell(
                    ex.getClass().getSimpleName().toLowerCase(Locale.ROOT) + ": " + ex.getMessage());
        }
    }

    /**
     * Fetches each message (Twilio's status callbacks carry no price): its {@code price}
     * once Twilio has priced it. A message Twilio does not know is left out; being
     * throttled or unreachable ends the round with what was fetched (the rest are asked
     * again later).
     */
    @Override
    public Map<String, StatedPrice> prices(Collection<String> sids) {
        Map<String, StatedPrice> prices = new LinkedHashMap<>();
        for (String sid : sids) {
            try {
                Message message = Message.fetcher(sid).fetch(this.client);
                BigDecimal amount = price(message.getPrice());
                if (amount != null && message.getPriceUnit() != null) {
                    prices.put(sid, new StatedPrice(amount, message.getPriceUnit().getCurrencyCode()));
                }
            }
            catch (ApiException ex) {
                if (ex.getStatusCode() != null && ex.getStatusCode() == 404) {
                    continue;
                }
                if (prices.isEmpty()) {
                    throw ex;
                }
                break; // what was fetched counts; the others are asked again later
            }
            catch (RuntimeException ex) {
                if (prices.isEmpty()) {
                    throw ex;
                }
                break;
            }
        }
        return prices;
    }

    /** The Content API's templates with their approvals (issue 19, wt-wire). */
    @Override
    public java.util.List<org.smscampaign.messaging.ContentTemplateView> templates() {
        throw new UnsupportedOperationException("Listing Twilio Content API templates comes with issue 19");
    }

}

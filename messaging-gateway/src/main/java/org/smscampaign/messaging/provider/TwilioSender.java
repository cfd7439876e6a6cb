package org.smscampaign.messaging.provider;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.Domains;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.rest.content.v1.ContentAndApprovals;
import com.twilio.type.PhoneNumber;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.ContentTemplateView;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessagingProperties;

/**
 * Sends through Twilio's Messages API with twilio-java: From number or Messaging Service,
 * status callback carrying our message id, validity period and smart encoding. WhatsApp
 * and RCS go the same way with {@code whatsapp:} and {@code rcs:} addresses; templates
 * come from the Content API.
 */
public class TwilioSender implements SmsSender {

    /** A lookup after an ambiguous attempt: a handful of pages, then "cannot tell". */
    static final ProviderPages.Bounds LOOKUP = new ProviderPages.Bounds(5, 250, Duration.ofSeconds(20));

    /** The content templates: an account has hundreds, not tens of thousands. */
    static final ProviderPages.Bounds TEMPLATES = new ProviderPages.Bounds(40, 20_000, Duration.ofSeconds(60));

    private final TwilioRestClient client;

    private final MessagingProperties.Twilio settings;

    public TwilioSender(MessagingProperties properties) {
        this.settings = properties.twilio();
        if (blank(this.settings.accountSid()) || blank(this.settings.authToken())) {
            throw new IllegalStateException("sms.messaging.provider=TWILIO needs TWILIO_ACCOUNT_SID and "
                    + "TWILIO_AUTH_TOKEN in the environment");
        }
        this.client = new TwilioRestClient.Builder(this.settings.accountSid(), this.settings.authToken())
            .httpClient(new TwilioHttp(this.settings.apiBaseUrl(), this.settings.contentApiBaseUrl(),
                    properties.dispatch().requestTimeout()))
            .build();
        properties.senders().forEach((name, sender) -> {
            if (sender.channel() == Channel.RCS && blank(sender.messagingServiceSid())) {
                throw new IllegalStateException("The RCS sender '" + name + "' needs the messaging-service-sid of "
                        + "the Messaging Service that holds its RCS sender");
            }
        });
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        MessageCreator creator = creator(message);
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

    /**
     * The create request in Twilio's shape for the channel: WhatsApp with
     * {@code whatsapp:} To and From; RCS only through the Messaging Service that holds
     * the RCS sender, To {@code rcs:+E164} so Twilio never falls back to SMS by itself
     * (the cascade decides that); a template as ContentSid and ContentVariables, without
     * Body.
     */
    static MessageCreator creator(OutgoingMessage message) {
        MessagingProperties.Sender sender = message.sender();
        Channel channel = message.channel();
        PhoneNumber to = new PhoneNumber(channel.address(message.to()));
        String body = (message.template() != null) ? null : message.body();
        MessageCreator creator;
        if (sender.messagingServiceSid() != null && !sender.messagingServiceSid().isBlank()) {
            creator = Message.creator(to, sender.messagingServiceSid(), body);
        }
        else if (channel == Channel.RCS) {
            throw new IllegalStateException("An RCS sender needs its messaging-service-sid");
        }
        else {
            creator = Message.creator(to, new PhoneNumber(channel.address(sender.from())), body);
        }
        if (message.template() != null) {
            creator.setContentSid(message.template().contentSid());
            if (message.template().variables() != null) {
                creator.setContentVariables(message.template().variables());
            }
        }
        return creator;
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
     * with the same body: within {@link #LOOKUP} (pages, records, time), following only
     * pages of the same query. A walk cut short cannot tell: "not found" would send the
     * message again.
     */
    @Override
    public Lookup lookup(OutgoingMessage message, Instant attemptedAt) {
        try {
            ProviderPages.Walk<Message> walk = ProviderPages.walk(
                    Message.reader()
                        .setTo(new PhoneNumber(message.channel().address(message.to())))
                        .setDateSentAfter(attemptedAt.minusSeconds(60).atZone(ZoneOffset.UTC))
                        .setPageSize(50L),
                    this.client, Domains.API.toString(), LOOKUP,
                    (candidate) -> message.body().equals(candidate.getBody()));
            if (walk.found() != null) {
                MessageStatus status = MessageStatus.ofTwilio(String.valueOf(walk.found().getStatus()));
                return new Lookup.Found(walk.found().getSid(), (status != null) ? status : MessageStatus.ACCEPTED);
            }
            if (walk.cutShort() != null) {
                return new Lookup.CannotTell("Twilio's messages to the number: " + walk.cutShort());
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

    /**
     * The Content API's templates with their WhatsApp approval, every page of them
     * ({@code GET /v1/ContentAndApprovals}).
     */
    @Override
    public List<ContentTemplateView> templates() {
        List<ContentTemplateView> templates = new ArrayList<>();
        ProviderPages.Walk<ContentAndApprovals> walk = ProviderPages.walk(ContentAndApprovals.reader().setPageSize(500),
                this.client, Domains.CONTENT.toString(), TEMPLATES, (content) -> {
                    templates.add(ContentTemplateMapping.view(content.getSid(), content.getFriendlyName(),
                            content.getLanguage(), content.getTypes(), content.getApprovalRequests(),
                            content.getVariables()));
                    return false;
                });
        if (walk.cutShort() != null) {
            // A partial list would make missing templates look deleted.
            throw new IllegalStateException("Twilio's content templates: " + walk.cutShort());
        }
        templates.sort(Comparator.comparing(ContentTemplateView::name, String.CASE_INSENSITIVE_ORDER));
        return templates;
    }

}

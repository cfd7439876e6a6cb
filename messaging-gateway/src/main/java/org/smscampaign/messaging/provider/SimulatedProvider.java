package org.smscampaign.messaging.provider;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.ContentTemplateView;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.SimulatorBehaviour;
import org.smscampaign.messaging.SmsText;
import org.smscampaign.messaging.pricing.PriceTable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded provider: answers like Twilio after a configurable latency, keeps its own
 * record of what it received, and later posts signed status callbacks (sent, then
 * delivered, undelivered or failed with real Twilio error codes, at configurable shares)
 * to the platform's own webhook. It can be told to throttle (429), fail (503), answer too
 * late, answer slowly (5 s), refuse connections or refuse everything, for tests and
 * demos.
 */
public class SimulatedProvider implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(SimulatedProvider.class);

    static final String ACCOUNT_SID = "ACsimulated0000000000000000000000";

    private static final List<Integer> UNDELIVERED_CODES = List.of(30003, 30005, 30006);

    private static final List<Integer> FAILED_CODES = List.of(30007, 30008);

    /**
     * Twilio: the channel could not find the To address (no WhatsApp account, not
     * RCS-capable).
     */
    private static final int NOT_ON_CHANNEL = 63003;

    /** Twilio: free text outside the 24-hour customer-service window. */
    static final int OUTSIDE_WINDOW = 63016;

    /** Twilio: the ContentSid is no template of the account. */
    static final int INVALID_CONTENT_SID = 21655;

    /** Twilio: the template was rejected by WhatsApp (or is not approved yet). */
    static final int TEMPLATE_NOT_APPROVED = 63040;

    private static final int CALLBACK_CONCURRENCY = 16;

    private final MessagingProperties.Simulator settings;

    private final java.time.Duration customerWindow;

    private final PriceTable prices;

    private final JdbcClient jdbc;

    private final SignatureKey key;

    private final CallbackAddresses addresses;

    private final ScheduledExecutorService callbacks;

    private final CloseableHttpClient http;

    private volatile SimulatorBehaviour behaviour;

    public SimulatedProvider(MessagingProperties properties, JdbcClient jdbc, SignatureKey key,
            CallbackAddresses addresses, PriceTable prices) {
        this.settings = properties.simulator();
        this.customerWindow = properties.templates().customerWindow();
        this.prices = prices;
        this.addresses = addresses;
        this.jdbc = jdbc;
        this.key = key;
        this.behaviour = this.settings.behaviour();
        // Callbacks posted at once, as a provider bounds its webhook workers: one
        // blocking
        // post per thread, on as many pooled connections. Unbounded, a big send opened a
        // connection per callback until the process ran out of file handles; when all
        // threads post, later callbacks wait (they arrive late, never lost). A blocking
        // client on purpose: the JDK's asynchronous one costs two thread hand-overs per
        // callback, and on two cores a new thread for each answer.
        this.callbacks = Executors.newScheduledThreadPool(CALLBACK_CONCURRENCY, (task) -> {
            Thread thread = new Thread(task, "simulator-callbacks");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(CALLBACK_CONCURRENCY)
                .setMaxConnPerRoute(CALLBACK_CONCURRENCY)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofSeconds(5))
                    .setSocketTimeout(Timeout.ofSeconds(10))
                    .build())
                .build())
            .disableAutomaticRetries() // a provider posts each callback once
            .setUserAgent("TwilioProxy/1.1 (simulated)")
            .build();
    }

    public void behave(SimulatorBehaviour behaviour) {
        log.info("Simulated provider now answers {}", behaviour);
        this.behaviour = behaviour;
    }

    public SimulatorBehaviour behaviour() {
        return this.behaviour;
    }

    /**
     * Twilio's magic test numbers, answered as Twilio answers them: invalid, not
     * routable, no permission for the region, unsubscribed, not a mobile number.
     */
    private static final java.util.Map<String, Integer> MAGIC_NUMBERS = java.util.Map.of("+15005550001", 21211,
            "+15005550002", 21612, "+15005550003", 21408, "+15005550004", TwilioErrors.UNSUBSCRIBED, "+15005550009",
            21614);

    @Override
    public SendOutcome send(OutgoingMessage message) {
        Integer magic = MAGIC_NUMBERS.get(message.to());
        SimulatorBehaviour now = this.behaviour;
        if (magic == null && now == SimulatorBehaviour.UNREACHABLE) {
            // A refused connection answers at once, without the provider's latency.
            return new SendOutcome.Unavailable("simulated: connection refused");
        }
        boolean accepts = now == SimulatorBehaviour.NORMAL || now == SimulatorBehaviour.TIMEOUT
                || now == SimulatorBehaviour.SLOW;
        if (magic != null || !accepts) {
            pause(this.settings.latency());
            if (magic != null) {
                return new SendOutcome.Rejected(magic, "simulated Twilio test number");
            }
            return switch (now) {
                case THROTTLE -> new SendOutcome.Throttled(Duration.ofSeconds(1));
                case SERVER_ERROR -> new SendOutcome.Unavailable("simulated provider answered 503");
                default -> new SendOutcome.Rejected(TwilioErrors.INVALID_TO, "simulated: invalid 'To' number");
            };
        }
        SendOutcome refused = refusedTemplate(message);
        if (refused != null) {
            pause(this.settings.latency());
            return refused;
        }
        // As with a real provider, the request is received as soon as it is sent; the
        // answer
        // takes the latency. A caller that stalls meanwhile finds the message in the
        // record.
        Duration answer = (now == SimulatorBehaviour.SLOW) ? SimulatorBehaviour.SLOW_ANSWER : this.settings.latency();
        String sid = accept(message, answer);
        pause(answer);
        return (now == SimulatorBehaviour.TIMEOUT)
                ? new SendOutcome.Ambiguous("simulated: no answer within the request timeout")
                : new SendOutcome.Accepted(sid, MessageStatus.ACCEPTED, null, null);
    }

    /**
     * Twilio refuses a template at once: 21655 for a sid that is none of the account's,
     * 63040 for one WhatsApp has not approved (pending or rejected).
     */
    private static SendOutcome refusedTemplate(OutgoingMessage message) {
        if (message.template() == null) {
            return null;
        }
        ContentTemplateView template = SimulatedTemplates.ALL.stream()
            .filter((candidate) -> candidate.sid().equals(message.template().contentSid()))
            .findFirst()
            .orElse(null);
        if (template == null) {
            return new SendOutcome.Rejected(INVALID_CONTENT_SID, "simulated: the ContentSid is invalid");
        }
        if (!template.approved()) {
            return new SendOutcome.Rejected(TEMPLATE_NOT_APPROVED,
                    "simulated: template " + template.name() + " is not approved by WhatsApp");
        }
        return null;
    }

    /**
     * Whether the simulated number is on the channel: stable per number (a hash of it
     * against the channel's share); numbers ending in 9 are on neither WhatsApp nor RCS.
     */
    public static boolean reachable(org.smscampaign.messaging.Channel channel, String number, double share) {
        if (channel == org.smscampaign.messaging.Channel.SMS) {
            return true;
        }
        String bare = org.smscampaign.messaging.Channel.number(number);
        return !bare.endsWith("9") && stableShare(channel.name() + ":" + bare) < share;
    }

    /** Whether the person behind the number reads what they get (stable per number). */
    public static boolean reads(String number, double share) {
        return stableShare("read:" + org.smscampaign.messaging.Channel.number(number)) < share;
    }

    /** A number in [0, 1) that is the same for the same key on every run. */
    private static double stableShare(String key) {
        java.util.UUID hash = java.util.UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
        // The high bits: UUID's version and variant bits sit low in them.
        return (hash.getMostSignificantBits() >>> 11) / (double) (1L << 53);
    }

    public MessagingProperties.Simulator settings() {
        return this.settings;
    }

    private boolean windowOpen(String number) {
        return this.jdbc.sql("""
                select exists (select 1 from inbound_message where from_number = :number and channel = 'WHATSAPP'
                  and received_at > now() - cast(:window as interval))""")
            .param("number", org.smscampaign.messaging.Channel.number(number))
            .param("window", this.customerWindow.toSeconds() + " seconds")
            .query(Boolean.class)
            .single();
    }

    private String accept(OutgoingMessage message, Duration answer) {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        String sid = "SM" + HexFormat.of().formatHex(random);
        Fate fate = fate(message);
        if (this.settings.keepRecord()) {
            // Priced as Twilio prices: per segment for the destination, nothing for a
            // message that failed before the carrier; stated when asked, never in a
            // callback.
            BigDecimal price = fate.status().equals("failed") ? BigDecimal.ZERO
                    : this.prices.quote(message.channel(), message.to(), message.sender())
                        .costOf(message.channel().billedUnits(SmsText.of(message.body()).segments()));
            this.jdbc
                .sql("insert into simulator_message (sid, message_id, to_number, from_sender, body, price, price_unit, "
                        + "channel, content_sid) values (:sid, :message, :to, :from, :body, :price, :unit, :channel, "
                        + ":content)")
                .param("sid", sid)
                .param("message", message.id())
                .param("to", message.channel().address(message.to()))
                .param("from", message.senderName())
                .param("body", message.body())
                .param("price", price)
                .param("unit", (price != null) ? this.prices.currency() : null)
                .param("channel", message.channel().name())
                .param("content", (message.template() != null) ? message.template().contentSid() : null)
                .update();
        }
        if (this.settings.callbacks() && message.statusCallback() != null) {
            scheduleFate(message, sid, fate, answer);
        }
        return sid;
    }

    /** What becomes of a message: its final status and error code. */
    private record Fate(String status, Integer code) {

    }

    /** The receipts of a message, the first once the provider has answered. */
    private void scheduleFate(OutgoingMessage message, String sid, Fate fate, Duration answer) {
        long sentAfter = Math.max(10, answer.toMillis());
        long finalAfter = sentAfter + this.settings.deliveryDelay().toMillis();
        this.callbacks.schedule(() -> post(message, sid, "sent", null), sentAfter, TimeUnit.MILLISECONDS);
        this.callbacks.schedule(() -> post(message, sid, fate.status(), fate.code()), finalAfter,
                TimeUnit.MILLISECONDS);
        if (fate.status().equals("delivered") && message.channel() != org.smscampaign.messaging.Channel.SMS
                && reads(message.to(), this.settings.readShare())) {
            this.callbacks.schedule(() -> post(message, sid, "read", null),
                    finalAfter + this.settings.readDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Fate fate(OutgoingMessage message) {
        double roll = ThreadLocalRandom.current().nextDouble();
        String status;
        Integer code = null;
        org.smscampaign.messaging.Channel channel = message.channel();
        double share = (channel == org.smscampaign.messaging.Channel.WHATSAPP) ? this.settings.whatsAppShare()
                : this.settings.rcsShare();
        if (!reachable(channel, message.to(), share)) {
            // No WhatsApp account, or a phone that takes no RCS: 63003.
            status = "failed";
            code = NOT_ON_CHANNEL;
        }
        else if (channel == org.smscampaign.messaging.Channel.WHATSAPP && message.template() == null
                && !windowOpen(message.to())) {
            // Free text to someone who has not written to us within 24 hours.
            status = "failed";
            code = OUTSIDE_WINDOW;
        }
        else if (roll < this.settings.deliveredShare()) {
            status = "delivered";
        }
        else if (roll < this.settings.deliveredShare() + this.settings.undeliveredShare()) {
            status = "undelivered";
            code = UNDELIVERED_CODES.get(ThreadLocalRandom.current().nextInt(UNDELIVERED_CODES.size()));
        }
        else {
            status = "failed";
            code = FAILED_CODES.get(ThreadLocalRandom.current().nextInt(FAILED_CODES.size()));
        }
        return new Fate(status, code);
    }

    /** Posts one status callback, signed as Twilio signs it. */
    private void post(OutgoingMessage message, String sid, String status, Integer errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("MessageSid", sid);
        form.put("SmsSid", sid);
        form.put("MessageStatus", status);
        form.put("SmsStatus", status);
        form.put("From", message.senderName());
        form.put("To", message.channel().address(message.to()));
        if (errorCode != null) {
            form.put("ErrorCode", errorCode.toString());
        }
        // Signed for the address the provider was given; posted to this very server.
        String url = message.statusCallback().toString();
        HttpPost request = new HttpPost(this.addresses.local(message.statusCallback()));
        request.setHeader("X-Twilio-Signature", TwilioSignatures.sign(url, form, this.key.token()));
        request.setEntity(new UrlEncodedFormEntity(
                form.entrySet().stream().map((e) -> new BasicNameValuePair(e.getKey(), e.getValue())).toList(),
                StandardCharsets.UTF_8));
        try {
            this.http.execute(request, (response) -> {
                EntityUtils.consume(response.getEntity());
                return null;
            });
        }
        catch (IOException ex) {
            log.debug("Simulated callback for message {} not delivered: {}", message.id(), ex.getMessage());
        }
    }

    @Override
    public Lookup lookup(OutgoingMessage message, Instant attemptedAt) {
        if (!this.settings.keepRecord()) {
            return new Lookup.CannotTell("the simulator keeps no record (sms.messaging.simulator.keep-record)");
        }
        return this.jdbc.sql("select sid from simulator_message where message_id = :id order by received_at limit 1")
            .param("id", message.id())
            .query(String.class)
            .optional()
            .<Lookup>map((sid) -> new Lookup.Found(sid, MessageStatus.ACCEPTED))
            .orElseGet(Lookup.NotFound::new);
    }

    /**
     * The prices in its record of the messages it took (it prices each as it takes it).
     */
    @Override
    public Map<String, StatedPrice> prices(Collection<String> sids) {
        Map<String, StatedPrice> prices = new LinkedHashMap<>();
        this.jdbc
            .sql("select sid, price, price_unit from simulator_message where sid = any(:sids) and price is not null")
            .param("sids", sids.toArray(String[]::new))
            .query((row, n) -> prices.put(row.getString("sid"),
                    new StatedPrice(row.getBigDecimal("price"), row.getString("price_unit").strip())))
            .list();
        return prices;
    }

    /**
     * Messages it received for one of our message ids (tests count duplicates with it).
     */
    public long received(long messageId) {
        return this.jdbc.sql("select count(*) from simulator_message where message_id = :id")
            .param("id", messageId)
            .query(Long.class)
            .single();
    }

    public void shutdown() {
        this.callbacks.shutdownNow();
        this.http.close(CloseMode.IMMEDIATE);
    }

    private static void pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The simulated account's templates: approved ones to send, one waiting for
     * WhatsApp's approval and one rejected, as a real account has.
     */
    @Override
    public List<ContentTemplateView> templates() {
        return SimulatedTemplates.ALL;
    }

}

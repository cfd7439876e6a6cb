package org.smscampaign.messaging;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messaging gateway.
 *
 * @param provider who sends: the embedded SIMULATOR (default) or TWILIO
 * @param publicBaseUrl the platform's address as the provider reaches it (status callback
 * URLs, webhook signatures); empty: the address each webhook request arrived at
 * @param senders the senders messages go out from, by name; each paces itself
 * @param dispatch how messages are claimed, sent and retried
 * @param errorStorm when a campaign's sending pauses by itself
 * @param keywords reply keywords and the help text
 * @param twilio the Twilio account (credentials only from the environment)
 * @param simulator the simulator's behaviour
 * @param pricing what messages cost: the price table and the provider's own prices
 * @param reachability how long a number is skipped on a channel it could not be reached
 * on
 * @param templates the provider's approved templates (WhatsApp) and how long their list
 * is cached
 */
@ConfigurationProperties("sms.messaging")
public record MessagingProperties(@DefaultValue("SIMULATOR") Provider provider, URI publicBaseUrl,
        @DefaultValue Map<String, Sender> senders, @DefaultValue Dispatch dispatch, @DefaultValue ErrorStorm errorStorm,
        @DefaultValue Keywords keywords, @DefaultValue Twilio twilio, @DefaultValue Simulator simulator,
        @DefaultValue Pricing pricing, @DefaultValue Reachability reachability, @DefaultValue Templates templates) {

    /** The sender used when none is configured. */
    public static final String DEFAULT_SENDER = "default";

    public MessagingProperties {
        if (publicBaseUrl != null && publicBaseUrl.toString().isBlank()) {
            publicBaseUrl = null; // an empty environment variable means none
        }
        if (senders.isEmpty()) {
            senders = Map.of(DEFAULT_SENDER, new Sender(null, null, Channel.SMS, 10, 0, 8, null));
        }
    }

    /** Who sends the messages. */
    public enum Provider {

        SIMULATOR, TWILIO

    }

    /**
     * A sender: a number, a messaging service or an alphanumeric id, with its pace.
     *
     * @param from the phone number (E.164) or alphanumeric sender id; for WhatsApp the
     * number of the WhatsApp sender
     * @param messagingServiceSid a Twilio Messaging Service instead of a From number
     * (RCS: the Messaging Service that holds the RCS sender)
     * @param channel SMS, WHATSAPP or RCS
     * @param segmentsPerSecond the pace the sender may send at (1 for a US long code, 3
     * toll-free, 10 international, 100 short code; 0: no limit)
     * @param burst segments that may go out at once above the pace (0: a tenth of a
     * second's worth, at least 1)
     * @param concurrency provider requests in flight at once
     * @param costPerSegment price of one segment from this sender, used only for
     * destinations the price table has no row for (see {@link Pricing})
     */
    public record Sender(String from, String messagingServiceSid, @DefaultValue("SMS") Channel channel,
            @DefaultValue("10") double segmentsPerSecond, @DefaultValue("0") long burst,
            @DefaultValue("8") int concurrency, BigDecimal costPerSegment) {

        /** Segments the pacing bucket holds. */
        public long bucketCapacity() {
            return (this.burst > 0) ? this.burst : Math.max(1, (long) Math.ceil(this.segmentsPerSecond / 10));
        }

    }

    /**
     * @param batchSize messages claimed at once (fewer when the pace allows fewer)
     * @param lease how long a claim holds; a worker that has not sent by then sends
     * nothing
     * @param pollInterval how often an idle worker looks for due messages
     * @param maxAttempts provider attempts before a message fails (throttling does not
     * count: nothing was processed)
     * @param initialBackoff first pause after a transient error (doubling, with jitter)
     * @param maxBackoff longest pause between attempts
     * @param requestTimeout longest wait for the provider's answer; past it the outcome
     * is unknown
     * @param unknownOutcome what happens to a message whose sending had no clear outcome
     * and that the provider, asked after {@code reconcileAfter}, says it never received:
     * RESEND (default: the provider's word makes it safe) or FAIL
     * @param reconcileAfter how long an unknown outcome waits for a status callback
     * before the provider is asked
     */
    public record Dispatch(@DefaultValue("200") int batchSize, @DefaultValue("60s") Duration lease,
            @DefaultValue("250ms") Duration pollInterval, @DefaultValue("10") int maxAttempts,
            @DefaultValue("2s") Duration initialBackoff, @DefaultValue("10m") Duration maxBackoff,
            @DefaultValue("15s") Duration requestTimeout, @DefaultValue("RESEND") UnknownOutcome unknownOutcome,
            @DefaultValue("2m") Duration reconcileAfter) {

    }

    /**
     * What to do with a message the provider has no record of after an ambiguous send.
     */
    public enum UnknownOutcome {

        FAIL, RESEND

    }

    /**
     * @param failureShare share of a campaign's finished messages that failed (rejected,
     * undelivered) within the window that pauses it
     * @param window how far back the share is measured
     * @param minimumMessages no verdict from fewer finished messages
     */
    public record ErrorStorm(@DefaultValue("0.5") double failureShare, @DefaultValue("5m") Duration window,
            @DefaultValue("50") int minimumMessages) {

    }

    /**
     * @param optOut words that unsubscribe (alone in a reply, any case)
     * @param optIn words that subscribe again
     * @param help words that ask for help
     * @param helpText the answer to a help request
     * @param reviewPhrases words that make a free reply read like an opt-out (queued for
     * review)
     * @param queryWords first words that make a free reply a query (a question)
     * @param queryPhrases phrases that make a free reply a query (a request for a person)
     */
    public record Keywords(@DefaultValue( {
            "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT" }) List<String> optOut,
            @DefaultValue({ "START", "YES", "UNSTOP" }) List<String> optIn,
            @DefaultValue({ "HELP", "INFO" }) List<String> help,
            @DefaultValue("Msg&data rates may apply. Reply STOP to opt out.") String helpText,
            @DefaultValue({ "stop", "unsubscribe", "opt out", "remove me", "don't text", "dont text", "do not text",
                    "no more", "leave me alone", "take me off" }) List<String> reviewPhrases,
            @DefaultValue({ "how", "what", "when", "where", "why", "who", "which", "can", "could", "do", "does", "did",
                    "is", "are", "will", "would", "should", "may", "wie", "was", "wann", "wo", "warum", "wer", "welche",
                    "kann", "gibt", "comment", "quand", "où", "pourquoi", "quel", "quelle", "est-ce", "cómo", "qué",
                    "cuándo", "dónde", "puedo" }) List<String> queryWords,
            @DefaultValue({ "call me", "contact me", "i need", "i want", "i would like", "i'd like", "please send",
                    "send me", "tell me", "let me know", "help me", "is it possible", "not working", "doesn't work",
                    "didn't arrive", "did not arrive", "wrong", "refund", "complaint", "problem", "price", "how much",
                    "bitte", "rückruf", "ich möchte", "ich brauche" }) List<String> queryPhrases){

    }

    /**
     * @param accountSid the account ({@code TWILIO_ACCOUNT_SID})
     * @param authToken its auth token, also the key of webhook signatures
     * ({@code TWILIO_AUTH_TOKEN})
     * @param apiBaseUrl the REST API's address (a regional edge, or a local mock in
     * tests)
     * @param contentApiBaseUrl the Content API's address (templates)
     * @param validityPeriod seconds a message may wait in Twilio's queue (0: Twilio's
     * default)
     * @param smartEncoding let Twilio replace look-alike Unicode so a message stays GSM-7
     */
    public record Twilio(String accountSid, String authToken, @DefaultValue("https://api.twilio.com") URI apiBaseUrl,
            @DefaultValue("0") int validityPeriod, @DefaultValue("true") boolean smartEncoding,
            @DefaultValue("https://content.twilio.com") URI contentApiBaseUrl) {

    }

    /**
     * What a number can be reached on, learned from the provider's answers.
     *
     * @param skipPeriod how long a number that is not on a channel (63003: no WhatsApp
     * account, not RCS-capable) or failed on it is skipped on that channel by later
     * cascades
     * @param defaultWhatsAppShare the share of numbers assumed reachable on WhatsApp by
     * the preflight while no past campaign taught better
     * @param defaultRcsShare the same for RCS
     * @param minimumHistory past messages on a channel (per country) before the learned
     * rate replaces the default
     */
    public record Reachability(@DefaultValue("30d") Duration skipPeriod,
            @DefaultValue("0.6") double defaultWhatsAppShare, @DefaultValue("0.4") double defaultRcsShare,
            @DefaultValue("100") int minimumHistory) {

    }

    /**
     * @param cacheFor how long the list of the account's templates is kept before it is
     * asked again
     * @param customerWindow how long after a person's last message free text may be sent
     * on WhatsApp (the customer-service window)
     */
    public record Templates(@DefaultValue("10m") Duration cacheFor, @DefaultValue("24h") Duration customerWindow) {

    }

    /**
     * @param latency how long the simulated provider takes to answer
     * @param deliveryDelay how long after sending the delivery receipt comes
     * @param deliveredShare share of messages delivered
     * @param undeliveredShare share undelivered (30003, 30005, 30006); the rest fail
     * (30007, 30008)
     * @param callbacks post status callbacks to the platform's webhook
     * @param keepRecord keep the simulator's own record of what it received
     * (reconciliation)
     * @param behaviour how it answers: NORMAL, THROTTLE (429), SERVER_ERROR (503),
     * TIMEOUT (accepts, then answers too late), REJECT (21211), SLOW (accepts, answers
     * after 5 s) or UNREACHABLE (connection refused)
     * @param whatsAppShare share of numbers that have a WhatsApp account (stable per
     * number; the others fail with 63003)
     * @param rcsShare share of numbers whose phone takes RCS (the others fail with 63003)
     * @param readShare share of delivered WhatsApp and RCS messages that are read
     * @param readDelay how long after delivery a read message is read
     */
    public record Simulator(@DefaultValue("50ms") Duration latency, @DefaultValue("2s") Duration deliveryDelay,
            @DefaultValue("0.95") double deliveredShare, @DefaultValue("0.03") double undeliveredShare,
            @DefaultValue("true") boolean callbacks, @DefaultValue("true") boolean keepRecord,
            @DefaultValue("NORMAL") SimulatorBehaviour behaviour, @DefaultValue("0.7") double whatsAppShare,
            @DefaultValue("0.5") double rcsShare, @DefaultValue("0.6") double readShare,
            @DefaultValue("3s") Duration readDelay) {

    }

    /**
     * What messages cost. A message costs the price the provider reported for it (fetched
     * after sending); until then, and where the provider states none, the price table's
     * price for its channel and destination country times its segments; where the table
     * has no row for the channel and country (nor one for every other country), the
     * sender's own {@code cost-per-segment}.
     *
     * @param currency the currency of the table's prices (ISO 4217)
     * @param prices price per segment (SMS) or per message (WhatsApp, RCS) by channel and
     * destination country (no country: every other country); empty: the built-in list
     * prices
     * @param fetch asking the provider for each message's price after sending
     */
    public record Pricing(@DefaultValue("USD") String currency, List<Price> prices, @DefaultValue PriceFetch fetch) {

        public Pricing {
            currency = currency.strip().toUpperCase(java.util.Locale.ROOT);
            java.util.Currency.getInstance(currency); // refuses a code that is not ISO
                                                      // 4217
            if (prices == null || prices.isEmpty()) {
                // Twilio's list prices per outbound segment (USD, November 2026).
                prices = List.of(new Price(Channel.SMS, null, new BigDecimal("0.0500")),
                        new Price(Channel.SMS, "US", new BigDecimal("0.0079")),
                        new Price(Channel.SMS, "CA", new BigDecimal("0.0079")),
                        new Price(Channel.SMS, "GB", new BigDecimal("0.0398")),
                        new Price(Channel.SMS, "DE", new BigDecimal("0.0865")),
                        new Price(Channel.SMS, "FR", new BigDecimal("0.0769")),
                        new Price(Channel.SMS, "ES", new BigDecimal("0.0748")),
                        // WhatsApp: Twilio's fee (0.005) plus Meta's utility-template fee
                        // per message; RCS: per message, near SMS where carriers price it
                        // so (US), well below international SMS elsewhere.
                        new Price(Channel.WHATSAPP, null, new BigDecimal("0.0300")),
                        new Price(Channel.WHATSAPP, "US", new BigDecimal("0.0190")),
                        new Price(Channel.WHATSAPP, "CA", new BigDecimal("0.0190")),
                        new Price(Channel.WHATSAPP, "GB", new BigDecimal("0.0270")),
                        new Price(Channel.WHATSAPP, "DE", new BigDecimal("0.0600")),
                        new Price(Channel.WHATSAPP, "FR", new BigDecimal("0.0350")),
                        new Price(Channel.WHATSAPP, "ES", new BigDecimal("0.0250")),
                        new Price(Channel.RCS, null, new BigDecimal("0.0250")),
                        new Price(Channel.RCS, "US", new BigDecimal("0.0083")),
                        new Price(Channel.RCS, "CA", new BigDecimal("0.0083")),
                        new Price(Channel.RCS, "GB", new BigDecimal("0.0300")),
                        new Price(Channel.RCS, "DE", new BigDecimal("0.0500")),
                        new Price(Channel.RCS, "FR", new BigDecimal("0.0450")),
                        new Price(Channel.RCS, "ES", new BigDecimal("0.0450")));
            }
        }

    }

    /**
     * A price per segment on a channel, for a destination country (null or {@code *}:
     * every country without a row of its own).
     */
    public record Price(Channel channel, String country, BigDecimal perSegment) {

        public Price {
            country = (country == null || country.isBlank() || country.strip().equals("*")) ? null
                    : country.strip().toUpperCase(java.util.Locale.ROOT);
        }

    }

    /**
     * Providers state a message's price only after it went out (Twilio: not in the status
     * callback), so it is asked for once the message reached its final status.
     *
     * @param enabled ask the provider for the price of every message it took
     * @param delay how long after the final status before asking (the provider prices a
     * message shortly after it went out)
     * @param interval how often the job asks
     * @param batch messages asked about per run
     * @param maxAttempts tries per message; after them the table's estimate stands
     */
    public record PriceFetch(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration delay,
            @DefaultValue("5s") Duration interval, @DefaultValue("200") int batch, @DefaultValue("5") int maxAttempts) {

    }

}

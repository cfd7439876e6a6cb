package org.smscampaign.link;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.smscampaign.link.click.ClickTokens;
import org.smscampaign.link.conversion.OrderIds;
import org.smscampaign.link.rollup.ClickRollups;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversions, reported by the shop's server or the landing page. Attribution is last
 * human click: the contact's latest human click before the conversion, if it lies within
 * that link's attribution window; otherwise the conversion is stored unattributed.
 * Idempotent on the (normalised) order id and event. Browser reports are unverified: they
 * need an order id, count once per click and event, and count in figures only for a brand
 * that opted in (the view {@code counted_conversion}).
 */
@Service
public class Conversions {

    private static final Pattern EVENT = Pattern.compile("[a-z][a-z0-9_]{0,49}");

    private static final Pattern BARE_ID = Pattern.compile("[0-9]{1,19}");

    public enum Source {

        SERVER, BROWSER,
        /** Uploaded by a marketer (results the platform could not track). */
        IMPORT

    }

    private final JdbcClient jdbc;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    private final ClickRollups rollups;

    private final org.springframework.beans.factory.ObjectProvider<CouponCodes> coupons;

    private final ClickTokens tokens;

    private final LinkProperties.BrowserConversions browserLimits;

    /** The reporting currency and the configured others. */
    private final Set<String> browserCurrencies;

    Conversions(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, ClickRollups rollups,
            ClickTokens tokens, LinkProperties properties, @Value("${sms.money.currency:USD}") String reportingCurrency,
            org.springframework.beans.factory.ObjectProvider<CouponCodes> coupons) {
        this.coupons = coupons;
        this.rollups = rollups;
        this.tokens = tokens;
        this.browserLimits = properties.browserConversions();
        Set<String> currencies = new TreeSet<>();
        currencies.add(reportingCurrency.strip().toUpperCase(Locale.ROOT));
        properties.browserConversions()
            .currencies()
            .forEach((code) -> currencies.add(code.strip().toUpperCase(Locale.ROOT)));
        this.browserCurrencies = Set.copyOf(currencies);
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Attributed conversions of a campaign per variant: how many, and their value. */
    @Transactional(readOnly = true)
    public Map<String, long[]> countsByVariant(long campaignId) {
        Map<String, long[]> counts = new java.util.HashMap<>();
        this.jdbc.sql("""
                select coalesce(variant, '') as variant, count(*) as conversions,
                    coalesce(sum(value), 0) * 100 as cents
                from counted_conversion where campaign_id = :id and attributed group by 1""")
            .param("id", campaignId)
            .query((row, n) -> counts.put(row.getString("variant"),
                    new long[] { row.getLong("conversions"), row.getLong("cents") }))
            .list();
        return counts;
    }

    /**
     * Attributed conversions of some campaigns that count in figures, per campaign and
     * event (the dashboard's conversions, split by event).
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Long>> countsByEvent(java.util.Collection<Long> campaignIds) {
        Map<Long, Map<String, Long>> counts = new java.util.HashMap<>();
        if (campaignIds.isEmpty()) {
            return counts;
        }
        this.jdbc.sql("""
                select campaign_id, event, count(*) as conversions from counted_conversion
                where campaign_id = any(:ids) and attributed group by 1, 2""")
            .param("ids", campaignIds.toArray(new Long[0]))
            .query((row, n) -> counts.computeIfAbsent(row.getLong("campaign_id"), (k) -> new java.util.TreeMap<>())
                .put(row.getString("event"), row.getLong("conversions")))
            .list();
        return counts;
    }

    /**
     * Whether any conversion (postback or landing-page script, counted or not) ever
     * arrived through a link of the brand: conversion tracking is set up.
     */
    @Transactional(readOnly = true)
    public boolean anyForBrand(long brandId) {
        return Boolean.TRUE.equals(this.jdbc.sql("""
                select exists (select 1 from conversion c join short_link l on l.id = c.link_id
                    where l.brand_id = :brand)""").param("brand", brandId).query(Boolean.class).single());
    }

    @Transactional
    public ConversionView record(ConversionRequest request, Source source) {
        if (source == Source.IMPORT) {
            throw new IllegalArgumentException("imports go through recordImport");
        }
        return record(request, source, null, null);
    }

    /**
     * A campaign's attribution decided by whoever imports a result (the contact's latest
     * campaign message within its window, or the campaign the file names).
     */
    public record Given(Long campaignId, Long contactId, String variant) {

    }

    /**
     * Records an uploaded result (source IMPORT, counted like the shop's server ones):
     * attributed through its coupon code, else to the campaign given, else stored for the
     * contact unattributed. Idempotent on order id and event like every report.
     */
    @Transactional
    public ConversionView recordImport(ConversionRequest request, long importId, Given given) {
        return record(request, Source.IMPORT, importId, given);
    }

    private ConversionView record(ConversionRequest request, Source source, Long importId, Given given) {
        boolean browser = source == Source.BROWSER;
        String event = checkedEvent(request.event());
        String currency = checkedCurrency(request.currency(), request.value());
        String orderId = checkedOrderId(request.orderId());
        Instant occurredAt = (request.occurredAt() != null) ? request.occurredAt() : this.clock.instant();
        if (occurredAt.isAfter(this.clock.instant().plus(Duration.ofMinutes(5)))) {
            throw invalid("The conversion time lies in the future.");
        }
        if (browser) {
            checkBrowserReport(orderId, currency, request.value());
        }
        // Every check of the report comes before the click is looked at: how a report is
        // refused must not tell whether its click exists.
        Long clickId = clickIdOf(request.clickId(), source);
        CouponCodes.Holder coupon = couponOf(request.coupon(), source);
        if (orderId != null) {
            Optional<ConversionView> earlier = existing(orderId, event);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Referrer referrer = referrer(request, clickId, source);
        if (browser && referrer.clickId == null) {
            throw new LinkProblem(LinkProblem.Kind.NOT_FOUND, "Unknown click.");
        }
        if (browser) {
            Optional<ConversionView> earlier = reportedBefore(referrer.clickId, event);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Attribution attribution = (coupon != null)
                ? new Attribution(true, referrer.clickId, referrer.linkId, coupon.campaignId(), coupon.contactId(),
                        coupon.variant())
                : (given != null && given.campaignId() != null)
                        ? new Attribution(true, null, null, given.campaignId(), given.contactId(), given.variant())
                        : attribute(referrer, occurredAt);
        if (attribution.contactId == null && given != null && given.contactId() != null) {
            attribution = new Attribution(attribution.attributed, attribution.clickId, attribution.linkId,
                    attribution.campaignId, given.contactId(), attribution.variant);
        }
        // Either unique index (order and event; a browser's click and event) makes a
        // concurrent second report a no-op.
        long id = this.jdbc.sql("""
                insert into conversion (event, value, currency, order_id, occurred_at, source, click_id, link_id,
                    attributed, campaign_id, contact_id, variant, reported_click_id, coupon_code, import_id)
                values (:event, :value, :currency, :order, :at, :source, :click, :link, :attributed, :campaign,
                    :contact, :variant, :reported, :coupon, :import)
                on conflict do nothing
                returning id""")
            .param("event", event)
            .param("value", request.value())
            .param("currency", currency)
            .param("order", orderId)
            .param("at", Timestamp.from(occurredAt))
            .param("source", source.name())
            .param("click", attribution.clickId)
            .param("link", attribution.linkId)
            .param("attributed", attribution.attributed)
            .param("campaign", attribution.campaignId)
            .param("contact", contactOf(attribution, referrer, request))
            .param("variant", attribution.variant)
            .param("reported", browser ? referrer.clickId : null)
            .param("coupon", (coupon != null) ? coupon.code() : null)
            .param("import", importId)
            .query(Long.class)
            .optional()
            .orElse(-1L);
        if (id < 0) {
            Attribution found = attribution;
            return Optional.ofNullable(orderId)
                .flatMap((order) -> existing(order, event))
                .or(() -> reportedBefore(referrer.clickId, event))
                .orElseThrow(() -> new IllegalStateException("no conversion for " + found.campaignId));
        }
        if (coupon != null) {
            this.coupons.getObject().redeemed(coupon.code(), id, occurredAt);
        }
        this.events.publishEvent(new ConversionRecorded(id, event, request.value(), currency, orderId, occurredAt,
                attribution.attributed, attribution.clickId, attribution.linkId, attribution.campaignId,
                contactOf(attribution, referrer, request), attribution.variant, !browser));
        return new ConversionView(id, event, request.value(), currency, orderId, occurredAt, attribution.attributed,
                attribution.clickId, attribution.campaignId, contactOf(attribution, referrer, request),
                attribution.variant, false, !browser);
    }

    /**
     * The holder of a report's coupon code; null when none was given. Only the shop's
     * server and uploads may name codes (the browser could try them one by one).
     */
    private CouponCodes.Holder couponOf(String given, Source source) {
        if (given == null || given.isBlank()) {
            return null;
        }
        if (source == Source.BROWSER) {
            throw invalid("A coupon code is reported by the shop's server, not the browser.");
        }
        String code = given.strip();
        if (code.length() > 64) {
            throw invalid("A coupon code has at most 64 characters.");
        }
        CouponCodes codes = this.coupons.getIfAvailable();
        return Optional.ofNullable(codes)
            .flatMap((found) -> found.find(code))
            .orElseThrow(() -> new LinkProblem(LinkProblem.Kind.UNKNOWN_COUPON,
                    "No campaign gave the coupon code '" + code + "'."));
    }

    /**
     * What an unauthenticated report must bring: an order id, a currency of the accepted
     * ones and a value under the cap.
     */
    private void checkBrowserReport(String orderId, String currency, BigDecimal value) {
        if (orderId == null) {
            throw invalid("A conversion from the browser needs its order id.");
        }
        if (currency != null && !this.browserCurrencies.contains(currency)) {
            throw invalid("The currency is not accepted from the browser.");
        }
        if (value != null && value.compareTo(this.browserLimits.maxValue()) > 0) {
            throw invalid("The value is above what the browser may report.");
        }
    }

    /**
     * The click id of a report: a token this server made (the smsclid); a server postback
     * may also give the bare id. Null when none was given or it is not valid.
     */
    private Long clickIdOf(String given, Source source) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String value = given.strip();
        OptionalLong verified = this.tokens.verify(value);
        if (verified.isPresent()) {
            return verified.getAsLong();
        }
        if (source == Source.SERVER && BARE_ID.matcher(value).matches()) {
            return Long.valueOf(value);
        }
        if (source == Source.SERVER) {
            throw invalid("The clickId is not a click id of this platform.");
        }
        return null;
    }

    /**
     * The contact found through the click (even outside its window), else the one the
     * shop named.
     */
    private static Long contactOf(Attribution attribution, Referrer referrer, ConversionRequest request) {
        if (attribution.contactId != null) {
            return attribution.contactId;
        }
        return (referrer.contactId != null) ? referrer.contactId : request.contactId();
    }

    /**
     * Of the given contacts, those with any conversion (attributed or not) in [from, to):
     * the converters of a campaign's audience or of its holdout group.
     */
    @Transactional(readOnly = true)
    public long[] convertingContacts(long[] contactIds, Instant from, Instant to) {
        if (contactIds.length == 0) {
            return contactIds;
        }
        return this.jdbc.sql("""
                select distinct contact_id from counted_conversion
                where contact_id = any(:ids) and occurred_at >= :from and occurred_at < :to""")
            .param("ids", contactIds)
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query(Long.class)
            .list()
            .stream()
            .mapToLong(Long::longValue)
            .toArray();
    }

    /**
     * Of the given contacts, those with any conversion that counts (whichever campaign it
     * is attributed to, or none) within the window after their own moment: the responders
     * of a campaign who bought after responding.
     * @param since each contact's moment, in the order of {@code contactIds}
     */
    @Transactional(readOnly = true)
    public long[] convertedAfter(long[] contactIds, Instant[] since, java.time.Duration window) {
        if (contactIds.length == 0) {
            return contactIds;
        }
        // ISO-8601 text: the driver binds String arrays everywhere.
        String[] moments = java.util.Arrays.stream(since).map(Instant::toString).toArray(String[]::new);
        return this.jdbc.sql("""
                select distinct r.contact from unnest(cast(:ids as bigint[]), cast(:since as timestamptz[]))
                    as r(contact, since)
                where exists (select 1 from counted_conversion c where c.contact_id = r.contact
                    and c.occurred_at >= r.since and c.occurred_at < r.since + cast(:window as interval))""")
            .param("ids", contactIds)
            .param("since", moments)
            .param("window", window.toSeconds() + " seconds")
            .query(Long.class)
            .list()
            .stream()
            .mapToLong(Long::longValue)
            .toArray();
    }

    /**
     * Attributes again, by the same rule, the conversions that hits of these links can
     * have changed since a moment: those of the links' contacts, or of the links
     * themselves for plain ones (after their hits were reclassified). Runs in the
     * caller's transaction; returns how many changed. Their campaigns' figures follow.
     */
    @Transactional
    public int reattribute(long[] linkIds, Instant since) {
        List<Stored> candidates = this.jdbc.sql("""
                select v.id, v.occurred_at, v.click_id, v.link_id, v.attributed, v.campaign_id, v.variant,
                    l.contact_id as link_contact
                from conversion v join short_link l on l.id = v.link_id
                where v.occurred_at >= :since and (v.link_id = any(:links) or v.contact_id in (
                    select contact_id from short_link where id = any(:links) and contact_id is not null))
                  -- a redeemed code or an imported result was attributed without a click
                  and v.coupon_code is null and v.source <> 'IMPORT'""")
            .param("since", Timestamp.from(since))
            .param("links", linkIds)
            .query((row, n) -> new Stored(row.getLong("id"), row.getTimestamp("occurred_at").toInstant(),
                    new Referrer(row.getObject("click_id", Long.class), row.getLong("link_id"),
                            row.getObject("link_contact", Long.class)),
                    new Attribution(row.getBoolean("attributed"), row.getObject("click_id", Long.class),
                            row.getLong("link_id"), row.getObject("campaign_id", Long.class), null,
                            row.getString("variant"))))
            .list();
        int changed = 0;
        for (Stored conversion : candidates) {
            Attribution now = attribute(conversion.referrer(), conversion.occurredAt());
            Attribution was = conversion.attribution();
            if (now.attributed == was.attributed && Objects.equals(now.clickId, was.clickId)
                    && Objects.equals(now.linkId, was.linkId) && Objects.equals(now.campaignId, was.campaignId)
                    && Objects.equals(now.variant, was.variant)) {
                continue;
            }
            this.jdbc.sql("""
                    update conversion set attributed = :attributed, click_id = :click, link_id = :link,
                        campaign_id = :campaign, variant = :variant, txid = pg_current_xact_id()::text::bigint
                    where id = :id""")
                .param("attributed", now.attributed)
                .param("click", now.clickId)
                .param("link", now.linkId)
                .param("campaign", now.campaignId)
                .param("variant", now.variant)
                .param("id", conversion.id())
                .update();
            // Where it counted before, no row shows it any more: computed all again.
            if (was.campaignId != null) {
                this.rollups.markDirty(was.campaignId);
            }
            changed++;
        }
        return changed;
    }

    /** A stored conversion: what it referred to and how it was attributed. */
    private record Stored(long id, Instant occurredAt, Referrer referrer, Attribution attribution) {

    }

    /** The click or link a conversion refers to, as far as it can be found. */
    private record Referrer(Long clickId, Long linkId, Long contactId) {

    }

    private record Attribution(boolean attributed, Long clickId, Long linkId, Long campaignId, Long contactId,
            String variant) {

    }

    /**
     * By click, else (server postbacks only: a shop's key may attribute by a public short
     * code, the browser may not) by code.
     */
    private Referrer referrer(ConversionRequest request, Long clickId, Source source) {
        if (clickId != null) {
            return this.jdbc
                .sql("select c.id, c.link_id, l.contact_id from link_click c join short_link l on l.id = c.link_id "
                        + "where c.id = :id")
                .param("id", clickId)
                .query((row, n) -> new Referrer(row.getLong("id"), row.getLong("link_id"),
                        row.getObject("contact_id", Long.class)))
                .optional()
                .orElse(new Referrer(null, null, null));
        }
        if (source == Source.SERVER && request.clickId() == null && request.code() != null
                && ShortCodes.looksValid(request.code())) {
            return this.jdbc.sql("select id, contact_id from short_link where code = :code")
                .param("code", request.code())
                .query((row, n) -> new Referrer(null, row.getLong("id"), row.getObject("contact_id", Long.class)))
                .optional()
                .orElse(new Referrer(null, null, null));
        }
        return new Referrer(null, null, null);
    }

    /**
     * The last human click before the conversion: of the contact, or else of the link.
     */
    private Attribution attribute(Referrer referrer, Instant at) {
        String scope = (referrer.contactId != null) ? "l.contact_id = :key"
                : (referrer.linkId != null) ? "c.link_id = :key" : null;
        if (scope == null) {
            return new Attribution(false, referrer.clickId, referrer.linkId, null, null, null);
        }
        return this.jdbc.sql("""
                select c.id, c.link_id, c.occurred_at, l.campaign_id, l.contact_id, l.variant, l.attribution_days
                from link_click c join short_link l on l.id = c.link_id
                where %s and c.human and c.occurred_at <= :at
                order by c.occurred_at desc limit 1""".formatted(scope))
            .param("key", (referrer.contactId != null) ? referrer.contactId : referrer.linkId)
            .param("at", Timestamp.from(at))
            .query((ResultSet row, int n) -> {
                Instant clicked = row.getTimestamp("occurred_at").toInstant();
                boolean inWindow = !at.isAfter(clicked.plus(Duration.ofDays(row.getInt("attribution_days"))));
                return inWindow
                        ? new Attribution(true, row.getLong("id"), row.getLong("link_id"),
                                row.getObject("campaign_id", Long.class), row.getObject("contact_id", Long.class),
                                row.getString("variant"))
                        : new Attribution(false, referrer.clickId, referrer.linkId, null, null, null);
            })
            .optional()
            .orElse(new Attribution(false, referrer.clickId, referrer.linkId, null, null, null));
    }

    private Optional<ConversionView> existing(String orderId, String event) {
        return this.jdbc.sql("select * from conversion where order_id = :order and event = :event")
            .param("order", orderId)
            .param("event", event)
            .query(Conversions::duplicate)
            .optional();
    }

    private Optional<ConversionView> reportedBefore(Long reportedClickId, String event) {
        if (reportedClickId == null) {
            return Optional.empty();
        }
        return this.jdbc.sql("select * from conversion where reported_click_id = :click and event = :event")
            .param("click", reportedClickId)
            .param("event", event)
            .query(Conversions::duplicate)
            .optional();
    }

    /**
     * The attributed conversions of a campaign that a marketer uploaded: the dashboard
     * marks them as imported.
     */
    @Transactional(readOnly = true)
    public ImportedConversions importedOf(long campaignId) {
        long[] count = { 0 };
        Map<String, BigDecimal> values = new java.util.TreeMap<>();
        this.jdbc.sql("""
                select currency, count(*) as conversions, coalesce(sum(value), 0) as value from counted_conversion
                where campaign_id = :id and attributed and source = 'IMPORT' group by 1""")
            .param("id", campaignId)
            .query((row, n) -> {
                count[0] += row.getLong("conversions");
                if (row.getString("currency") != null) {
                    values.put(row.getString("currency"), row.getBigDecimal("value"));
                }
                return n;
            })
            .list();
        return (count[0] == 0) ? ImportedConversions.NONE : new ImportedConversions(count[0], Map.copyOf(values));
    }

    /**
     * The first conversion reported with an order id (any event), if any: an uploaded
     * result that names only its order finds its contact and campaign through it.
     */
    @Transactional(readOnly = true)
    public Optional<ConversionView> ofOrder(String orderId) {
        String normalised = OrderIds.normalise(orderId);
        if (normalised == null) {
            return Optional.empty();
        }
        return this.jdbc.sql("select * from conversion where order_id = :order order by id limit 1")
            .param("order", normalised)
            .query(Conversions::duplicate)
            .optional();
    }

    /** A contact's conversions, newest first (its page's timeline). */
    @Transactional(readOnly = true)
    public java.util.List<ConversionView> ofContact(long contactId, int limit) {
        return this.jdbc
            .sql("select * from conversion where contact_id = :contact order by occurred_at desc, id desc limit :limit")
            .param("contact", contactId)
            .param("limit", limit)
            .query((row, n) -> new ConversionView(row.getLong("id"), row.getString("event"), row.getBigDecimal("value"),
                    row.getString("currency"), row.getString("order_id"), row.getTimestamp("occurred_at").toInstant(),
                    row.getBoolean("attributed"), row.getObject("click_id", Long.class),
                    row.getObject("campaign_id", Long.class), row.getObject("contact_id", Long.class),
                    row.getString("variant"), false, row.getBoolean("verified")))
            .list();
    }

    private static ConversionView duplicate(ResultSet row, int n) throws SQLException {
        return new ConversionView(row.getLong("id"), row.getString("event"), row.getBigDecimal("value"),
                row.getString("currency"), row.getString("order_id"), row.getTimestamp("occurred_at").toInstant(),
                row.getBoolean("attributed"), row.getObject("click_id", Long.class),
                row.getObject("campaign_id", Long.class), row.getObject("contact_id", Long.class),
                row.getString("variant"), true, row.getBoolean("verified"));
    }

    private static String checkedEvent(String event) {
        String value = (event == null) ? "" : event.strip().toLowerCase(Locale.ROOT);
        if (!EVENT.matcher(value).matches()) {
            throw invalid("The event is lead, sale or a name of letters, digits and underscores.");
        }
        return value;
    }

    private static String checkedCurrency(String currency, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.precision() - value.scale() > 12)) {
            throw invalid("The value must be a positive amount.");
        }
        if (currency == null || currency.isBlank()) {
            if (value != null) {
                throw invalid("A value needs its currency (ISO 4217, such as EUR).");
            }
            return null;
        }
        String code = currency.strip().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
        }
        catch (IllegalArgumentException ex) {
            throw invalid("'" + (code.length() > 10 ? code.substring(0, 10) : code) + "' is not an ISO 4217 currency.");
        }
        return code;
    }

    private static String checkedOrderId(String orderId) {
        if (orderId != null && orderId.length() > 100) {
            throw invalid("An order id has at most 100 characters.");
        }
        String normalised = OrderIds.normalise(orderId);
        if (normalised != null && normalised.length() > 100) {
            throw invalid("An order id has at most 100 characters.");
        }
        return normalised;
    }

    private static LinkProblem invalid(String message) {
        return new LinkProblem(LinkProblem.Kind.INVALID, message);
    }

}

package org.smscampaign.link;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Short links: plain links created by marketers, recipient links minted in bulk for
 * campaign messages, lookups for the redirector, and statistics.
 */
@Service
public class ShortLinks {

    private static final int MAX_CODE_ATTEMPTS = 5;

    /** Longest utm_campaign value of a plain link. */
    private static final int MAX_UTM_CAMPAIGN = 200;

    private final JdbcClient jdbc;

    private final Brands brands;

    private final LinkProperties properties;

    private final Clock clock;

    private final LinkCopy copy;

    private final LinkChanges changes;

    private final LinkOffences offences;

    ShortLinks(JdbcClient jdbc, Brands brands, LinkProperties properties, Clock clock, LinkCopy copy,
            LinkChanges changes, LinkOffences offences) {
        this.offences = offences;
        this.jdbc = jdbc;
        this.brands = brands;
        this.properties = properties;
        this.clock = clock;
        this.copy = copy;
        this.changes = changes;
    }

    /** Creates a plain short link; its target is checked and gets UTM parameters. */
    @Transactional
    public ShortLinkView create(PlainLinkRequest request, String createdBy) {
        BrandView brand = (request.brandId() != null) ? this.brands.get(request.brandId()) : this.brands.defaultBrand();
        URI target = TargetUrls.check(request.targetUrl(), brand.allowedTargetDomains(), internalHosts());
        if (request.fallbackUrl() != null && !request.fallbackUrl().isBlank()) {
            TargetUrls.checkFallback(request.fallbackUrl(), brand.allowedTargetDomains(), internalHosts());
        }
        if (request.label() != null && request.label().length() > 200) {
            throw new LinkProblem(LinkProblem.Kind.INVALID, "A label has at most 200 characters.");
        }
        if (request.utmCampaign() != null && request.utmCampaign().length() > MAX_UTM_CAMPAIGN) {
            // Appended to the target, which is stored with at most 4000 characters.
            throw new LinkProblem(LinkProblem.Kind.INVALID,
                    "utmCampaign has at most " + MAX_UTM_CAMPAIGN + " characters.");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(this.clock.instant())) {
            throw new LinkProblem(LinkProblem.Kind.INVALID, "The expiry lies in the past.");
        }
        String stored = this.properties.utm() ? TargetUrls.withUtm(target, request.utmCampaign(), null)
                : target.toString();
        for (int attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
            try {
                long id = this.jdbc.sql("""
                        insert into short_link (code, brand_id, target_url, label, attribution_days, expires_at,
                            fallback_url, created_by)
                        values (:code, :brand, :target, :label, :days, :expires, :fallback, :by) returning id""")
                    .param("code", ShortCodes.next())
                    .param("brand", brand.id())
                    .param("target", stored)
                    .param("label", blankToNull(request.label()))
                    .param("days", this.properties.attributionDays())
                    .param("expires", (request.expiresAt() != null) ? Timestamp.from(request.expiresAt()) : null)
                    .param("fallback", blankToNull(request.fallbackUrl()))
                    .param("by", createdBy)
                    .query(Long.class)
                    .single();
                return get(id);
            }
            catch (DuplicateKeyException ex) {
                // a code taken already: try another
            }
        }
        throw new IllegalStateException("No free short code after " + MAX_CODE_ATTEMPTS + " attempts");
    }

    /**
     * Mints one link per recipient message, in bulk. Targets are checked once per
     * distinct target. The result is in the order of the requests.
     */
    @Transactional
    public List<MintedLink> mint(List<RecipientLinkRequest> requests) {
        Map<String, String> storedTargets = new HashMap<>();
        Map<Long, BrandView> brandsById = new HashMap<>();
        List<String> codes = new ArrayList<>(requests.size());
        List<String> targets = new ArrayList<>(requests.size());
        for (RecipientLinkRequest request : requests) {
            BrandView brand = brandsById.computeIfAbsent((request.brandId() != null) ? request.brandId() : 0L,
                    (id) -> (id == 0L) ? this.brands.defaultBrand() : this.brands.get(id));
            String key = request.targetUrl() + '\u0000' + request.utmCampaign() + '\u0000' + request.variant();
            targets.add(storedTargets.computeIfAbsent(key, (k) -> {
                URI target = TargetUrls.check(request.targetUrl(), brand.allowedTargetDomains(), internalHosts());
                return this.properties.utm() ? TargetUrls.withUtm(target, request.utmCampaign(), request.variant())
                        : target.toString();
            }));
            codes.add(null);
        }
        if (requests.size() >= LinkCopy.MINIMUM) {
            return this.copy.mint(requests, targets, brandsById);
        }
        Set<Integer> pending = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            pending.add(i);
        }
        Map<Integer, Long> ids = new HashMap<>();
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == MAX_CODE_ATTEMPTS) {
                throw new IllegalStateException("No free short codes after " + MAX_CODE_ATTEMPTS + " attempts");
            }
            List<Integer> batch = new ArrayList<>(pending);
            Map<String, Integer> indexOfCode = new HashMap<>(batch.size() * 2);
            for (int i : batch) {
                String code = ShortCodes.next();
                codes.set(i, code);
                indexOfCode.put(code, i);
            }
            insertBatch(requests, codes, targets, brandsById, batch).forEach((code, id) -> {
                int index = indexOfCode.get(code);
                ids.put(index, id);
                pending.remove(index);
            });
        }
        List<MintedLink> minted = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            RecipientLinkRequest request = requests.get(i);
            BrandView brand = brandsById.get((request.brandId() != null) ? request.brandId() : 0L);
            minted.add(new MintedLink(ids.get(i), codes.get(i), brand.baseUrl() + codes.get(i)));
        }
        return minted;
    }

    private Map<String, Long> insertBatch(List<RecipientLinkRequest> requests, List<String> codes, List<String> targets,
            Map<Long, BrandView> brands, List<Integer> batch) {
        int n = batch.size();
        String[] batchCodes = new String[n];
        Long[] brandIds = new Long[n];
        String[] batchTargets = new String[n];
        Long[] campaigns = new Long[n];
        Long[] contacts = new Long[n];
        String[] variants = new String[n];
        Long[] messages = new Long[n];
        Integer[] days = new Integer[n];
        for (int j = 0; j < n; j++) {
            int i = batch.get(j);
            RecipientLinkRequest request = requests.get(i);
            batchCodes[j] = codes.get(i);
            brandIds[j] = brands.get((request.brandId() != null) ? request.brandId() : 0L).id();
            batchTargets[j] = targets.get(i);
            campaigns[j] = request.campaignId();
            contacts[j] = request.contactId();
            variants[j] = request.variant();
            messages[j] = request.messageId();
            days[j] = (request.attributionDays() > 0) ? request.attributionDays() : this.properties.attributionDays();
        }
        Map<String, Long> inserted = new HashMap<>();
        this.jdbc.sql("""
                insert into short_link (code, brand_id, target_url, campaign_id, contact_id, variant, message_id,
                    attribution_days)
                select * from unnest(cast(:codes as varchar[]), cast(:brands as bigint[]), cast(:targets as varchar[]),
                    cast(:campaigns as bigint[]), cast(:contacts as bigint[]), cast(:variants as varchar[]),
                    cast(:messages as bigint[]), cast(:days as integer[]))
                on conflict (code) do nothing
                returning code, id""")
            .param("codes", batchCodes)
            .param("brands", brandIds)
            .param("targets", batchTargets)
            .param("campaigns", campaigns)
            .param("contacts", contacts)
            .param("variants", variants)
            .param("messages", messages)
            .param("days", days)
            .query((row, rowNumber) -> {
                inserted.put(row.getString("code"), row.getLong("id"));
                return null;
            })
            .list();
        return inserted;
    }

    /**
     * Changes a link's destination, fallback or end, each checked by the brand's rules as
     * on creation; every instance's redirector follows the change as soon as it commits
     * (see {@link LinkChanges}). A link that passes the rules afterwards is no longer an
     * offender (and redirects again if it was disabled).
     */
    @Transactional
    public ShortLinkView update(long id, LinkUpdate update) {
        ShortLinkView link = get(id);
        List<String> domains = this.brands.get(link.brandId()).allowedTargetDomains();
        String target = link.targetUrl();
        if (update.targetUrl() != null) {
            URI checked = TargetUrls.check(update.targetUrl(), domains, internalHosts());
            target = this.properties.utm() ? TargetUrls.withUtm(checked, null, link.variant()) : checked.toString();
        }
        String fallback = link.fallbackUrl();
        if (update.fallbackUrl() != null) {
            fallback = blankToNull(update.fallbackUrl());
            if (fallback != null) {
                TargetUrls.checkFallback(fallback, domains, internalHosts());
            }
        }
        Instant expires = link.expiresAt();
        if (update.expiresAt() != null) {
            Instant now = this.clock.instant();
            expires = update.expiresAt().isBefore(now) ? now : update.expiresAt();
        }
        this.jdbc
            .sql("update short_link set target_url = :target, expires_at = :expires, fallback_url = :fallback "
                    + "where id = :id")
            .param("id", id)
            .param("target", target)
            .param("expires", (expires != null) ? Timestamp.from(expires) : null)
            .param("fallback", fallback)
            .update();
        if (passes(target, domains) && (fallback == null || passes(fallback, domains))) {
            this.offences.cleared(id);
        }
        this.changes.changed(link.code());
        return get(id);
    }

    private boolean passes(String url, List<String> domains) {
        try {
            TargetUrls.check(url, domains, internalHosts());
            return true;
        }
        catch (LinkProblem ex) {
            return false;
        }
    }

    private List<String> internalHosts() {
        return this.properties.allowedInternalHosts();
    }

    public ShortLinkView get(long id) {
        return find(id)
            .orElseThrow(() -> new LinkProblem(LinkProblem.Kind.NOT_FOUND, "Link " + id + " does not exist."));
    }

    @Transactional(readOnly = true)
    public Optional<ShortLinkView> find(long id) {
        return this.jdbc.sql(SELECT + " where l.id = :id").param("id", id).query(this::view).optional();
    }

    @Transactional(readOnly = true)
    public Optional<ShortLinkView> findByCode(String code) {
        if (!ShortCodes.looksValid(code)) {
            return Optional.empty();
        }
        return this.jdbc.sql(SELECT + " where l.code = :code").param("code", code).query(this::view).optional();
    }

    @Transactional(readOnly = true)
    public List<ShortLinkView> list(LinkSearch search, int limit) {
        String where = (search.campaignId() != null) ? " where l.campaign_id = :campaign"
                : search.plainOnly() ? " where l.campaign_id is null" : "";
        var statement = this.jdbc.sql(SELECT + where + " order by l.id desc limit :limit").param("limit", limit);
        if (search.campaignId() != null) {
            statement = statement.param("campaign", search.campaignId());
        }
        return statement.query(this::view).list();
    }

    /** Hits of one link. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public LinkStats statsOfLink(long linkId) {
        return stats("link_id = :id", linkId);
    }

    /** Hits of all links of a campaign. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public LinkStats statsOfCampaign(long campaignId) {
        return stats("link_id in (select id from short_link where campaign_id = :id)", campaignId);
    }

    /**
     * Per variant of a campaign: recipient links with at least one human hit (unique
     * human clickers, one link per recipient message).
     */
    @Transactional(readOnly = true)
    public Map<String, Long> humanClickersByVariant(long campaignId) {
        Map<String, Long> clickers = new HashMap<>();
        this.jdbc.sql("""
                select coalesce(l.variant, '') as variant, count(*) as clickers from short_link l
                where l.campaign_id = :id and exists (select 1 from link_click c where c.link_id = l.id and c.human)
                group by 1""")
            .param("id", campaignId)
            .query((row, n) -> clickers.put(row.getString("variant"), row.getLong("clickers")))
            .list();
        return clickers;
    }

    /** Hit counts of many links at once, for lists. */
    @Transactional(readOnly = true)
    public Map<Long, long[]> countsByLink(List<Long> linkIds) {
        Map<Long, long[]> counts = new HashMap<>();
        if (linkIds.isEmpty()) {
            return counts;
        }
        this.jdbc
            .sql("select link_id, count(*) as hits, count(*) filter (where human) as human from link_click "
                    + "where link_id = any(:ids) group by link_id")
            .param("ids", linkIds.toArray(Long[]::new))
            .query((row, n) -> counts.put(row.getLong("link_id"),
                    new long[] { row.getLong("hits"), row.getLong("human") }))
            .list();
        return counts;
    }

    /** Hits on a contact's own links, newest first (the contact's timeline). */
    @Transactional(readOnly = true)
    public List<ContactHit> hitsOfContact(long contactId, int limit) {
        return this.jdbc.sql("""
                select c.occurred_at, c.human, c.reason, l.id as link_id, l.campaign_id, l.target_url
                from short_link l join link_click c on c.link_id = l.id
                where l.contact_id = :contact order by c.occurred_at desc, c.id desc limit :limit""")
            .param("contact", contactId)
            .param("limit", limit)
            .query((row, n) -> new ContactHit(row.getTimestamp("occurred_at").toInstant(), row.getBoolean("human"),
                    (row.getString("reason") != null) ? ClickReason.valueOf(row.getString("reason")) : null,
                    row.getLong("link_id"), row.getObject("campaign_id", Long.class), row.getString("target_url")))
            .list();
    }

    @Transactional(readOnly = true)
    public List<ClickView> recentClicks(long linkId, int limit) {
        return this.jdbc.sql(
                "select c.*, a.agent as user_agent from link_click c left join link_user_agent a on a.id = c.user_agent_id "
                        + "where c.link_id = :id order by c.occurred_at desc, c.id desc limit :limit")
            .param("id", linkId)
            .param("limit", limit)
            .query((row, n) -> new ClickView(row.getLong("id"), row.getTimestamp("occurred_at").toInstant(),
                    row.getString("method"), row.getString("user_agent"), row.getString("client"),
                    row.getBoolean("human"),
                    (row.getString("reason") != null) ? ClickReason.valueOf(row.getString("reason")) : null,
                    row.getBoolean("first_hit")))
            .list();
    }

    // Two statements over clicks that arrive all the time: callers read them in one
    // snapshot
    // (repeatable read), so the reasons always add up to the excluded hits.
    private LinkStats stats(String condition, long id) {
        Map<ClickReason, Long> excluded = new EnumMap<>(ClickReason.class);
        this.jdbc
            .sql("select reason, count(*) as hits from link_click where " + condition
                    + " and not human group by reason")
            .param("id", id)
            .query((row, n) -> excluded.put(ClickReason.valueOf(row.getString("reason")), row.getLong("hits")))
            .list();
        return this.jdbc
            .sql("select count(*) as hits, count(*) filter (where human) as human, "
                    + "count(distinct link_id) as links, count(distinct link_id) filter (where human) as human_links "
                    + "from link_click where " + condition)
            .param("id", id)
            .query((row, n) -> new LinkStats(row.getLong("hits"), row.getLong("human"), row.getLong("links"),
                    row.getLong("human_links"), excluded))
            .single();
    }

    private static final String SELECT = "select l.*, b.base_url from short_link l join link_brand b on b.id = l.brand_id";

    private ShortLinkView view(ResultSet row, int n) throws SQLException {
        Timestamp expires = row.getTimestamp("expires_at");
        return new ShortLinkView(row.getLong("id"), row.getString("code"),
                row.getString("base_url") + row.getString("code"), row.getString("target_url"), row.getString("label"),
                row.getLong("brand_id"), (Long) row.getObject("campaign_id", Long.class),
                row.getObject("contact_id", Long.class), row.getString("variant"),
                row.getObject("message_id", Long.class), row.getInt("attribution_days"),
                (expires != null) ? expires.toInstant() : null, row.getString("fallback_url"),
                row.getString("created_by"), row.getTimestamp("created_at").toInstant(),
                (row.getTimestamp("disabled_at") != null) ? row.getTimestamp("disabled_at").toInstant() : null);
    }

    private static String blankToNull(String value) {
        return (value == null || value.isBlank()) ? null : value.strip();
    }

    Instant now() {
        return this.clock.instant();
    }

}

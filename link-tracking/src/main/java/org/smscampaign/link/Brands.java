package org.smscampaign.link;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brands and their link hosts. The redirector asks {@link #brandOfHost} on every request,
 * so the host table is held in memory and refreshed every 30 seconds (and at once on this
 * instance after a change).
 */
@Service
public class Brands {

    private static final Logger log = LoggerFactory.getLogger(Brands.class);

    private static final String HOST = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+";

    private final JdbcClient jdbc;

    private final LinkProperties properties;

    private volatile Map<String, Long> hosts = Map.of();

    private final Map<Long, BrandView> byId = new ConcurrentHashMap<>();

    private final LinkChanges changes;

    private final LinkOffences offences;

    Brands(JdbcClient jdbc, LinkProperties properties, LinkChanges changes, LinkOffences offences) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.changes = changes;
        this.offences = offences;
    }

    /**
     * Creates the default brand from {@code sms.link.default-base-url} on a fresh
     * platform.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void ensureDefault() {
        Long count = this.jdbc.sql("select count(*) from link_brand").query(Long.class).single();
        if (count == 0) {
            try {
                create("Default", this.properties.defaultBaseUrl(), null, List.of(), List.of(), true);
                log.info("Default link brand created with base URL {}", this.properties.defaultBaseUrl());
            }
            catch (DuplicateKeyException ex) {
                log.debug("Default brand created concurrently");
            }
        }
        refresh();
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    public void refresh() {
        this.hosts = Map.copyOf(this.jdbc.sql("select host, brand_id from link_host")
            .query((row, n) -> Map.entry(row.getString("host"), row.getLong("brand_id")))
            .list()
            .stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        this.byId.clear();
    }

    /** The brand whose link host this is (host without port, lower case), if any. */
    public Optional<Long> brandOfHost(String host) {
        if (this.hosts.isEmpty() || host == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(this.hosts.get(host.toLowerCase(Locale.ROOT)));
    }

    public boolean isLinkHost(String host) {
        return !this.hosts.isEmpty() && host != null && this.hosts.containsKey(host.toLowerCase(Locale.ROOT));
    }

    @Transactional(readOnly = true)
    public List<BrandView> all() {
        return this.jdbc.sql("select * from link_brand order by is_default desc, name").query(this::view).list();
    }

    public BrandView get(long id) {
        BrandView cached = this.byId.get(id);
        if (cached != null) {
            return cached;
        }
        BrandView brand = this.jdbc.sql("select * from link_brand where id = :id")
            .param("id", id)
            .query(this::view)
            .optional()
            .orElseThrow(() -> new LinkProblem(LinkProblem.Kind.NOT_FOUND, "Brand " + id + " does not exist."));
        this.byId.put(id, brand);
        return brand;
    }

    public BrandView defaultBrand() {
        return this.jdbc.sql("select * from link_brand where is_default").query(this::view).optional().orElseGet(() -> {
            ensureDefault(); // asked for before the application was ready (a launch at
                             // start-up)
            return all().get(0);
        });
    }

    @Transactional
    public BrandView create(String name, String baseUrl, String fallbackUrl, List<String> allowedTargetDomains,
            List<String> hosts, boolean makeDefault) {
        String base = checkedBaseUrl(baseUrl);
        checkedName(name);
        checkFallback(fallbackUrl, List.of(domains(allowedTargetDomains)));
        if (makeDefault) {
            this.jdbc.sql("update link_brand set is_default = false where is_default").update();
        }
        long id;
        try {
            id = this.jdbc.sql("""
                    insert into link_brand (name, base_url, fallback_url, allowed_target_domains, is_default,
                        links_checked_at)
                    values (:name, :base, :fallback, :domains, :default, now()) returning id""")
                .param("name", name.strip())
                .param("base", base)
                .param("fallback", (fallbackUrl == null || fallbackUrl.isBlank()) ? null : fallbackUrl.strip())
                .param("domains", domains(allowedTargetDomains))
                .param("default", makeDefault)
                .query(Long.class)
                .single();
        }
        catch (DuplicateKeyException ex) {
            throw new LinkProblem(LinkProblem.Kind.CONFLICT, "A brand named '" + name.strip() + "' exists.");
        }
        for (String host : hosts) {
            addHost(id, host);
        }
        answerAtRoot(id, base);
        refresh();
        return get(id);
    }

    /**
     * Renames a brand and changes the address its new short links are built on (links
     * already sent keep theirs: the redirector still answers them).
     */
    @Transactional
    public BrandView update(long brandId, String name, String baseUrl) {
        get(brandId);
        String base = checkedBaseUrl(baseUrl);
        String clean = checkedName(name);
        try {
            this.jdbc.sql("update link_brand set name = :name, base_url = :base where id = :id")
                .param("id", brandId)
                .param("name", clean)
                .param("base", base)
                .update();
        }
        catch (DuplicateKeyException ex) {
            throw new LinkProblem(LinkProblem.Kind.CONFLICT, "A brand named '" + clean + "' exists.");
        }
        this.byId.remove(brandId);
        answerAtRoot(brandId, base);
        return get(brandId);
    }

    /**
     * Makes this the default brand: campaigns and links that name no brand use it. One at
     * a time.
     */
    @Transactional
    public BrandView makeDefault(long brandId) {
        get(brandId);
        this.jdbc.sql("update link_brand set is_default = false where is_default and id <> :id")
            .param("id", brandId)
            .update();
        this.jdbc.sql("update link_brand set is_default = true where id = :id").param("id", brandId).update();
        this.byId.clear();
        return get(brandId);
    }

    /**
     * A base URL at the root of a host (https://go.brand.example/) only works when the
     * redirector answers on that host: it becomes a link host of the brand unless it is
     * one already (or no host name, such as localhost, which is answered under /r/).
     */
    private void answerAtRoot(long brandId, String base) {
        java.net.URI uri = java.net.URI.create(base);
        String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
        boolean root = "/".equals(uri.getRawPath());
        Long owner = this.jdbc.sql("select brand_id from link_host where host = :host")
            .param("host", host)
            .query(Long.class)
            .optional()
            .orElse(null);
        if (root && owner == null && host.matches(HOST)) {
            addHost(brandId, host);
        }
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new LinkProblem(LinkProblem.Kind.INVALID, "A brand needs a name of 1 to 100 characters.");
        }
        return name.strip();
    }

    @Transactional
    public void addHost(long brandId, String host) {
        String clean = (host == null) ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (!clean.matches(HOST)) {
            throw new LinkProblem(LinkProblem.Kind.INVALID, "'" + abbreviate(host) + "' is not a host name.");
        }
        try {
            this.jdbc.sql("insert into link_host (host, brand_id) values (:host, :brand)")
                .param("host", clean)
                .param("brand", brandId)
                .update();
        }
        catch (DuplicateKeyException ex) {
            throw new LinkProblem(LinkProblem.Kind.CONFLICT, "The host " + clean + " is in use.");
        }
        refresh();
        this.changes.changedAll();
    }

    @Transactional
    public void removeHost(String host) {
        this.jdbc.sql("delete from link_host where host = :host").param("host", host).update();
        refresh();
        this.changes.changedAll();
    }

    /**
     * Changes where the brand's ended links go and which domains its links may point to.
     * The fallback must pass the new rules; the brand's existing links are checked again
     * and those that break the new rules are listed ({@link LinkOffences}). Returns how
     * many links offend.
     */
    @Transactional
    public int updateRules(long brandId, String fallbackUrl, List<String> allowedTargetDomains) {
        get(brandId);
        checkFallback(fallbackUrl, List.of(domains(allowedTargetDomains)));
        this.jdbc
            .sql("update link_brand set fallback_url = :fallback, allowed_target_domains = :domains where id = :id")
            .param("id", brandId)
            .param("fallback", (fallbackUrl == null || fallbackUrl.isBlank()) ? null : fallbackUrl.strip())
            .param("domains", domains(allowedTargetDomains))
            .update();
        this.byId.remove(brandId);
        this.changes.changedAll();
        return this.offences.recheck(brandId);
    }

    /**
     * The target as a link of this brand (the default brand when null) would store it, or
     * a {@link LinkProblem} why its rules refuse it; for checks before links are made,
     * such as a campaign draft's {@code {{link:...}}}.
     */
    public java.net.URI checkTarget(Long brandId, String target) {
        BrandView brand = (brandId != null) ? get(brandId) : defaultBrand();
        return TargetUrls.check(target, brand.allowedTargetDomains(), this.properties.allowedInternalHosts());
    }

    private void checkFallback(String fallbackUrl, List<String> domains) {
        if (fallbackUrl != null && !fallbackUrl.isBlank()) {
            TargetUrls.checkFallback(fallbackUrl, domains, this.properties.allowedInternalHosts());
        }
    }

    private static String checkedBaseUrl(String baseUrl) {
        // the brand's own link host: often internal while trying the platform out
        java.net.URI uri = TargetUrls.checkOwnAddress(baseUrl);
        String value = uri.toString();
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new LinkProblem(LinkProblem.Kind.INVALID, "A base URL has no query or fragment.");
        }
        return value.endsWith("/") ? value : value + "/";
    }

    private static String[] domains(List<String> domains) {
        return (domains == null) ? new String[0]
                : domains.stream()
                    .map(String::strip)
                    .filter((d) -> !d.isEmpty())
                    .map((d) -> d.toLowerCase(Locale.ROOT))
                    .distinct()
                    .toArray(String[]::new);
    }

    private static String abbreviate(String text) {
        return (text == null) ? "" : (text.length() > 60) ? text.substring(0, 60) + "…" : text;
    }

    private BrandView view(ResultSet row, int n) throws SQLException {
        long id = row.getLong("id");
        Array domains = row.getArray("allowed_target_domains");
        List<String> hostsOfBrand = this.jdbc.sql("select host from link_host where brand_id = :id order by host")
            .param("id", id)
            .query(String.class)
            .list();
        return new BrandView(id, row.getString("name"), row.getString("base_url"), row.getString("fallback_url"),
                (domains != null) ? Arrays.asList((String[]) domains.getArray()) : List.of(), hostsOfBrand,
                row.getBoolean("is_default"));
    }

}

package org.smscampaign.link;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Existing links checked again when their brand's rules change: a link that broke the new
 * rules is an offender, listed for the admin. Offenders keep redirecting until an admin
 * disables them (a rule change must not silently break links already in people's
 * messages); disabled links answer with the "link disabled" page, and come back by
 * themselves when a later change of rules or of the link makes them pass again.
 */
@Service
public class LinkOffences {

    private static final Logger log = LoggerFactory.getLogger(LinkOffences.class);

    private final JdbcClient jdbc;

    private final LinkProperties properties;

    private final LinkChanges changes;

    private final TransactionTemplate transactions;

    LinkOffences(JdbcClient jdbc, LinkProperties properties, LinkChanges changes, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.changes = changes;
        this.transactions = transactions;
    }

    /**
     * Checks every target and fallback of the brand's links against its current rules,
     * each distinct address once. Returns how many links offend.
     */
    @Transactional
    public int recheck(long brandId) {
        List<String> domains = this.jdbc.sql("select allowed_target_domains from link_brand where id = :id")
            .param("id", brandId)
            .query((row, n) -> List.of((String[]) row.getArray(1).getArray()))
            .single();
        this.jdbc.sql("delete from link_offence where brand_id = :id").param("id", brandId).update();
        int offenders = find(brandId, "TARGET", "target_url", domains)
                + find(brandId, "FALLBACK", "fallback_url", domains);
        int enabled = this.jdbc.sql("""
                update short_link l set disabled_at = null where l.brand_id = :id and l.disabled_at is not null
                  and not exists (select 1 from link_offence o where o.link_id = l.id)""")
            .param("id", brandId)
            .update();
        if (enabled > 0) {
            this.changes.changedAll();
        }
        this.jdbc.sql("update link_brand set links_checked_at = now() where id = :id").param("id", brandId).update();
        if (offenders > 0) {
            log.warn("Brand {}: {} links break its rules", brandId, offenders);
        }
        return offenders;
    }

    private int find(long brandId, String field, String column, List<String> domains) {
        int offenders = 0;
        List<String> urls = this.jdbc
            .sql("select distinct " + column + " from short_link where brand_id = :id and " + column + " is not null")
            .param("id", brandId)
            .query(String.class)
            .list();
        for (String url : urls) {
            Optional<String> reason = problem(url, domains);
            if (reason.isPresent()) {
                offenders += this.jdbc
                    .sql("insert into link_offence (link_id, brand_id, field, url, reason) "
                            + "select id, brand_id, :field, " + column + ", :reason from short_link "
                            + "where brand_id = :id and " + column + " = :url on conflict (link_id) do nothing")
                    .param("id", brandId)
                    .param("field", field)
                    .param("url", url)
                    .param("reason", reason.get())
                    .update();
            }
        }
        return offenders;
    }

    private Optional<String> problem(String url, List<String> domains) {
        try {
            TargetUrls.check(url, domains, this.properties.allowedInternalHosts());
            return Optional.empty();
        }
        catch (LinkProblem ex) {
            String message = ex.getMessage();
            return Optional.of((message.length() > 500) ? message.substring(0, 500) : message);
        }
    }

    /**
     * Forgets a link's offence after a change that passed the checks (its target and
     * fallback are both allowed now), and lets it redirect again if it was disabled.
     */
    @Transactional
    public void cleared(long linkId) {
        this.jdbc.sql("delete from link_offence where link_id = :id").param("id", linkId).update();
        this.jdbc.sql("update short_link set disabled_at = null where id = :id and disabled_at is not null")
            .param("id", linkId)
            .update();
    }

    /** The brand's offending links, grouped by address, most links first. */
    @Transactional(readOnly = true)
    public List<LinkOffenceView> of(long brandId, int limit) {
        return this.jdbc.sql("""
                select o.field, o.url, min(o.reason) as reason, count(*) as links,
                    count(*) filter (where l.disabled_at is not null) as disabled, min(o.link_id) as example,
                    min(l.campaign_id) as campaign
                from link_offence o join short_link l on l.id = o.link_id
                where o.brand_id = :id group by o.field, o.url order by links desc, o.url limit :limit""")
            .param("id", brandId)
            .param("limit", limit)
            .query((row, n) -> new LinkOffenceView(row.getString("field"), row.getString("url"),
                    row.getString("reason"), row.getLong("links"), row.getLong("disabled"), row.getLong("example"),
                    row.getObject("campaign", Long.class)))
            .list();
    }

    /**
     * Disables the brand's offending links: every instance answers them with the "link
     * disabled" page as soon as this commits. Returns how many were disabled.
     */
    @Transactional
    public int disable(long brandId) {
        int disabled = this.jdbc.sql("""
                update short_link set disabled_at = now()
                where id in (select link_id from link_offence where brand_id = :id) and disabled_at is null""")
            .param("id", brandId)
            .update();
        this.changes.changedAll();
        log.info("Brand {}: {} offending links disabled", brandId, disabled);
        return disabled;
    }

    /**
     * Checks the links of brands not checked since their rules last changed: once for
     * every brand after the upgrade that brought these checks. One instance does each
     * (the row lock of the brand decides).
     */
    @Scheduled(initialDelay = 10_000, fixedDelay = 60_000)
    public void recheckPending() {
        for (long brandId : this.jdbc.sql("select id from link_brand where links_checked_at is null")
            .query(Long.class)
            .list()) {
            this.transactions.executeWithoutResult((status) -> this.jdbc
                .sql("select id from link_brand where id = :id and links_checked_at is null for update skip locked")
                .param("id", brandId)
                .query(Long.class)
                .optional()
                .ifPresent(this::recheck));
        }
    }

}

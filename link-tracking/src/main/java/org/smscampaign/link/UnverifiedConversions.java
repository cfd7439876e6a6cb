package org.smscampaign.link;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.link.rollup.ClickRollups;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a brand counts the unverified conversions the landing page reports
 * ({@code /t/conversions}, which anyone holding a click id can call) in its conversions
 * and revenue. Off by default; the view {@code counted_conversion} is the one place that
 * applies it.
 */
@Service
public class UnverifiedConversions {

    private static final Logger log = LoggerFactory.getLogger(UnverifiedConversions.class);

    private final JdbcClient jdbc;

    private final ClickRollups rollups;

    UnverifiedConversions(JdbcClient jdbc, ClickRollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    /** The brands that count them. */
    @Transactional(readOnly = true)
    public Set<Long> countingBrands() {
        return Set.copyOf(
                this.jdbc.sql("select id from link_brand where count_browser_conversions").query(Long.class).list());
    }

    /**
     * Opts a brand in or out; the figures of its campaigns with conversions are computed
     * again.
     */
    @Transactional
    public void count(long brandId, boolean counted, String by) {
        int changed = this.jdbc
            .sql("update link_brand set count_browser_conversions = :counted where id = :id "
                    + "and count_browser_conversions <> :counted")
            .param("id", brandId)
            .param("counted", counted)
            .update();
        if (changed == 0) {
            return;
        }
        List<Long> campaigns = this.jdbc.sql("""
                select distinct v.campaign_id from conversion v join short_link l on l.id = v.link_id
                where l.brand_id = :id and v.campaign_id is not null and not v.verified""")
            .param("id", brandId)
            .query(Long.class)
            .list();
        campaigns.forEach(this.rollups::markDirty);
        log.info("Brand {} {} unverified browser conversions (by {}); {} campaigns to recompute", brandId,
                counted ? "counts" : "no longer counts", by, campaigns.size());
    }

}

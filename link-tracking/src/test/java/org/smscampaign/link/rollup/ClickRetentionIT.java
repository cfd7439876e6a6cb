package org.smscampaign.link.rollup;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.smscampaign.LinkTrackingIT;
import org.smscampaign.platform.BlockRollups;
import org.smscampaign.platform.RawDetail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Raw hits older than the retention are dropped a month at a time; a campaign's figures
 * survive in its rollup, are final from then on, and the platform says from when raw
 * detail is gone.
 */
@LinkTrackingIT
class ClickRetentionIT {

    private static final String FIGURES = """
            select 'hour ' || variant || ' ' || hour, hits || ' ' || human_hits || ' ' || clickers || ' ' || conversions
            from campaign_click_hour where campaign_id = :id
            union all
            select 'facet ' || facet || ' ' || key, hits || ' ' || human_clickers
            from campaign_click_facet where campaign_id = :id""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BlockRollups rollups;

    @Autowired
    ClickRollups clickRollups;

    @Autowired
    RawDetail rawDetail;

    @Test
    void figuresOutliveTheRawHitsTheyCameFrom() {
        // A campaign of 16 months ago, its hits in its first days.
        this.jdbc.sql("select ensure_month_partitions('link_click', 'id', now() - interval '17 months', now())")
            .query(Integer.class)
            .single();
        long campaign = 800_000 + ThreadLocalRandom.current().nextLong(100_000);
        long link = this.jdbc
            .sql("""
                    insert into short_link (code, brand_id, target_url, campaign_id, contact_id, variant, created_at)
                    values (:code, (select id from link_brand where is_default), 'https://shop.example/old', :campaign, 1, 'A',
                        now() - interval '16 months') returning id""")
            .param("code", "old" + campaign)
            .param("campaign", campaign)
            .query(Long.class)
            .single();
        this.jdbc.sql("""
                insert into link_click (id, link_id, occurred_at, method, human, first_hit)
                select :first + g, :link, now() - interval '16 months' + g * interval '1 hour', 'GET', g % 4 <> 0, g = 1
                from generate_series(1, 40) g""").param("first", System.nanoTime()).param("link", link).update();
        this.clickRollups.refresh(campaign);
        Map<String, String> before = figures(campaign);
        assertThat(before).containsKey("facet TARGET https://shop.example/old");

        assertThat(this.rawDetail.dropExpired()).isPositive();

        assertThat(this.jdbc.sql("select count(*) from link_click where link_id = :link")
            .param("link", link)
            .query(Long.class)
            .single()).as("raw hits of 16 months ago").isZero();
        assertThat(this.rawDetail.droppedBefore("link_click")).hasValueSatisfying(
                (at) -> assertThat(at).isAfter(java.time.Instant.now().minus(java.time.Duration.ofDays(14 * 31))));
        assertThat(figures(campaign)).as("figures kept in the rollup").isEqualTo(before);

        // A late conversion no longer changes them, and no recompute can lose them.
        this.jdbc
            .sql("""
                    insert into conversion (event, value, currency, occurred_at, source, link_id, attributed, campaign_id, variant)
                    values ('purchase', 10, 'EUR', now(), 'SERVER', :link, true, :campaign, 'A')""")
            .param("link", link)
            .param("campaign", campaign)
            .update();
        this.rollups.catchUp(ClickRollups.NAME);
        assertThat(figures(campaign)).isEqualTo(before);
        assertThatThrownBy(() -> this.clickRollups.refresh(campaign)).hasMessageContaining("are final");
    }

    private Map<String, String> figures(long campaign) {
        Map<String, String> rows = new TreeMap<>();
        this.jdbc.sql(FIGURES)
            .param("id", campaign)
            .query((row, n) -> rows.put(row.getString(1), row.getString(2)))
            .list();
        return rows;
    }

}

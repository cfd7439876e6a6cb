package org.smscampaign.link.rollup;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.smscampaign.LinkTrackingIT;
import org.smscampaign.link.MintedLink;
import org.smscampaign.link.RecipientLinkRequest;
import org.smscampaign.link.ShortLinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A campaign's dirty mark goes only with the figures it asks for: a recompute that dies,
 * or finds another at work, leaves the mark; one that commits clears it.
 */
@LinkTrackingIT
class ClickRollupMarksIT {

    @Autowired
    ShortLinks links;

    @Autowired
    ClickRollups rollups;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aRecomputeThatDiesKeepsTheMarkAndTheNextOneClearsItOnce() {
        long campaign = campaignWithTwoHumanHits();
        ClickRollups dying = new ClickRollups(this.jdbc, this.transaction, Duration.ofMinutes(2)) {
            @Override
            void recompute(long campaignId) {
                throw new IllegalStateException("the process died here");
            }
        };

        assertThatIllegalStateException().isThrownBy(() -> dying.refresh(campaign));

        // The app's own job may have recomputed meanwhile; never clean and stale.
        assertThat(this.jdbc.sql("""
                select s.dirty or exists (select 1 from campaign_click_hour h where h.campaign_id = s.campaign_id)
                from click_rollup_state s where s.campaign_id = :id""")
            .param("id", campaign)
            .query(Boolean.class)
            .single()).as("still marked, or recomputed").isTrue();

        assertThat(this.rollups.refresh(campaign)).isTrue();
        assertThat(dirty(campaign)).isFalse();
        assertThat(humanHits(campaign)).isEqualTo(2);
        assertThat(this.rollups.refresh(campaign)).isTrue();
        assertThat(dirty(campaign)).isFalse();
        assertThat(humanHits(campaign)).as("the same figures again").isEqualTo(2);
    }

    @Test
    void aRecomputeStatementOverItsBoundIsCutAndTheMarkStays() {
        long campaign = campaignWithTwoHumanHits();
        ClickRollups stuck = new ClickRollups(this.jdbc, this.transaction, Duration.ofMillis(200)) {
            @Override
            void recompute(long campaignId) {
                ClickRollupMarksIT.this.jdbc.sql("select pg_sleep(30)").query().singleRow();
            }
        };

        long started = System.nanoTime();
        assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> stuck.refresh(campaign))
            .withMessageContaining("statement timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(this.jdbc.sql("show statement_timeout").query(String.class).single())
            .as("the bound ends with the recompute's transaction")
            .isEqualTo("0");

        assertThat(this.rollups.refresh(campaign)).isTrue();
        assertThat(humanHits(campaign)).isEqualTo(2);
    }

    @Test
    void aRecomputeRefusedByTheLockKeepsTheMark() throws InterruptedException {
        long campaign = campaignWithTwoHumanHits();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> this.transaction.executeWithoutResult((status) -> {
            this.jdbc.sql("select pg_advisory_xact_lock(:space, :id)")
                .param("space", 0x6c63)
                .param("id", (int) campaign)
                .query()
                .singleRow();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }));
        other.start();
        try {
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(this.rollups.refresh(campaign)).as("another instance is at it").isFalse();
            assertThat(dirty(campaign)).as("the mark stays for the next run").isTrue();
        }
        finally {
            release.countDown();
            other.join(30_000);
        }

        assertThat(this.rollups.refresh(campaign)).isTrue();
        assertThat(dirty(campaign)).isFalse();
        assertThat(humanHits(campaign)).isEqualTo(2);
    }

    @Test
    void aMarkMadeDuringARecomputeKeepsTheCampaignDirty() {
        long campaign = campaignWithTwoHumanHits();
        java.sql.Timestamp[] recomputedAt = new java.sql.Timestamp[1];
        ClickRollups overtaken = new ClickRollups(this.jdbc, this.transaction, Duration.ofMinutes(2)) {
            @Override
            void recompute(long campaignId) {
                recomputedAt[0] = ClickRollupMarksIT.this.jdbc.sql("select now()")
                    .query(java.sql.Timestamp.class)
                    .single();
                // A writer on another connection marks the campaign and commits.
                Thread writer = new Thread(() -> ClickRollupMarksIT.this.transaction
                    .executeWithoutResult((status) -> ClickRollupMarksIT.this.rollups.markDirty(campaignId)));
                writer.start();
                try {
                    writer.join(30_000);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                super.recompute(campaignId);
            }
        };

        assertThat(overtaken.refresh(campaign)).isTrue();

        // Unless the app's own job recomputed after it (then it was right to clear).
        boolean kept = this.jdbc
            .sql("select dirty or refreshed_at > :at from click_rollup_state where campaign_id = :id")
            .param("at", recomputedAt[0])
            .param("id", campaign)
            .query(Boolean.class)
            .single();
        assertThat(kept).as("the later mark is kept").isTrue();
    }

    private long campaignWithTwoHumanHits() {
        long campaign = ThreadLocalRandom.current().nextLong(2_000_000_000L, 2_100_000_000L);
        long message = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41);
        List<MintedLink> minted = this.links.mint(List
            .of(new RecipientLinkRequest("https://shop.example/", null, campaign, message, "A", message, "marks", 7)));
        for (int i = 0; i < 2; i++) {
            this.jdbc.sql("""
                    insert into link_click (id, link_id, occurred_at, method, human, first_hit)
                    values (:id, :link, now(), 'GET', true, :first)""")
                .param("id", ThreadLocalRandom.current().nextLong(8_000_000_000_000_000_000L, Long.MAX_VALUE))
                .param("link", minted.get(0).id())
                .param("first", i == 0)
                .update();
        }
        this.transaction.executeWithoutResult((status) -> this.rollups.markDirty(campaign));
        return campaign;
    }

    private boolean dirty(long campaign) {
        return this.jdbc.sql("select dirty from click_rollup_state where campaign_id = :id")
            .param("id", campaign)
            .query(Boolean.class)
            .single();
    }

    private long humanHits(long campaign) {
        return this.jdbc.sql("select coalesce(sum(human_hits), 0) from campaign_click_hour where campaign_id = :id")
            .param("id", campaign)
            .query(Long.class)
            .single();
    }

}

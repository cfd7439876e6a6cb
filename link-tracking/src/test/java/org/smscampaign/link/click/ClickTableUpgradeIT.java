package org.smscampaign.link.click;

import java.time.Duration;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smscampaign.LinkTrackingTestApplication;
import org.smscampaign.testsupport.PostgresTest;
import org.smscampaign.testsupport.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An install that had clicks before link_click was partitioned: its migrations keep them
 * (the old table attached as one partition), and the platform then moves them into
 * monthly partitions by itself while the platform runs, every click once.
 */
@SpringBootTest(classes = LinkTrackingTestApplication.class,
        properties = { "sms.test.schema=link_tracking_upgrade",
                "spring.flyway.locations=classpath:db/migration/platform-support,classpath:db/migration/link-tracking",
                "sms.link.server.port=0", "sms.platform.partitions.move-batch=2000" })
@PostgresTest
class ClickTableUpgradeIT {

    private static final int CLICKS = 25_000;

    @Autowired
    JdbcClient jdbc;

    /** The schema as it was before partitioning, with clicks of the last 100 days. */
    @BeforeAll
    static void installBeforePartitioning() {
        TestDatabase.Credentials database = TestDatabase.get().forSchema("link_tracking_upgrade");
        Flyway flyway = Flyway.configure()
            .dataSource(database.url(), database.username(), database.password())
            .locations("classpath:db/migration/platform-support", "classpath:db/migration/link-tracking")
            .target("2026.12.07.1800")
            .load();
        flyway.migrate();
        JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                database.url(), database.username(), database.password()));
        jdbc.sql("""
                insert into link_click (id, link_id, occurred_at, method, human, first_hit)
                select g, g % 500, now() - g * interval '345 seconds', 'GET', g % 7 <> 0, g <= 500
                from generate_series(1, :clicks) g""").param("clicks", CLICKS).update();
    }

    @Test
    void theOldClicksEndUpInMonthlyPartitionsEachOnceAndNewOnesGoToTheirMonth() {
        await().atMost(Duration.ofSeconds(60))
            .until(() -> this.jdbc.sql("select to_regclass('link_click_legacy') is null")
                .query(Boolean.class)
                .single());

        assertThat(this.jdbc
            .sql("select count(*), count(distinct id), sum(case when human then 1 else 0 end) from link_click")
            .query((row, i) -> new long[] { row.getLong(1), row.getLong(2), row.getLong(3) })
            .single()).containsExactly(CLICKS, CLICKS, CLICKS - CLICKS / 7);
        assertThat(this.jdbc.sql("""
                select count(distinct c.tableoid) from link_click c where c.occurred_at < now() - interval '40 days'""")
            .query(Long.class)
            .single()).as("months of old clicks, each in its partition").isGreaterThanOrEqualTo(2);
        assertThat(this.jdbc
            .sql("select count(*) from pg_class where relname like 'link_click_before_%' and relkind = 'p'")
            .query(Long.class)
            .single()).isEqualTo(1);

        this.jdbc.sql("""
                insert into link_click (id, link_id, occurred_at, method, human, first_hit)
                values (:id, 1, now() + interval '40 days', 'GET', true, false)""")
            .param("id", ClickIds.firstIdAt(java.time.Instant.now().plus(Duration.ofDays(40))))
            .update();
        assertThat(this.jdbc
            .sql("select tableoid::regclass::text from link_click where occurred_at > now() + interval '39 days'")
            .query(String.class)
            .single()).matches("link_click_\\d{8}");
    }

}

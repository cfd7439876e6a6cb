package org.smscampaign.platform.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smscampaign.platform.PlatformTestApplication;
import org.smscampaign.platform.ReplicaProperties;
import org.smscampaign.platform.ReplicaReads;
import org.smscampaign.testsupport.PostgresTest;
import org.smscampaign.testsupport.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Read-only work on a real streaming replica ({@code scripts/ensure-replica}: a second
 * cluster made with pg_basebackup, streaming from the test server): it reads there while
 * the replica keeps up, goes back to the primary while the replica's replay is held back
 * beyond the bound or the replica is down, and returns once it caught up.
 */
@SpringBootTest(classes = PlatformTestApplication.class,
        properties = {
                "spring.flyway.locations=classpath:db/migration/platform-support,classpath:db/migration/platform-test",
                "sms.platform.rollups.interval=1h", "sms.platform.replica.max-lag=2s" })
@PostgresTest
class ReplicaRoutingIT {

    static final String WHERE = "select case when pg_is_in_recovery() then 'replica' else 'primary' end";

    @DynamicPropertySource
    static void replica(DynamicPropertyRegistry registry) {
        TestDatabase.get().replica().ifPresent((c) -> registry.add("sms.platform.replica.url", c::url));
    }

    @BeforeAll
    static void aReplicaStreams() {
        assumeTrue(TestDatabase.get().replica().isPresent(), TestDatabase.NO_REPLICA_MESSAGE);
    }

    @Autowired
    ReplicaReads reads;

    @Autowired
    Replica replica;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DataSource dataSource;

    String where() {
        return this.jdbc.sql(WHERE).query(String.class).single();
    }

    String whereInATransaction() {
        return this.transaction.execute((status) -> where());
    }

    @Test
    void readOnlyWorkRunsOnTheReplicaAndEverythingElseOnThePrimary() {
        awaitChecked(this.replica::usable, "the replica keeps up");

        assertThat(where()).isEqualTo("primary");
        assertThat(this.reads.read(this::where)).isEqualTo("replica");
        assertThat(this.reads.read(() -> this.transaction.execute((status) -> where())) + "")
            .as("a transaction begun in the scope")
            .isEqualTo("replica");
        assertThat(this.transaction.execute((status) -> this.reads.read(this::where)) + "")
            .as("a transaction open before the scope keeps its connection")
            .isEqualTo("primary");
        assertThat(where()).as("after the scope").isEqualTo("primary");

        this.jdbc.sql("create table if not exists replica_probe (id bigint primary key)").update();
        long id = System.nanoTime();
        this.jdbc.sql("insert into replica_probe values (?)").param(id).update();
        awaitChecked(() -> this.reads.read(() -> this.jdbc.sql("select count(*) from replica_probe where id = ?")
            .param(id)
            .query(Long.class)
            .single()) == 1, "the replica replays the insert");
        assertThatThrownBy(() -> this.reads
            .read(() -> this.jdbc.sql("insert into replica_probe values (?)").param(id + 1).update()))
            .as("a write in a scope fails, never lands somewhere else")
            .hasMessageContaining("read-only");
    }

    @Test
    void aReplicaHeldBackBeyondTheBoundIsLeftUntilItCatchesUp() throws SQLException {
        awaitChecked(this.replica::usable, "the replica keeps up");
        TestDatabase.Credentials direct = TestDatabase.get().replica().orElseThrow();
        try (Connection onReplica = direct.open(); Statement statement = onReplica.createStatement()) {
            statement.execute("select pg_wal_replay_pause()");
            try {
                this.jdbc.sql("create table if not exists replica_probe (id bigint primary key)").update();
                awaitChecked(() -> {
                    this.jdbc.sql("insert into replica_probe values (?)").param(System.nanoTime()).update();
                    return !this.replica.usable();
                }, "the paused replica falls more than 2 s behind");
                assertThat(this.replica.lag()).isGreaterThan(Duration.ofSeconds(2));
                assertThat(this.reads.read(this::where)).as("while it lags").isEqualTo("primary");
            }
            finally {
                statement.execute("select pg_wal_replay_resume()");
            }
        }
        awaitChecked(this.replica::usable, "the replica caught up again");
        assertThat(this.reads.read(this::where)).as("fail-back").isEqualTo("replica");
    }

    @Test
    void aReplicaThatIsDownLeavesTheWorkOnThePrimary() throws SQLException {
        HikariDataSource nowhere = new HikariDataSource();
        nowhere.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/sms_test");
        nowhere.setConnectionTimeout(250);
        nowhere.setInitializationFailTimeout(-1);
        MeterRegistry meters = new SimpleMeterRegistry();
        DataSource primary = ((ReplicaRoutingDataSource) this.dataSource).getTargetDataSource();
        try (Replica down = new Replica(nowhere, primary, properties(), Clock.systemUTC(), meters)) {
            down.check();
            assertThat(down.usable()).isFalse();
            ReplicaRoutingDataSource routed = new ReplicaRoutingDataSource(primary, () -> down);
            String where = this.reads.read(() -> JdbcClient.create(routed).sql(WHERE).query(String.class).single());
            assertThat(where).isEqualTo("primary");
            assertThat(meters.get("sms.platform.replica.reads").tag("on", "primary").counter().count()).isOne();
            assertThat(meters.get("sms.platform.replica.usable").gauge().value()).isZero();
        }
    }

    private static ReplicaProperties properties() {
        return new ReplicaProperties("jdbc:postgresql://127.0.0.1:1/sms_test", null, null, Duration.ofSeconds(2),
                Duration.ofSeconds(1), 2, Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    /**
     * Measures the lag (the test application schedules nothing) until the condition
     * holds.
     */
    private void awaitChecked(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            this.replica.check();
            if (condition.getAsBoolean()) {
                return;
            }
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

}

package org.smscampaign.link.reclassification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.smscampaign.LinkTrackingIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job whose instance died (its heartbeat stopped) is taken over and resumes where it
 * stopped, keeping the counts of the days it did.
 */
@LinkTrackingIT
class ReclassificationTakeOverIT {

    @Autowired
    ReclassificationJobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aJobWhoseInstanceDiedIsTakenOverAndResumes() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long id = this.jdbc.sql("""
                insert into click_reclassification (requested_by, from_day, to_day, next_day, status, started_at,
                    heartbeat_at, hits_examined, to_person)
                values ('admin', :from, :to, :to, 'RUNNING', now() - interval '1 hour', now(), 1000, 7)
                returning id""").param("from", today.minusDays(3)).param("to", today).query(Long.class).single();
        this.jobs.takeOver();
        assertThat(status(id)).as("a job that beats is left alone").isEqualTo("RUNNING");
        this.jdbc.sql("update click_reclassification set heartbeat_at = now() - interval '10 minutes' where id = :id")
            .param("id", id)
            .update();

        this.jobs.takeOver();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!status(id).equals("DONE") && Instant.now().isBefore(deadline)) {
            sleep();
        }
        assertThat(status(id)).isEqualTo("DONE");
        assertThat(this.jdbc.sql("select next_day from click_reclassification where id = :id")
            .param("id", id)
            .query(LocalDate.class)
            .single()).as("resumed at its last day and finished it").isEqualTo(today.plusDays(1));
        assertThat(this.jdbc
            .sql("select hits_examined >= 1000 and to_person >= 7 from click_reclassification " + "where id = :id")
            .param("id", id)
            .query(Boolean.class)
            .single()).isTrue();
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private String status(long id) {
        return this.jdbc.sql("select status from click_reclassification where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

}

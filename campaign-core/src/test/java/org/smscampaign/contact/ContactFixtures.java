package org.smscampaign.contact;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Setting up and waiting for contact data in tests. */
public final class ContactFixtures {

    private ContactFixtures() {
    }

    /**
     * Empties the contact module's tables (TRUNCATE passes the consent log's append-only
     * rule).
     */
    public static void deleteAll(JdbcClient jdbc) {
        jdbc.sql("truncate contact, consent_event, contact_list, contact_list_member, custom_attribute, "
                + "contact_import, contact_import_rejection, segment restart identity cascade")
            .update();
    }

    /** Waits until the import has finished, and returns it. */
    public static ImportJobView awaitFinished(ContactImports imports, long id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            ImportJobView job = imports.find(id).orElseThrow();
            if (job.status().finished()) {
                return job;
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        throw new AssertionError("Import " + id + " did not finish within 60 s");
    }

    public static void assertReachable(ContactDetails contact, boolean reachable) {
        assertThat(contact.reachable()).as("reachable").isEqualTo(reachable);
    }

}

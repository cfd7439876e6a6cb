package org.smscampaign.contact.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;
import org.smscampaign.contact.BatchResult;
import org.smscampaign.contact.ColumnMapping;
import org.smscampaign.contact.ColumnTarget;
import org.smscampaign.contact.ConsentOrigin;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactBatches;
import org.smscampaign.contact.ContactImports;
import org.smscampaign.contact.ContactNormalizer;
import org.smscampaign.contact.ContactProperties;
import org.smscampaign.contact.CustomAttributes;
import org.smscampaign.contact.ExistingContactPolicy;
import org.smscampaign.contact.ImportJobView;
import org.smscampaign.contact.ImportSettings;
import org.smscampaign.contact.ImportStatus;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import's batches and its counts commit together: a process that dies while a batch
 * is being counted leaves the batch unwritten and the counts equal to what is stored.
 */
@CampaignCoreIT
class ImportCountsIT {

    @Autowired
    ContactImports imports;

    @Autowired
    ContactNormalizer normalizer;

    @Autowired
    ContactBatches batches;

    @Autowired
    CustomAttributes customAttributes;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    JsonMapper json;

    @Test
    void aProcessThatDiesWhileCountingABatchLeavesTheCountsEqualToTheStoredRows() {
        String prefix = "+49176" + String.format("%05d", System.nanoTime() % 100_000);
        StringBuilder file = new StringBuilder("phone\n");
        for (int i = 0; i < 5; i++) {
            file.append(prefix).append(i).append("0\n");
        }
        ImportJobView upload = this.imports.upload("counts.csv",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), "marketer");
        ImportJobStore dying = new ImportJobStore(this.jdbc, this.template, this.json) {

            private int batches;

            @Override
            public void addWritten(long id, BatchResult written) {
                if (++this.batches == 2) {
                    throw new IllegalStateException("the process died here");
                }
                super.addWritten(id, written);
            }

        };
        ImportSettings settings = new ImportSettings(List.of(ColumnMapping.of(0, ColumnTarget.PHONE)), "DE", null,
                ConsentStatus.SUBSCRIBED, null, "Counted", ExistingContactPolicy.UPDATE, null, true,
                ConsentOrigin.WEB_FORM);
        assertThat(dying.queue(upload.id(), settings)).isTrue();
        ContactProperties twoPerBatch = new ContactProperties("DE", false,
                new ContactProperties.Imports(null, 2, 1_000_000, Duration.ofMinutes(2)));

        new ImportRunner(dying, this.normalizer, this.batches, this.customAttributes, twoPerBatch, this.transaction)
            .run(upload.id());

        ImportJobView failed = this.imports.find(upload.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(stored(prefix)).as("the first batch only: the second rolled back with its count").isEqualTo(2);
        assertThat(failed.created() + failed.updated()).isEqualTo(stored(prefix));
    }

    private long stored(String prefix) {
        return this.jdbc.sql("select count(*) from contact where phone_number like :prefix")
            .param("prefix", prefix + "%")
            .query(Long.class)
            .single();
    }

}

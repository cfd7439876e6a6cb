package org.smscampaign.contact;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the contact module.
 *
 * @param defaultRegion region for numbers written without country code ("0171 1234567")
 * @param rejectLandlines refuse numbers that can only be landlines, instead of flagging
 * them
 * @param imports CSV import settings
 */
@ConfigurationProperties("sms.contact")
public record ContactProperties(@DefaultValue("US") String defaultRegion,
        @DefaultValue("false") boolean rejectLandlines, @DefaultValue Imports imports) {

    /**
     * @param directory where uploaded files wait for their import (default: a folder in
     * the system's temporary directory)
     * @param batchSize rows written per database round trip
     * @param maxBytes largest accepted upload
     * @param abandonedAfter an import whose instance was silent this long (it beats every
     * 30 s while it holds the job) is failed by any instance, and its file deleted
     */
    public record Imports(Path directory, @DefaultValue("20000") int batchSize,
            @DefaultValue("524288000") long maxBytes, @DefaultValue("2m") Duration abandonedAfter) {

        public Imports {
            if (abandonedAfter != null && abandonedAfter.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException(
                        "sms.contact.imports.abandoned-after needs at least 1 minute (instances beat every 30 s)");
            }
        }

        public Path directoryOrDefault() {
            return (this.directory != null) ? this.directory
                    : Path.of(System.getProperty("java.io.tmpdir"), "sms-contact-imports");
        }

    }

}

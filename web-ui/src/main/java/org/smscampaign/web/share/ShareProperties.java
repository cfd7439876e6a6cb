package org.smscampaign.web.share;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read-only links to a dashboard or a summary.
 *
 * @param key secret key of the link signatures ({@code SMS_WEB_SHARE_KEY}, at least 32
 * characters, the same on every instance); empty: a random key kept in the database.
 * Changing it voids every link made before.
 * @param defaultDays how long a new link works unless its maker chooses otherwise
 * @param maxDays the longest a link may work
 * @param perMinute requests for shared links one client address may make per minute (a
 * live dashboard refreshes every 5 to 15 seconds)
 */
@ConfigurationProperties("sms.web.share")
public record ShareProperties(String key, @DefaultValue("7") int defaultDays, @DefaultValue("90") int maxDays,
        @DefaultValue("120") int perMinute) {

    private static final List<Integer> CHOICES = List.of(1, 7, 30, 90);

    public ShareProperties {
        if (key != null && !key.isBlank() && key.length() < 32) {
            throw new IllegalArgumentException("sms.web.share.key needs at least 32 characters");
        }
        if (perMinute < 1) {
            throw new IllegalArgumentException("sms.web.share.per-minute needs to be at least 1");
        }
        if (maxDays < 1 || defaultDays < 1 || defaultDays > maxDays) {
            throw new IllegalArgumentException("sms.web.share needs 1 <= default-days <= max-days");
        }
    }

    /** The lifetimes offered in the forms: the usual ones up to the maximum. */
    public List<Integer> choices() {
        return java.util.stream.Stream
            .concat(CHOICES.stream(), java.util.stream.Stream.of(this.defaultDays, this.maxDays))
            .filter((days) -> days <= this.maxDays)
            .distinct()
            .sorted()
            .toList();
    }

}

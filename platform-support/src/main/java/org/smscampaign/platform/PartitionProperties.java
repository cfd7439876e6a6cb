package org.smscampaign.platform;

import java.time.Duration;
import java.time.Period;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Partitions of tables partitioned by month ({@link MonthPartitionedTable}).
 *
 * @param monthsAhead months of partitions kept ready beyond the current one
 * @param keepRawDetail how long raw detail (clicks, message history) is kept: a month's
 * partition is dropped once its end is older ({@code P13M}, or {@code 13m} for months)
 * @param interval how often partitions are checked (and at start)
 * @param moveBatch rows of an old table moved into partitions per transaction
 * @param movePause pause between two batches, leaving the database to others
 */
@Validated
@ConfigurationProperties("sms.platform.partitions")
public record PartitionProperties(@DefaultValue("3") @Min(1) @Max(24) int monthsAhead,
        @DefaultValue("P13M") Period keepRawDetail, @DefaultValue("1h") Duration interval,
        @DefaultValue("20000") @Min(100) int moveBatch, @DefaultValue("50ms") Duration movePause) {

    /** Less than a month would drop the current month's detail while it is written. */
    @AssertTrue(message = "keep-raw-detail must be at least one month")
    boolean isKeepRawDetailAMonthOrMore() {
        return this.keepRawDetail.toTotalMonths() >= 1;
    }

}

package org.smscampaign.platform;

/**
 * A table partitioned by month of a time column (by its module's migration, with the
 * {@code ensure_month_partitions} function of platform-support), whose partitions the
 * platform keeps.
 *
 * @param name the partitioned table
 * @param timeColumn its partition key
 * @param localKey the primary key of each partition (the table itself has none: it would
 * have to include the time column), unique across partitions by construction
 * @param rawDetail whether its partitions are dropped once older than
 * {@link PartitionProperties#keepRawDetail()} (figures live on in rollups)
 */
public record MonthPartitionedTable(String name, String timeColumn, String localKey, boolean rawDetail) {

}

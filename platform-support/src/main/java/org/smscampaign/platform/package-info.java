/**
 * Machinery the modules share. Here: tables partitioned by month of a time column, which
 * a module declares as a {@link MonthPartitionedTable} bean; the platform creates their
 * partitions ahead of time, drops the partitions of raw detail once they are older than
 * its retention, and moves the rows of a table converted in place into monthly
 * partitions; rollups kept by blocks ({@link BlockRollup}); and read-only work on a
 * streaming replica while it keeps up ({@link ReplicaReads}). This package is the
 * module's API; sub-packages are internal.
 */
@ApplicationModule(displayName = "Platform support", allowedDependencies = {})
package org.smscampaign.platform;

import org.springframework.modulith.ApplicationModule;

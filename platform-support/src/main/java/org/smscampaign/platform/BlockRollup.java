package org.smscampaign.platform;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Figures of a campaign kept by blocks of its rows, declared by a module as a bean and
 * kept by the platform. A block is a range of {@link #blockSize()} ids (of links, of
 * chains of messages): each rolled table holds the sum of its blocks' contributions,
 * which are kept beside it ({@link RolledTable#blockTable()}). When rows change, only
 * their blocks are computed again and the difference added, so a run costs what changed,
 * not the campaign.
 * <p>
 * Changes are found by a high-water mark on the transaction id that wrote them: rows
 * carry {@code txid bigint default pg_current_xact_id()::text::bigint} (updates set it
 * too), and a run takes those between the last mark and the oldest transaction still
 * running, below which no row can appear any more. Exact under concurrent writers and
 * across instances.
 */
public interface BlockRollup {

    /** The rollup's name (its position, its dirty blocks and its lock). */
    String name();

    /** Ids per block. */
    int blockSize();

    /**
     * Queries of the blocks changed by transactions in [{@code :from}, {@code :to}): each
     * returns {@code campaign_id, block}.
     */
    List<String> changedBlocks();

    /** Query of every block of campaign {@code :campaign} (for a full recompute). */
    String blocksOfCampaign();

    /** The tables kept, in order. */
    List<RolledTable> tables();

    /**
     * Whether the campaign's raw rows are all still there. When retention dropped some,
     * its figures are final: computing a block again would lose what the dropped rows
     * counted, so marks of the campaign are cleared without it.
     */
    default boolean complete(JdbcClient jdbc, long campaignId) {
        return true;
    }

    /**
     * After a campaign's blocks were applied, in the same transaction: figures that are
     * not sums (percentiles from a histogram, the state of the campaign).
     */
    default void afterBlocks(JdbcClient jdbc, long campaignId) {
    }

}

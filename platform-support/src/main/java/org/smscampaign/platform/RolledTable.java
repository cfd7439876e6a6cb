package org.smscampaign.platform;

import java.util.List;

/**
 * A table of a {@link BlockRollup}: per campaign and key, additive measures.
 *
 * @param table the table read by the figures: {@code campaign_id}, the keys and the
 * measures, keyed on {@code (campaign_id, keys...)}
 * @param blockTable the contributions of each block: {@code campaign_id, block}, the keys
 * and the measures, keyed on {@code (campaign_id, block, keys...)}
 * @param keys the key columns
 * @param measures the measure columns (numbers, summed)
 * @param select the contribution of one block: a query with {@code :campaign},
 * {@code :first} and {@code :last} (the block's first and last id) returning the keys,
 * then the measures, in that order
 */
public record RolledTable(String table, String blockTable, List<String> keys, List<String> measures, String select) {

}

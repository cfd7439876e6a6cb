package org.smscampaign.platform;

import org.smscampaign.platform.rollup.RollupRunner;

import org.springframework.stereotype.Service;

/** What a module may ask of the rollups the platform keeps ({@link BlockRollup}). */
@Service
public class BlockRollups {

    private final RollupRunner runner;

    BlockRollups(RollupRunner runner) {
        this.runner = runner;
    }

    /**
     * Computes all of a campaign's figures of the rollup again from the raw rows, now
     * (repairs, tests).
     */
    public void recompute(String rollup, long campaignId) {
        this.runner.recompute(rollup, campaignId);
    }

    /** Rolls up every change committed so far, now. */
    public void catchUp(String rollup) {
        this.runner.catchUp(rollup);
    }

    /**
     * Marks a campaign to be computed all again at the next run, in the caller's
     * transaction (a change that no high-water mark sees, as a link's new destination).
     */
    public void markAll(String rollup, long campaignId) {
        this.runner.markAll(rollup, campaignId);
    }

}

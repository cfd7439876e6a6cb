/**
 * The A/B test's decision: the mixture sequential probability ratio test (mSPRT) with
 * always-valid p-values, pure and free of Spring, so the clock, the dashboard (through
 * AbTestFigures) and the {@code benchmarks/ab-decisions} simulation run the same code.
 */
package org.smscampaign.campaign.abtest;

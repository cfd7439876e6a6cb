/**
 * The A/B test's decision: the mixture sequential probability ratio test (mSPRT) with
 * always-valid p-values, pure and free of Spring, so the clock, the dashboard and the
 * {@code benchmarks/ab-decisions} simulation run the same code.
 */
@NamedInterface("abtest")
package org.smscampaign.campaign.abtest;

import org.springframework.modulith.NamedInterface;

package org.smscampaign.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rollups kept by blocks ({@link BlockRollup}).
 *
 * @param interval pause between two runs (each adds what changed since the last)
 * @param statementTimeout no statement of a run takes longer: a plan gone wrong cannot
 * hold a connection (the run is rolled back and its marks stay)
 */
@ConfigurationProperties("sms.platform.rollups")
public record RollupProperties(@DefaultValue("5s") Duration interval, @DefaultValue("2m") Duration statementTimeout) {

}

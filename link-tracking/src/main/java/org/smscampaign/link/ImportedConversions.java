package org.smscampaign.link;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The conversions of a campaign a marketer uploaded (source IMPORT), among those that
 * count: how many, and their value in each currency.
 */
public record ImportedConversions(long conversions, Map<String, BigDecimal> valueByCurrency) {

    public static final ImportedConversions NONE = new ImportedConversions(0, Map.of());

}

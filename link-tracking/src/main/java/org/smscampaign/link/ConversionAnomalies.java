package org.smscampaign.link;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversion values of a campaign that look wrong, shown as a warning next to the sums
 * rather than added up silently: values far above the campaign's median. (The other
 * anomaly, more conversions than clickers, is the report's conversion rate per click.)
 * Reads the conversions that count ({@code counted_conversion}).
 */
@Service
public class ConversionAnomalies {

    /** A value this many times the median is an outlier... */
    public static final int VALUE_FACTOR = 10;

    /** ...among at least this many conversions with a value in its currency. */
    public static final int MINIMUM_CONVERSIONS = 5;

    private final JdbcClient jdbc;

    ConversionAnomalies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Conversions worth more than {@link #VALUE_FACTOR} times the median of their
     * currency in the campaign.
     *
     * @param outliers how many
     * @param largest the largest of them
     */
    public record ValueOutlier(String currency, long outliers, BigDecimal largest, BigDecimal median) {

    }

    @Transactional(readOnly = true)
    public List<ValueOutlier> valueOutliers(long campaignId) {
        return this.jdbc
            .sql("""
                    with valued as (
                        select currency, value from counted_conversion
                        where campaign_id = :id and attributed and value is not null and currency is not null),
                    medians as (
                        select currency, percentile_cont(0.5) within group (order by value) as median, count(*) as n
                        from valued group by currency)
                    select v.currency, count(*) as outliers, max(v.value) as largest, cast(m.median as numeric(14, 2)) as median
                    from valued v join medians m on m.currency = v.currency
                    where m.n >= :minimum and v.value > m.median * :factor
                    group by v.currency, m.median order by v.currency""")
            .param("id", campaignId)
            .param("minimum", MINIMUM_CONVERSIONS)
            .param("factor", VALUE_FACTOR)
            .query((row, n) -> new ValueOutlier(row.getString("currency"), row.getLong("outliers"),
                    row.getBigDecimal("largest"), row.getBigDecimal("median")))
            .list();
    }

}

package org.smscampaign.web.format;

import java.math.BigDecimal;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, defect 9: "5E+2" and "3E+2" in goal and revenue fields. */
class PlainDecimalsTest {

    @Test
    void aStrippedValueReadsWithoutAnExponent() {
        assertThat(PlainDecimals.plain(new BigDecimal("500.0000").stripTrailingZeros()).toString()).isEqualTo("500");
        assertThat(PlainDecimals.plain(new BigDecimal("3E+2")).toString()).isEqualTo("300");
        assertThat(PlainDecimals.plain(new BigDecimal("12.50")).toString()).isEqualTo("12.5");
        assertThat(PlainDecimals.plain((BigDecimal) null)).isNull();
    }

    @Test
    void aListKeepsItsBlanks() {
        assertThat(PlainDecimals.plain(Arrays.asList(new BigDecimal("1.5E+2"), null)))
            .containsExactly(new BigDecimal("150"), null);
    }

}

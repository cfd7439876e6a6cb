package org.smscampaign.web.dashboard;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, defect 9: a downloaded rate read 41.37931034482759 and an amount could read
 * 5E+2. Figures in CSV are written as people read them.
 */
class CsvDownloadsTest {

    @Test
    void ratesAndPercentagesHaveTwoDecimals() {
        assertThat(CsvDownloads.cell(41.37931034482759)).isEqualTo("41.38");
        assertThat(CsvDownloads.cell(50.0)).isEqualTo("50.00");
        assertThat(CsvDownloads.cell(0.004999)).isEqualTo("0.00");
        assertThat(CsvDownloads.cell(Double.NaN)).isEmpty();
    }

    @Test
    void moneyIsToTheCentAndNeverWithAnExponent() {
        assertThat(CsvDownloads.cell(new BigDecimal("5E+2"))).isEqualTo("500.00");
        assertThat(CsvDownloads.cell(new BigDecimal("3E+2"))).isEqualTo("300.00");
        assertThat(CsvDownloads.cell(new BigDecimal("82.899999"))).isEqualTo("82.90");
        assertThat(CsvDownloads.cell(new BigDecimal("-19.025"))).isEqualTo("-19.03");
        assertThat(CsvDownloads.cell(new BigDecimal("4.5"))).isEqualTo("4.50");
    }

    @Test
    void aUnitPriceBelowOneKeepsFourDecimals() {
        assertThat(CsvDownloads.cell(new BigDecimal("0.07925"))).isEqualTo("0.0793");
        assertThat(CsvDownloads.cell(new BigDecimal("0.0500"))).isEqualTo("0.05");
    }

    @Test
    void countsAndTextAreWrittenAsTheyAre() {
        assertThat(CsvDownloads.cell(2269L)).isEqualTo("2269");
        assertThat(CsvDownloads.cell("=SUM(A1)")).startsWith("'");
    }

    @Test
    void aDownloadHoldsTheRoundedFigures() {
        ReportTables.Table table = new ReportTables.Table(List.of("rate", "revenue"),
                List.of(Arrays.asList(41.37931034482759, new BigDecimal("5E+2"))));
        String csv = new String(CsvDownloads.of("t.csv", table).getBody(), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("rate,revenue\r\n41.38,500.00\r\n");
    }

}

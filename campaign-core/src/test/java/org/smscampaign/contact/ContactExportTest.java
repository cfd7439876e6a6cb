package org.smscampaign.contact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactExportTest {

    @Test
    void neutralisesCellsASpreadsheetWouldRun() {
        assertThat(ContactExport.safe("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(ContactExport.safe("+SUM(A1)")).isEqualTo("'+SUM(A1)");
        assertThat(ContactExport.safe("-2+3")).isEqualTo("'-2+3");
        assertThat(ContactExport.safe("@import")).isEqualTo("'@import");
        assertThat(ContactExport.safe("\tTAB")).isEqualTo("'\tTAB");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(ContactExport.safe("Anna-Lena")).isEqualTo("Anna-Lena");
        assertThat(ContactExport.safe(null)).isEmpty();
    }

}

package org.smscampaign.contact;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyTextTest {

    @Test
    void escapesWhatCopyTextFormatGivesMeaningTo() {
        String row = new CopyText(64).value("a\tb\nc\\d\re").value(null).value(42).endRow().toString();

        assertThat(row).isEqualTo("a\\tb\\nc\\\\d\\re\t\\N\t42\n");
    }

    @Test
    void writesArraysAsQuotedLiterals() {
        String row = new CopyText(64).array(List.of("a\"b", "c\\d", "e,f")).endRow().toString();

        assertThat(row).isEqualTo("{\"a\\\\\"b\",\"c\\\\\\\\d\",\"e,f\"}\n");
    }

}

package org.smscampaign.web.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ControlCharactersTest {

    @Test
    void escapesLineBreaksAnsiEscapesAndBidiOverrides() {
        assertThat(ControlCharacters.escape("a\r\nFAKE\u001b[31m\u009b\u202e\u2028\tb"))
            .isEqualTo("a\\r\\nFAKE\\u001b[31m\\u009b\\u202e\\u2028\\tb");
    }

    @Test
    void leavesOrdinaryTextAsItIs() {
        String text = "Zoë signed in from 2001:db8::1 — 100 € «ok»";

        assertThat(ControlCharacters.escape(text)).isSameAs(text);
    }

    @Test
    void canKeepTheLinesOfAStackTrace() {
        assertThat(ControlCharacters.escapeKeepingLines("at x\n\tat y\u001b[0m")).isEqualTo("at x\n\tat y\\u001b[0m");
    }

}

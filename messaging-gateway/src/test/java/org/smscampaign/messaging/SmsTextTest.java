package org.smscampaign.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsTextTest {

    @Test
    void gsm7FitsOneHundredSixtyThenOneHundredFiftyThreePerPart() {
        assertThat(SmsText.of("a".repeat(160))).extracting(SmsText::encoding, SmsText::segments)
            .containsExactly(SmsText.Encoding.GSM7, 1);
        assertThat(SmsText.of("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsText.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsText.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountTwice() {
        SmsText text = SmsText.of("€".repeat(80));
        assertThat(text.encoding()).isEqualTo(SmsText.Encoding.GSM7);
        assertThat(text.units()).isEqualTo(160);
        assertThat(SmsText.of("€".repeat(81)).segments()).isEqualTo(2);
    }

    @Test
    void oneCharacterOutsideGsm7MakesTheWholeTextUcs2AndSaysWhich() {
        SmsText curly = SmsText.of("It’s 20% off today — hurry");
        assertThat(curly.encoding()).isEqualTo(SmsText.Encoding.UCS2);
        assertThat(curly.ucs2Characters()).containsExactlyInAnyOrder("’", "—");
        assertThat(SmsText.of("x".repeat(70) + "").segments()).isEqualTo(1);
        assertThat(SmsText.of("é".repeat(69) + "ł").segments()).as("70 UCS-2 units").isEqualTo(1);
        assertThat(SmsText.of("ł".repeat(71)).segments()).isEqualTo(2);
        assertThat(SmsText.of("ł".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsText.of("ł".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void smartEncodingTurnsLookAlikesIntoGsm7() {
        String fixed = SmsText.smartEncode("It’s “20%” off… today — don’t miss it");

        assertThat(fixed).isEqualTo("It's \"20%\" off... today - don't miss it");
        assertThat(SmsText.of(fixed).encoding()).isEqualTo(SmsText.Encoding.GSM7);
        assertThat(SmsText.of("It’s on").smartEncodingFixes()).isTrue();
        assertThat(SmsText.of("Zażółć 🎉").smartEncodingFixes()).isFalse();
    }

    @Test
    void emojiTakeTwoUnits() {
        SmsText emoji = SmsText.of("🎉".repeat(35));
        assertThat(emoji.units()).isEqualTo(70);
        assertThat(emoji.segments()).isEqualTo(1);
        assertThat(SmsText.of("🎉".repeat(36)).segments()).isEqualTo(2);
    }

}

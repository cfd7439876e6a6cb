package org.smscampaign.campaign.coupon;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CouponPatternTest {

    @Test
    void codesFollowThePatternWithoutLookAlikes() {
        CouponPattern pattern = CouponPattern.parse("spring-{AAAA}{9999}-{XX}");
        SplittableRandom random = new SplittableRandom(7);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = pattern.generate(random);
            assertThat(code).matches("SPRING-[A-HJ-NP-Z]{4}[0-9]{4}-[A-HJ-NP-Z0-9]{2}");
            codes.add(code);
        }
        assertThat(codes).hasSizeGreaterThan(9_990);
        assertThat(pattern.combinations()).isEqualTo(
                BigInteger.valueOf(24).pow(4).multiply(BigInteger.TEN.pow(4)).multiply(BigInteger.valueOf(34 * 34)));
    }

    @Test
    void aPatternMustLeaveAMillionCodesPerRecipient() {
        CouponPattern pattern = CouponPattern.parse("{AAAA}{9999}");
        assertThat(pattern.safeFor(3_317)).isTrue();
        assertThat(pattern.safeFor(3_318)).isFalse();
        assertThat(CouponPattern.parse("{999999}").safeFor(1)).isTrue();
        assertThat(CouponPattern.parse("{99999}").safeFor(1)).isFalse();
    }

    @Test
    void mistakesAreToldInWords() {
        assertThatIllegalArgumentException().isThrownBy(() -> CouponPattern.parse("SALE"))
            .withMessageContaining("braces");
        assertThatIllegalArgumentException().isThrownBy(() -> CouponPattern.parse("{AAQ}"))
            .withMessageContaining("not 'Q'");
        assertThatIllegalArgumentException().isThrownBy(() -> CouponPattern.parse("{AA"))
            .withMessageContaining("closed");
        assertThatIllegalArgumentException().isThrownBy(() -> CouponPattern.parse("A B{99}"))
            .withMessageContaining("not ' '");
    }

}

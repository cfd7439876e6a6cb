package org.smscampaign.link.conversion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderIdsTest {

    @Test
    void caseWidthAndInvisibleCharactersDoNotMakeANewOrder() {
        assertThat(OrderIds.normalise("ORDER-1")).isEqualTo("order-1")
            .isEqualTo(OrderIds.normalise("order-1"))
            .isEqualTo(OrderIds.normalise("order\u200b-1"))
            .isEqualTo(OrderIds.normalise("\uff2f\uff32\uff24\uff25\uff32-1"))
            .isEqualTo(OrderIds.normalise("\u2060Order\u00ad-1\ufeff "))
            .isEqualTo(OrderIds.normalise("ORDER\uff0d1"));
    }

    @Test
    void differentOrdersStayDifferent() {
        assertThat(OrderIds.normalise("order-1")).isNotEqualTo(OrderIds.normalise("order-2"))
            .isNotEqualTo(OrderIds.normalise("order 1"));
    }

    @Test
    void nothingLeftIsNoOrderId() {
        assertThat(OrderIds.normalise(null)).isNull();
        assertThat(OrderIds.normalise(" \u200b ")).isNull();
    }

}

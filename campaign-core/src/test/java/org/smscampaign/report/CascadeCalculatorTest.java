package org.smscampaign.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smscampaign.link.CampaignClickFigures;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessageFigures;
import org.smscampaign.money.ExchangeRate;
import org.smscampaign.money.RateTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The figures by cascade step and channel and the savings against SMS only, on figures
 * small enough to compute by hand (docs/metrics.md, "Channels and cascade steps").
 */
class CascadeCalculatorTest {

    private static final Instant HOUR = Instant.parse("2026-12-01T10:00:00Z");

    private static final RateTable RATES = new RateTable("USD", List
        .of(new ExchangeRate("EUR", "USD", LocalDate.parse("2026-11-01"), new BigDecimal("1.10"), "test", HOUR)));

    private static MessageFigures.Step step(int step, Channel channel, long messages, long delivered, long won) {
        return new MessageFigures.Step(step, channel, messages, messages, delivered, 0, messages - delivered,
                messages - delivered, 0, 0, won, 1500L, 2500L, 1500L, 2500L);
    }

    private static MessageFigures figures(List<MessageFigures.Step> steps, List<MessageFigures.StepCost> costs,
            List<MessageFigures.CascadeCost> cascades) {
        return new MessageFigures(1, List.of(), List.of(), List.of(), Map.of(), null, steps, costs, cascades);
    }

    @Test
    void savingsAreTheSmsOnlyCostLessTheCascadeCostEachInCents() {
        CampaignReport.Savings savings = CascadeCalculator
            .savings(
                    List.of(new MessageFigures.CascadeCost("BASELINE", HOUR, "USD", 4, new BigDecimal("0.69200")),
                            new MessageFigures.CascadeCost("ACTUAL", HOUR, "USD", 4, new BigDecimal("0.30600")),
                            new MessageFigures.CascadeCost("ACTUAL", HOUR, "EUR", 2, new BigDecimal("0.10000"))),
                    RATES);

        assertThat(savings.chains()).isEqualTo(4);
        assertThat(savings.smsOnlyCost()).isEqualByComparingTo("0.69");
        assertThat(savings.cascadeCost()).as("0.306 USD + 0.10 EUR at 1.10").isEqualByComparingTo("0.42");
        assertThat(savings.saved()).isEqualByComparingTo("0.27");
        assertThat(savings.percent()).isCloseTo(27 * 100.0 / 69, within(1e-4));
    }

    @Test
    void aCascadeThatCostMoreThanSmsSavesANegativeAmount() {
        CampaignReport.Savings savings = CascadeCalculator
            .savings(List.of(new MessageFigures.CascadeCost("BASELINE", HOUR, "USD", 1, new BigDecimal("0.0079")),
                    new MessageFigures.CascadeCost("ACTUAL", HOUR, "USD", 1, new BigDecimal("0.0269"))), RATES);

        assertThat(savings.saved()).isEqualByComparingTo("-0.02");
        assertThat(savings.percent()).isNegative();
    }

    @Test
    void withoutCascadesThereAreNoSavingsAndNoChannelSection() {
        assertThat(CascadeCalculator.savings(List.of(), RATES)).isNull();
        MessageFigures sms = figures(List.of(step(1, Channel.SMS, 10, 9, 9)), List.of(), List.of());
        assertThat(CascadeCalculator.of(sms, CascadeCalculator.Outcomes.NONE, RATES)).isNull();
    }

    @Test
    void clicksAndConversionsCountWhereThePersonWasDelivered() {
        MessageFigures figures = figures(
                List.of(step(1, Channel.WHATSAPP, 4, 2, 2), step(2, Channel.RCS, 2, 1, 1),
                        step(3, Channel.SMS, 1, 1, 1)),
                List.of(new MessageFigures.StepCost(1, Channel.WHATSAPP, HOUR, "USD", "ESTIMATE", 2,
                        new BigDecimal("0.12")),
                        new MessageFigures.StepCost(3, Channel.SMS, HOUR, "EUR", "PROVIDER", 1,
                                new BigDecimal("0.10"))),
                List.of());
        // Contacts 1, 2: WhatsApp; 3: RCS; 4: SMS; 5: nowhere.
        Map<Long, MessageFigures.Delivery> deliveries = Map.of(1L, new MessageFigures.Delivery(1, Channel.WHATSAPP), 2L,
                new MessageFigures.Delivery(1, Channel.WHATSAPP), 3L, new MessageFigures.Delivery(2, Channel.RCS), 4L,
                new MessageFigures.Delivery(3, Channel.SMS));
        CascadeCalculator.Outcomes outcomes = new CascadeCalculator.Outcomes(deliveries, new long[] { 1, 2, 4, 5 },
                List.of(new CampaignClickFigures.ContactConversions(2L, HOUR, "USD", 2, new BigDecimal("30")),
                        new CampaignClickFigures.ContactConversions(4L, HOUR, "EUR", 1, new BigDecimal("10")),
                        new CampaignClickFigures.ContactConversions(null, HOUR, null, 1, null)));

        CampaignReport.Cascade cascade = CascadeCalculator.of(figures, outcomes, RATES);

        assertThat(cascade.steps()).extracting(CampaignReport.StepResult::humanClickers).containsExactly(2L, 0L, 1L);
        assertThat(cascade.steps()).extracting(CampaignReport.StepResult::conversions).containsExactly(2L, 0L, 1L);
        assertThat(cascade.steps().get(0).revenue()).isEqualByComparingTo("30.00");
        assertThat(cascade.steps().get(2).revenue()).as("10 EUR at 1.10").isEqualByComparingTo("11.00");
        assertThat(cascade.steps().get(2).cost()).isEqualByComparingTo("0.11");
        assertThat(cascade.steps().get(0).deliveryMedianSeconds()).isEqualTo(1.5);
        assertThat(cascade.notDelivered().humanClickers()).isEqualTo(1);
        assertThat(cascade.notDelivered().conversions()).as("of no known contact").isEqualTo(1);
        assertThat(cascade.channels()).extracting(CampaignReport.ChannelResult::channel)
            .containsExactly("SMS", "WHATSAPP", "RCS");
        CampaignReport.ChannelResult whatsApp = cascade.channels().get(1);
        assertThat(whatsApp.costPerDelivered()).isEqualByComparingTo("0.06");
        assertThat(cascade.savings()).as("no cascade went out yet").isNull();
    }

    @Test
    void outcomesAskForEveryClickerAndConverterOnce() {
        long[] contacts = CascadeCalculator.Outcomes.contactsOf(new long[] { 1, 2 },
                List.of(new CampaignClickFigures.ContactConversions(2L, HOUR, "USD", 1, BigDecimal.ONE),
                        new CampaignClickFigures.ContactConversions(3L, HOUR, "USD", 1, BigDecimal.ONE),
                        new CampaignClickFigures.ContactConversions(null, HOUR, "USD", 1, BigDecimal.ONE)));
        assertThat(contacts).containsExactlyInAnyOrder(1, 2, 3);
    }

}

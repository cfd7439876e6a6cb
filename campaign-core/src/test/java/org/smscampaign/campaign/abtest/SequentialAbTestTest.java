package org.smscampaign.campaign.abtest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SequentialAbTestTest {

    private final SequentialAbTest test = new SequentialAbTest(0.95, 1_000);

    @Test
    void zeroClicksDecideNothing() {
        SequentialAbTest.Look look = this.test.look(List.of(new Arm("A", 5_000, 0), new Arm("B", 5_000, 0)), Map.of());
        assertThat(look.winner()).isNull();
        assertThat(look.arm("B").alwaysValidP()).isEqualTo(1.0);
        assertThat(look.higherRate()).as("a tie goes to the control").isEqualTo("A");
    }

    @Test
    void belowTheMinimumSampleNothingIsDeclaredHoweverLargeTheGap() {
        SequentialAbTest.Look look = this.test.look(List.of(new Arm("A", 900, 5), new Arm("B", 950, 200)), Map.of());
        assertThat(look.winner()).isNull();
        assertThat(look.arm("A").needsMore()).isEqualTo(100);
        assertThat(look.arm("B").needsMore()).isEqualTo(50);
        assertThat(look.arm("B").alwaysValidP()).isEqualTo(1.0);
    }

    @Test
    void tooFewSuccessesForTheNormalApproximationDecideNothing() {
        SequentialAbTest.Look look = this.test.look(List.of(new Arm("A", 2_000, 0), new Arm("B", 2_000, 4)), Map.of());
        assertThat(look.winner()).isNull();
    }

    @Test
    void aClearDifferenceIsDeclaredAndExplained() {
        SequentialAbTest.Look look = this.test.look(List.of(new Arm("A", 2_380, 93), new Arm("B", 2_400, 150)),
                Map.of());
        assertThat(look.winner()).isEqualTo("B");
        assertThat(look.arm("B").alwaysValidP()).isLessThan(0.05);
        assertThat(look.explainWinner("CTR")).startsWith("B won: CTR 6.3 % vs 3.9 %, always-valid p ")
            .endsWith(" < 0.05, 2,400 and 2,380 delivered");
    }

    @Test
    void theControlWinsWhenItIsClearlyBetterThanEveryOtherVariant() {
        SequentialAbTest.Look look = this.test
            .look(List.of(new Arm("A", 3_000, 200), new Arm("B", 3_000, 60), new Arm("C", 3_000, 70)), Map.of());
        assertThat(look.alphaEach()).isEqualTo(0.025, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(look.winner()).isEqualTo("A");
        assertThat(look.explainWinner("CTR")).startsWith("A won: CTR 6.7 % vs 2.");
    }

    @Test
    void theAlwaysValidPNeverRisesFromLookToLook() {
        SplittableRandom random = new SplittableRandom(7);
        Map<String, Double> previous = new HashMap<>();
        long delivered = 0;
        long clicksA = 0;
        long clicksB = 0;
        double last = 1;
        for (int look = 0; look < 40; look++) {
            delivered += 250;
            for (int i = 0; i < 250; i++) {
                clicksA += (random.nextDouble() < 0.04) ? 1 : 0;
                clicksB += (random.nextDouble() < 0.045) ? 1 : 0;
            }
            double p = this.test
                .look(List.of(new Arm("A", delivered, clicksA), new Arm("B", delivered, clicksB)), previous)
                .arm("B")
                .alwaysValidP();
            assertThat(p).isLessThanOrEqualTo(last);
            previous.put("B", p);
            last = p;
        }
    }

    @Test
    void underEqualRatesRepeatedLooksKeepFalseWinnersAtMostFivePercent() {
        AbDecisionSimulation simulation = new AbDecisionSimulation(this.test, 12_000, 500);
        Map<String, Integer> wins = simulation.run(0.04, 0.04, 300, 42);
        assertThat(300 - wins.getOrDefault("none", 0)).isLessThanOrEqualTo(15);
    }

    @Test
    void aRealisticLiftIsFoundInNineRunsOfTen() {
        AbDecisionSimulation simulation = new AbDecisionSimulation(this.test, 12_000, 500);
        Map<String, Integer> wins = simulation.run(0.040, 0.052, 300, 43);
        assertThat(wins.getOrDefault("B", 0)).isGreaterThanOrEqualTo(270);
        assertThat(wins.getOrDefault("A", 0)).isZero();
    }

}

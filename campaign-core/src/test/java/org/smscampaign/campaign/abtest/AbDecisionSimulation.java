package org.smscampaign.campaign.abtest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Many simulated A/B tests through the real decision code: seeded clicks, a look after
 * every batch of deliveries, the decision taken at the first significant look. Run by
 * {@code benchmarks/ab-decisions} and, with fewer runs, by the unit tests.
 *
 * @param deliveredPerArm messages delivered to each variant over the test window
 * @param batch deliveries per variant between two looks
 */
public record AbDecisionSimulation(SequentialAbTest test, long deliveredPerArm, long batch) {

    /** Runs with A at rateA and B at rateB; returns how many runs each label won. */
    public Map<String, Integer> run(double rateA, double rateB, int runs, long seed) {
        Map<String, Integer> wins = new HashMap<>();
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < runs; i++) {
            String winner = once(rateA, rateB, seeds.split());
            wins.merge((winner != null) ? winner : "none", 1, Integer::sum);
        }
        return wins;
    }

    String once(double rateA, double rateB, SplittableRandom random) {
        long delivered = 0;
        long clicksA = 0;
        long clicksB = 0;
        Map<String, Double> previous = new HashMap<>();
        while (delivered < this.deliveredPerArm) {
            long n = Math.min(this.batch, this.deliveredPerArm - delivered);
            clicksA += binomial(random, n, rateA);
            clicksB += binomial(random, n, rateB);
            delivered += n;
            SequentialAbTest.Look look = this.test
                .look(List.of(new Arm("A", delivered, clicksA), new Arm("B", delivered, clicksB)), previous);
            if (look.winner() != null) {
                return look.winner();
            }
            look.arms()
                .stream()
                .filter((a) -> a.alwaysValidP() != null)
                .forEach((a) -> previous.put(a.arm().label(), a.alwaysValidP()));
        }
        return null;
    }

    private static long binomial(SplittableRandom random, long n, double p) {
        long hits = 0;
        for (long i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                hits++;
            }
        }
        return hits;
    }

    /**
     * Prints both scenarios and the RESULT line. Arguments (all optional): runs per
     * scenario, delivered per variant, batch, seed, minimum sample.
     */
    public static void main(String[] args) {
        int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
        long delivered = (args.length > 1) ? Long.parseLong(args[1]) : 12_000;
        long batch = (args.length > 2) ? Long.parseLong(args[2]) : 500;
        long seed = (args.length > 3) ? Long.parseLong(args[3]) : 20261207;
        long minimum = (args.length > 4) ? Long.parseLong(args[4]) : 1_000;
        SequentialAbTest test = new SequentialAbTest(0.95, minimum);
        AbDecisionSimulation simulation = new AbDecisionSimulation(test, delivered, batch);
        System.out.printf(Locale.ENGLISH,
                "mSPRT, confidence 95 %%, minimum sample %,d, tau^2 %.4g; %,d delivered per variant, "
                        + "a look every %,d (%d looks); %,d runs per scenario, seed %d%n",
                test.minimumSample(), test.mixingVariance(), delivered, batch, (delivered + batch - 1) / batch, runs,
                seed);
        Map<String, Integer> better = simulation.run(0.040, 0.052, runs, seed);
        Map<String, Integer> equal = simulation.run(0.040, 0.040, runs, seed + 1);
        int right = better.getOrDefault("B", 0);
        int wrong = runs - equal.getOrDefault("none", 0);
        System.out.printf(Locale.ENGLISH,
                "scenario 1, B better (4.0 %% vs 5.2 %% CTR): B declared in %d of %d runs (%.1f %%), "
                        + "A in %d, none in %d%n",
                right, runs, 100.0 * right / runs, better.getOrDefault("A", 0), better.getOrDefault("none", 0));
        System.out.printf(Locale.ENGLISH,
                "scenario 2, A and B equal (4.0 %% CTR): a winner wrongly declared in %d of %d runs (%.1f %%)%n", wrong,
                runs, 100.0 * wrong / runs);
        int correct = right + (runs - wrong);
        System.out.printf(Locale.ENGLISH, "RESULT ab-decisions value=%d baseline=%d ratio=%.4f unit=decisions%n",
                correct, 2 * runs, (double) correct / (2 * runs));
    }

}

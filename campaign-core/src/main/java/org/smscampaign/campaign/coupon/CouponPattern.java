package org.smscampaign.campaign.coupon;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The pattern of generated coupon codes: literal text, and groups in braces where
 * {@code A} is a letter without look-alikes (no I or O), {@code 9} a digit and {@code X}
 * either; {@code SPRING-{AAAA}{9999}} gives codes like {@code SPRING-KXPT4821}. Codes are
 * upper case.
 */
public final class CouponPattern {

    static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    static final String DIGITS = "0123456789";

    static final String EITHER = LETTERS + DIGITS;

    /**
     * Codes a guesser must try per person who holds one: below this, a shop's customer
     * could find someone else's code by trying.
     */
    public static final long COMBINATIONS_PER_RECIPIENT = 1_000_000L;

    private static final RandomGenerator RANDOM = new SecureRandom();

    private final String pattern;

    private final BigInteger combinations;

    private CouponPattern(String pattern, BigInteger combinations) {
        this.pattern = pattern;
        this.combinations = combinations;
    }

    /**
     * Parses a pattern.
     * @throws IllegalArgumentException with the reason people read
     */
    public static CouponPattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("give a pattern such as SPRING-{AAAA}{9999}.");
        }
        String upper = pattern.strip().toUpperCase(Locale.ROOT);
        BigInteger combinations = BigInteger.ONE;
        int length = 0;
        boolean inside = false;
        boolean anyRandom = false;
        for (char c : upper.toCharArray()) {
            if (c == '{') {
                if (inside) {
                    throw new IllegalArgumentException("a group in braces cannot hold another one.");
                }
                inside = true;
            }
            else if (c == '}') {
                if (!inside) {
                    throw new IllegalArgumentException("a } closes no group.");
                }
                inside = false;
            }
            else if (inside) {
                combinations = combinations.multiply(BigInteger.valueOf(alphabet(c).length()));
                anyRandom = true;
                length++;
            }
            else {
                if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                    throw new IllegalArgumentException(
                            "outside braces use letters, digits, - and _ only (not '" + c + "').");
                }
                length++;
            }
        }
        if (inside) {
            throw new IllegalArgumentException("a group in braces is not closed with }.");
        }
        if (!anyRandom) {
            throw new IllegalArgumentException("put the random part in braces, such as {AAAA}{9999}.");
        }
        if (length > 40) {
            throw new IllegalArgumentException("a code has at most 40 characters.");
        }
        return new CouponPattern(upper, combinations);
    }

    private static String alphabet(char c) {
        return switch (c) {
            case 'A' -> LETTERS;
            case '9' -> DIGITS;
            case 'X' -> EITHER;
            default -> throw new IllegalArgumentException(
                    "inside braces use A (letter), 9 (digit) or X (either), not '" + c + "'.");
        };
    }

    /** How many distinct codes the pattern can make. */
    public BigInteger combinations() {
        return this.combinations;
    }

    /** Whether codes for this many people stay hard to guess. */
    public boolean safeFor(long recipients) {
        return this.combinations.compareTo(BigInteger.valueOf(Math.max(1, recipients))
            .multiply(BigInteger.valueOf(COMBINATIONS_PER_RECIPIENT))) >= 0;
    }

    /** A new random code. */
    public String generate() {
        return generate(RANDOM);
    }

    String generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(this.pattern.length());
        boolean inside = false;
        for (char c : this.pattern.toCharArray()) {
            if (c == '{' || c == '}') {
                inside = c == '{';
            }
            else if (inside) {
                String alphabet = alphabet(c);
                code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            else {
                code.append(c);
            }
        }
        return code.toString();
    }

    /** The normalised form of a code people type: upper case, without spaces around. */
    public static String normalise(String code) {
        return (code == null) ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return this.pattern;
    }

}

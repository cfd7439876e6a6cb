package org.smscampaign.link.click;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClickPartsTest {

    @Test
    void clickIdsAreUniqueRisingAndCarryTheirTime() {
        ClickIds ids = new ClickIds(7);
        Set<Long> seen = new HashSet<>();
        long previous = 0;
        long before = System.currentTimeMillis();
        for (int i = 0; i < 100_000; i++) {
            long id = ids.next();
            assertThat(id).isGreaterThan(previous);
            previous = id;
            seen.add(id);
        }
        assertThat(seen).hasSize(100_000);
        assertThat(ClickIds.instantOf(previous).toEpochMilli()).isBetween(before - 1, System.currentTimeMillis() + 100);
    }

    @Test
    void addressesAreStoredTruncatedNeverWhole() {
        assertThat(ClientAddresses.truncated("203.0.113.77")).isEqualTo("203.0.113.0/24");
        assertThat(ClientAddresses.truncated("2001:db8:85a3:8d3:1319:8a2e:370:7348")).isEqualTo("2001:db8:85a3::/48");
    }

    @Test
    void manyDifferentLinksFromOneClientWithinSecondsAreABurst() {
        BurstDetector bursts = new BurstDetector(3, 10_000);
        String scanner = "Scanner/1.0";

        assertThat(bursts.record("198.51.100.1", scanner, 1_000, 1, 101)).isEmpty();
        assertThat(bursts.record("198.51.100.1", scanner, 1_500, 1, 102)).as("same link again").isEmpty();
        assertThat(bursts.record("198.51.100.2", scanner, 1_600, 2, 103)).as("other address").isEmpty();
        assertThat(bursts.record("198.51.100.1", "Phone/2", 1_700, 3, 104)).as("other agent, same address").isEmpty();
        assertThat(bursts.record("198.51.100.1", scanner, 2_000, 2, 105)).isEmpty();
        assertThat(bursts.record("198.51.100.1", scanner, 2_500, 3, 106)).containsExactly(101L, 102L, 105L, 106L);
        assertThat(bursts.record("198.51.100.1", scanner, 3_000, 4, 107)).as("still bursting").containsExactly(107L);
        assertThat(bursts.record("198.51.100.1", scanner, 30_000, 5, 108)).as("after the window").isEmpty();
    }

    @Test
    void aFloodFromOneClientIsFlaggedHitByHitWithBoundedMemory() {
        BurstDetector bursts = new BurstDetector(5, 10_000);
        long flagged = 0;
        for (int i = 0; i < 1_000_000; i++) {
            flagged += bursts.record("127.0.0.1", "wrk", 1_000 + i / 100, i % 10_000, i).size();
        }
        assertThat(flagged).as("every hit reported once").isEqualTo(1_000_000);
    }

    @Test
    void qrCodesEncodeTheShortLink() {
        byte[] png = org.smscampaign.link.QrCodes.png("https://go.brand.example/Ab3xK9q", 200);
        String svg = org.smscampaign.link.QrCodes.svg("https://go.brand.example/Ab3xK9q");

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(svg).startsWith("<svg").contains("viewBox").endsWith("</svg>");
        assertThat(List.of(svg.split("h1v1h-1z")).size()).isGreaterThan(100);
    }

}

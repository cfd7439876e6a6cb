package org.smscampaign.link.click;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClickTokensTest {

    private final ClickTokens tokens = new ClickTokens(
            "a key of at least thirty-two characters".getBytes(StandardCharsets.UTF_8));

    @Test
    void aTokenCarriesItsClickId() {
        long id = new ClickIds(7).next();
        String token = this.tokens.of(id);

        assertThat(token).matches("[A-Za-z0-9_-]{22}").doesNotContain(Long.toString(id));
        assertThat(this.tokens.verify(token)).hasValue(id);
    }

    @Test
    void neighbouringIdsHaveUnrelatedTokens() {
        ClickIds ids = new ClickIds(7);
        Set<String> tags = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tags.add(this.tokens.of(ids.next()).substring(11));
        }
        assertThat(tags).hasSize(1000);
    }

    @Test
    void guessedChangedOrForeignTokensAreRefused() {
        long id = new ClickIds(7).next();
        String token = this.tokens.of(id);
        ClickTokens otherServer = new ClickTokens(
                "another key of thirty-two characters".getBytes(StandardCharsets.UTF_8));

        assertThat(this.tokens.verify(Long.toString(id))).isEmpty();
        assertThat(this.tokens.verify(otherServer.of(id))).isEmpty();
        assertThat(this.tokens.verify(token.substring(0, 21) + (token.endsWith("A") ? "B" : "A"))).isEmpty();
        assertThat(this.tokens.verify("AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(this.tokens.verify("not base64 at all!!!!!")).isEmpty();
        assertThat(this.tokens.verify(null)).isEmpty();
    }

}

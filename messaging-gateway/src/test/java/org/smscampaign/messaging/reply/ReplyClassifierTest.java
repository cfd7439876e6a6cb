package org.smscampaign.messaging.reply;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.ReplyKind;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyClassifierTest {

    private final ReplyClassifier classifier = new ReplyClassifier(
            new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("sms.messaging", MessagingProperties.class)
                .keywords());

    @ParameterizedTest
    @ValueSource(strings = { "STOP", "stop", "Stop", " stop ", "STOP.", "Stop!", "«stop»", "\tSTOP\n", "STOPALL",
            "Unsubscribe", "cancel", "END", "quit", "revoke", "OPTOUT", "¡stop!" })
    void aKeywordAloneInAnyCaseAndPunctuationOptsOut(String body) {
        assertThat(this.classifier.classify(body, null)).isEqualTo(ReplyKind.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = { "START", "yes", "Unstop." })
    void optInKeywords(String body) {
        assertThat(this.classifier.classify(body, null)).isEqualTo(ReplyKind.OPT_IN);
    }

    @ParameterizedTest
    @ValueSource(strings = { "HELP", "info?" })
    void helpKeywords(String body) {
        assertThat(this.classifier.classify(body, null)).isEqualTo(ReplyKind.HELP);
    }

    @Test
    void aKeywordInsideASentenceIsAFreeReplyAndReadsLikeAnOptOutForReview() {
        for (String body : new String[] { "please stop texting me", "Don't text me again", "dont text this number",
                "I want to unsubscribe", "Remove me from your list", "no more messages please", "STOP IT" }) {
            assertThat(this.classifier.classify(body, null).isResponse()).as(body).isTrue();
            assertThat(this.classifier.readsLikeOptOut(body)).as(body).isTrue();
        }
    }

    @Test
    void ordinaryRepliesNeedNoReview() {
        for (String body : new String[] { "Thanks! See you Saturday", "What time do you open?", "Nonstop fun",
                "yes please, 2 tickets", "" }) {
            assertThat(this.classifier.classify(body, null).isResponse()).as(body).isTrue();
            assertThat(this.classifier.readsLikeOptOut(body)).as(body).isFalse();
        }
    }

    @Test
    void theProvidersOptOutVerdictWins() {
        assertThat(this.classifier.classify("Arrêt", "STOP")).isEqualTo(ReplyKind.OPT_OUT);
        assertThat(this.classifier.classify("Hello", "START")).isEqualTo(ReplyKind.OPT_IN);
        assertThat(this.classifier.classify("?", "HELP")).isEqualTo(ReplyKind.HELP);
    }

    @ParameterizedTest
    @ValueSource(strings = { "What time do you open?", "do you ship to Austria", "How much is it", "Wann öffnet ihr",
            "Can someone call me back", "my order didn't arrive", "I'd like a refund please", "¿Tienen talla M",
            "Please send me the catalogue" })
    void questionsAndRequestsForAPersonAreQueries(String body) {
        assertThat(this.classifier.classify(body, null)).isEqualTo(ReplyKind.QUERY);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Thanks! See you Saturday", "Nonstop fun", "yes please, 2 tickets", "👍", "",
            "Doing great", "Canada was great" })
    void otherFreeRepliesAreOther(String body) {
        assertThat(this.classifier.classify(body, null)).isEqualTo(ReplyKind.OTHER);
    }

    @Test
    void everyVerdictSaysWhichRuleDecided() {
        assertThat(this.classifier.explain("stop!", null).reason()).isEqualTo("opt-out keyword STOP");
        assertThat(this.classifier.explain("Arrêt", "STOP").reason()).isEqualTo("provider's opt-out type STOP");
        assertThat(this.classifier.explain("Is it open", null).reason())
            .isEqualTo("starts with the question word 'is'");
        assertThat(this.classifier.explain("open today?", null).reason()).isEqualTo("a question mark");
        assertThat(this.classifier.explain("pls call me", null).reason()).isEqualTo("asks 'call me'");
        assertThat(this.classifier.explain("Thanks", null).reason()).isEqualTo("no keyword, question or request");
    }

}

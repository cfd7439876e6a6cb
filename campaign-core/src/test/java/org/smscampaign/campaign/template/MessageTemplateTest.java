package org.smscampaign.campaign.template;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessageTemplateTest {

    @Test
    void mergeFieldsTakeTheirValueOrTheFallbackAndLinksTheirShortUrl() {
        MessageTemplate template = MessageTemplate
            .parse("Hi {{first_name|there}}, {{ points | 0 }} points! 20% off: {{link:https://shop.example/sale}}");

        MessageTemplate.Rendered anna = template.render(Map.of("first_name", "Anna", "points", "120")::get,
                List.of("https://go.brand.example/Ab3xK9q"));
        MessageTemplate.Rendered nobody = template.render((field) -> null, List.of("https://go.brand.example/Zz9"));

        assertThat(anna.text()).isEqualTo("Hi Anna, 120 points! 20% off: https://go.brand.example/Ab3xK9q");
        assertThat(anna.fellBack()).isFalse();
        assertThat(nobody.text()).isEqualTo("Hi there, 0 points! 20% off: https://go.brand.example/Zz9");
        assertThat(nobody.fellBack()).isTrue();
        assertThat(template.links()).containsExactly("https://shop.example/sale");
        assertThat(template.fields()).containsExactly("first_name", "points");
    }

    @Test
    void textWithoutPlaceholdersStaysAsWritten() {
        assertThat(MessageTemplate.parse("Plain {text} with braces").render((f) -> null, List.of()).text())
            .isEqualTo("Plain {text} with braces");
    }

    @Test
    void brokenPlaceholdersAreRefusedWithTheReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> MessageTemplate.parse("Hi {{first name}}"))
            .withMessageContaining("not a field name");
        assertThatIllegalArgumentException().isThrownBy(() -> MessageTemplate.parse("Go {{link:}}"))
            .withMessageContaining("address");
        assertThatIllegalArgumentException().isThrownBy(() -> MessageTemplate.parse("Hi {{first_name"))
            .withMessageContaining("not closed");
    }

    @Test
    void plainWordsTellHowMuchContextALinkHas() {
        assertThat(MessageTemplate.parse("{{link:https://a.example/}}").plainWords()).isZero();
        assertThat(MessageTemplate.parse("Our autumn sale: 20% off {{link:https://a.example/}}").plainWords())
            .isEqualTo(5);
    }

}

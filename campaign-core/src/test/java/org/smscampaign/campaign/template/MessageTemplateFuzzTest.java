package org.smscampaign.campaign.template;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The template renderer under arbitrary input: any text either parses or is refused with
 * a reason (IllegalArgumentException), never another exception; a parsed template renders
 * with any field values and keeps its plain text.
 */
class MessageTemplateFuzzTest {

    @Provide
    Arbitrary<String> templates() {
        // Text rich in the syntax's own characters, so that merge fields, links and
        // broken
        // braces come up often.
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("{{", "}}", "{", "}", "|", "link:", "first_name", "{{first_name|there}}",
                        "{{link:https://shop.example/a?b=c}}", "{{ }}", "{{link:}}", "{{x|{{y}}}}", "é", "😀", "\n"));
        return pieces.list().ofMaxSize(30).map((parts) -> String.join("", parts));
    }

    @Property(tries = 2000)
    void anyTextParsesOrIsRefusedWithAReason(@ForAll("templates") String text) {
        assertThatCode(() -> {
            try {
                MessageTemplate.parse(text);
            }
            catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }).doesNotThrowAnyException();
    }

    @Property(tries = 1000)
    void aParsedTemplateRendersWithAnyValues(@ForAll("templates") String text,
            @ForAll("values") Map<String, String> values) {
        MessageTemplate template;
        try {
            template = MessageTemplate.parse(text);
        }
        catch (IllegalArgumentException refused) {
            return;
        }
        List<String> links = template.links().stream().map((link) -> "https://go.example/abc1234").toList();
        MessageTemplate.Rendered rendered = template.render(values::get, links);
        assertThat(rendered.text()).isNotNull();
    }

    @Provide
    Arbitrary<Map<String, String>> values() {
        return Arbitraries.maps(Arbitraries.of("first_name", "last_name", "city", "loyalty_points"),
                Arbitraries.strings().ofMaxLength(40).injectNull(0.2));
    }

}

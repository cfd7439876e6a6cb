package org.smscampaign.web.message;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.messaging.ContentTemplateView;
import org.smscampaign.messaging.ContentTemplates;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The account's message templates (Twilio Content API) with their WhatsApp approval. */
@RestController
@Tag(name = "Messages")
class TemplateApiController {

    private final ContentTemplates templates;

    TemplateApiController(ContentTemplates templates) {
        this.templates = templates;
    }

    /**
     * A template as the API shows it.
     *
     * @param sid what {@code template.sid} of POST /api/v1/messages takes
     * @param approval APPROVED, PENDING, REJECTED or UNSUBMITTED (WhatsApp's verdict)
     * @param approved whether it can be sent
     * @param body its text, with numbered variables ({{1}})
     * @param variables the variables {@code template.variables} must fill
     */
    record TemplateResource(String sid, String name, String language, ContentTemplateView.Approval approval,
            boolean approved, String body, List<String> variables) {

        static TemplateResource of(ContentTemplateView template) {
            return new TemplateResource(template.sid(), template.name(), template.language(), template.approval(),
                    template.approved(), template.body(), template.variables());
        }

    }

    @GetMapping("/api/v1/templates")
    @Operation(summary = "The account's message templates",
            description = "Listed from the provider's Content API and cached (sms.messaging.templates.cache-for). "
                    + "WhatsApp messages that start a conversation must use an approved one.")
    List<TemplateResource> listTemplates() {
        return this.templates.all().stream().map(TemplateResource::of).toList();
    }

}

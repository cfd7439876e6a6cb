package org.smscampaign.web.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.Preflight;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.SendWindow;

import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The questions asked before a launch or a cancellation, and errors placed by field. */
class ConfirmationsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");

    private static CampaignView campaign(CampaignDraft.Audience audience, CampaignView.Launch launch) {
        CampaignDraft draft = new CampaignDraft("Winter boots", "default", null, audience,
                List.of(new CampaignDraft.Variant("A", "Hi", 100)), null, SendWindow.Policy.HOLD, true, null, 0, null,
                null, 7, 7, null);
        return new CampaignView(7, "Winter boots", (launch != null) ? CampaignStatus.SENDING : CampaignStatus.DRAFT,
                draft, "m", NOW, NOW, launch, null, null, List.of());
    }

    private static Preflight preflight(int recipients, String cost, Instant completes) {
        return new Preflight(recipients, 0, 0, 0, 0, 0, List.of(), recipients, Map.of(), 0, 0, new BigDecimal(cost),
                "USD", completes, List.of(), null);
    }

    @Test
    void aLaunchNamesThePeopleTheAudienceTheCostAndTheLastOneOut() {
        CampaignView campaign = campaign(new CampaignDraft.Audience(List.of(1L), List.of(2L), List.of(3L), null), null);

        Confirmations.Question question = Confirmations.launch(campaign,
                preflight(2269, "134.7213", Instant.parse("2026-12-07T19:16:40Z")), Map.of(1L, "VIP", 3L, "Churned"),
                Map.of(2L, "Berlin"), NOW);

        assertThat(question.text())
            .isEqualTo("Send to 2,269 people in VIP, Berlin, not Churned for 134.72 USD, last one out at 19:16 UTC?");
        assertThat(question.title()).isEqualTo("Launch Winter boots?");
    }

    @Test
    void everyoneSubscribedIsSaidSoAndALaterDayShowsItsDate() {
        CampaignView campaign = campaign(new CampaignDraft.Audience(null, null, null, null, true), null);

        String text = Confirmations
            .launch(campaign, preflight(1, "0.07", Instant.parse("2026-12-12T10:00:00Z")), Map.of(), Map.of(), NOW)
            .text();

        assertThat(text)
            .isEqualTo("Send to 1 person (everyone subscribed) for 0.07 USD, last one out at 2026-12-12 10:00 UTC?");
    }

    @Test
    void aCancellationSaysHowManyMessagesWillNotGoOut() {
        CampaignView launched = campaign(new CampaignDraft.Audience(List.of(1L), null, null, null),
                new CampaignView.Launch("m", NOW, true, NOW, 1500, 1500, 0, 0, 10));

        assertThat(Confirmations
            .cancel(launched, Map.of(MessageStatus.QUEUED, 1200L, MessageStatus.CLAIMED, 24L, MessageStatus.SENT, 276L))
            .text())
            .isEqualTo("Cancel campaign Winter boots? 1,234 messages not yet sent will not go out. "
                    + "What went out stays counted.");
        assertThat(Confirmations.cancel(campaign(new CampaignDraft.Audience(null, null, null, null), null), Map.of())
            .text()).startsWith("Cancel campaign Winter boots? It was never launched");
    }

    @Test
    void aRefusalIsToldNextToTheFieldItConcerns() {
        CampaignForm form = CampaignForm.empty("default", "");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "campaign");

        FormErrors.reject(errors, "schedule: give the date and the local time to send at.");
        FormErrors.reject(errors, "variant B: unknown field first name");

        assertThat(errors.getFieldError("scheduleType").getDefaultMessage())
            .isEqualTo("Give the date and the local time to send at.");
        assertThat(errors.getFieldError("bodyB").getDefaultMessage()).isEqualTo("Unknown field first name");
        assertThat(errors.getGlobalErrors()).hasSize(2);
    }

}

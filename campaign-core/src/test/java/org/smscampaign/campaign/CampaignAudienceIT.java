package org.smscampaign.campaign;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.CampaignCoreIT;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.messaging.SendWindow;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An audience is chosen explicitly: nothing chosen is nobody (never everyone), "everyone
 * subscribed" is a choice of its own, kept with the draft.
 */
@CampaignCoreIT
class CampaignAudienceIT {

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    ContactManagement contacts;

    @Autowired
    ContactLists lists;

    long list;

    @BeforeEach
    void twoSubscribers() {
        this.list = this.lists.create("Audience test " + System.nanoTime(), null).id();
        List<Long> ids = List.of(subscriber("Anna"), subscriber("Ben"));
        this.lists.add(this.list, ids);
    }

    private long subscriber(String name) {
        String number = "+49176" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        return this.contacts
            .create(new ContactInput(number, name, null, null, null, null, "DE", null, null, null, null, null,
                    Map.of()), ConsentStatus.SUBSCRIBED, ConsentSource.FORM, "test", "test")
            .id();
    }

    private CampaignView draft(CampaignDraft.Audience audience) {
        return this.campaigns.create(new CampaignDraft("Audience " + System.nanoTime(), "default", null, audience,
                List.of(new CampaignDraft.Variant("A", "Hi {{first_name|there}}, boots are 30% off today.", 100)),
                CampaignDraft.Schedule.now(), SendWindow.Policy.HOLD, true, null, 0, null, List.of(), 7, 7, List.of()),
                "marketer");
    }

    @Test
    void anAudienceWithNothingChosenIsNobodyAndCannotBeLaunched() {
        CampaignView campaign = draft(new CampaignDraft.Audience(null, null, null, null, false));

        Preflight preflight = this.campaigns.preflight(campaign.id());

        assertThat(preflight.recipients()).isZero();
        assertThat(preflight.estimatedCost()).isZero();
        assertThat(preflight.completesAt()).isNull();
        assertThat(preflight.warnings()).extracting(Preflight.Warning::code).contains("NO_AUDIENCE");
        assertThatExceptionOfType(CampaignProblem.class)
            .isThrownBy(() -> this.campaigns.launch(campaign.id(), "marketer"))
            .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(CampaignProblem.Kind.NO_AUDIENCE))
            .withMessageContaining("no audience");
        assertThat(this.campaigns.get(campaign.id()).status()).isEqualTo(CampaignStatus.DRAFT);
    }

    @Test
    void everyoneSubscribedIsAnExplicitChoiceKeptWithTheDraft() {
        CampaignView listOnly = draft(new CampaignDraft.Audience(null, List.of(this.list), null, null, false));
        CampaignView everyone = draft(new CampaignDraft.Audience(null, null, null, null, true));
        CampaignView everyoneButTheList = draft(new CampaignDraft.Audience(null, null, null, List.of(this.list), true));

        assertThat(this.campaigns.get(everyone.id()).draft().audience().everyone()).isTrue();
        assertThat(this.campaigns.get(listOnly.id()).draft().audience().everyone()).isFalse();
        int all = this.campaigns.preflight(everyone.id()).recipients();
        assertThat(this.campaigns.preflight(listOnly.id()).recipients()).isEqualTo(2);
        assertThat(all).isGreaterThanOrEqualTo(2);
        assertThat(this.campaigns.preflight(everyoneButTheList.id()).recipients()).isEqualTo(all - 2);
        assertThat(this.campaigns.preflight(everyone.id()).warnings()).extracting(Preflight.Warning::code)
            .doesNotContain("NO_AUDIENCE");
    }

}

package org.smscampaign.campaign.launch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.smscampaign.campaign.AudienceReach;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignProperties;
import org.smscampaign.campaign.DraftPreview;
import org.smscampaign.campaign.template.MergeFields;
import org.smscampaign.campaign.template.MessageTemplate;
import org.smscampaign.contact.AudienceCount;
import org.smscampaign.contact.ContactCriteria;
import org.smscampaign.contact.ContactQueries;
import org.smscampaign.link.ShortCodes;
import org.smscampaign.messaging.OptOuts;
import org.smscampaign.messaging.SmsText;

import org.springframework.stereotype.Component;

/**
 * The composer's live help on a draft that may not be saved yet: who the audience
 * reaches, and a variant rendered for one of its first recipients. Both count and render
 * as the preflight does, so what the form shows is what the preflight will say.
 */
@Component
public class DraftPreviews {

    /** How many recipients the preview steps through. */
    static final int RECIPIENTS = 10;

    private static final int BATCH = 5000;

    /** A code of the true length: the preview looks like the message that is sent. */
    private final ContactQueries contacts;

    private final AudienceCriteria audiences;

    private final OptOuts optOuts;

    private final PreflightRunner preflight;

    private final CampaignProperties properties;

    private final Clock clock;

    private final org.smscampaign.campaign.coupon.CouponStore coupons;

    DraftPreviews(ContactQueries contacts, AudienceCriteria audiences, OptOuts optOuts, PreflightRunner preflight,
            CampaignProperties properties, Clock clock, org.smscampaign.campaign.coupon.CouponStore coupons) {
        this.coupons = coupons;
        this.contacts = contacts;
        this.audiences = audiences;
        this.optOuts = optOuts;
        this.preflight = preflight;
        this.properties = properties;
        this.clock = clock;
    }

    public AudienceReach reach(CampaignDraft.Audience audience) {
        if (audience.isEmpty()) {
            return AudienceReach.NOBODY;
        }
        ContactCriteria criteria = this.audiences.of(audience);
        AudienceCount count = this.contacts.count(criteria);
        List<String> batch = new ArrayList<>(BATCH);
        long[] optedOut = { 0 };
        this.contacts.forEachMatching(criteria, true, (row) -> {
            batch.add(row.getString("phone_number"));
            if (batch.size() == BATCH) {
                optedOut[0] += this.optOuts.suppressedAmong(batch).size();
                batch.clear();
            }
        });
        optedOut[0] += this.optOuts.suppressedAmong(batch).size();
        return new AudienceReach(count.matching(), count.reachable(), optedOut[0], count.reachable() - optedOut[0]);
    }

    /**
     * A text of the draft (its signature and opt-out line added) as the recipient at
     * {@code index} among the audience's first reachable ones gets it.
     */
    public DraftPreview preview(CampaignDraft draft, String label, String body, int index) {
        if (body == null || body.isBlank()) {
            return DraftPreview.problem(label, "Write the text of variant " + label + " to see it on a phone.");
        }
        List<Recipient> recipients = recipients(draft.audience());
        Recipient recipient = recipients.isEmpty() ? null : recipients.get(Math.floorMod(index, recipients.size()));
        String country = (recipient != null) ? recipient.country() : null;
        String optOutLine = this.properties.optOutLineFor(country);
        MessageTemplate template;
        try {
            template = MessageTemplate.parse(CampaignTexts.full(draft, body, optOutLine));
        }
        catch (IllegalArgumentException ex) {
            return DraftPreview.problem(label, ex.getMessage());
        }
        String link = this.preflight.brandOf(draft).sampleLink();
        Map<String, String> values = new java.util.HashMap<>((recipient != null) ? recipient.fields() : Map.of());
        String coupon = this.coupons.sample(draft.coupons());
        if (coupon != null) {
            values.put(org.smscampaign.campaign.coupon.CouponChecks.FIELD, coupon); // a
                                                                                    // sample
                                                                                    // code
        }
        MessageTemplate.Rendered rendered = template.render(values::get,
                Collections.nCopies(template.links().size(), link));
        Map<String, String> used = new LinkedHashMap<>();
        template.fields().stream().filter((f) -> values.get(f) != null).forEach((f) -> used.put(f, values.get(f)));
        SmsText sms = SmsText.of(rendered.text());
        return new DraftPreview(label, (recipient != null) ? Math.floorMod(index, recipients.size()) : 0,
                recipients.size(), (recipient != null) ? recipient.name() : null, rendered.text(),
                sms.encoding().name(), sms.units(), sms.segments(), Set.copyOf(sms.ucs2Characters()), used, optOutLine,
                link.length(), null);
    }

    private record Recipient(String name, String phone, String country, Map<String, String> fields) {

    }

    /** The first reachable recipients of the audience, opted-out numbers left out. */
    private List<Recipient> recipients(CampaignDraft.Audience audience) {
        if (audience.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(this.clock);
        List<Recipient> found = new ArrayList<>();
        this.contacts.firstReachable(this.audiences.of(audience), RECIPIENTS * 3,
                (row) -> found.add(new Recipient(name(row.getString("first_name"), row.getString("last_name")),
                        row.getString("phone_number"), row.getString("country"), MergeFields.of(row, today))));
        Set<String> suppressed = this.optOuts.suppressedAmong(found.stream().map(Recipient::phone).toList());
        return found.stream().filter((r) -> !suppressed.contains(r.phone())).limit(RECIPIENTS).toList();
    }

    private static String name(String first, String last) {
        String name = ((first != null) ? first : "") + " " + ((last != null) ? last : "");
        return name.isBlank() ? "A contact without a name" : name.strip();
    }

}

package org.smscampaign.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.messaging.MessageFigures;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.ResponseFigures;

/**
 * The response funnel's definitions (docs/metrics.md, "Response funnel"): from the
 * campaign's responders, the contacts of them who converted, and its click funnel.
 */
final class ResponseFunnel {

    private ResponseFunnel() {
    }

    /**
     * What the funnel is computed from.
     *
     * @param responders one per number that responded; null where only counts were read
     * (overviews)
     * @param counts responders and queriers, used where responders is null
     * @param converted contacts among the responders who converted within their window;
     * null where not read
     * @param convertingClickers human clickers with a conversion attributed to the
     * campaign; null where not read
     */
    record Input(List<ResponseFigures.Responder> responders, ResponseFigures.Counts counts, Set<Long> converted,
            Long convertingClickers) {

        static final Input NONE = new Input(null, ResponseFigures.Counts.NONE, null, null);

        static Input counts(ResponseFigures.Counts counts) {
            return new Input(null, (counts != null) ? counts : ResponseFigures.Counts.NONE, null, null);
        }

    }

    static CampaignReport.Responses of(CampaignView campaign, CampaignReport.Funnel funnel, MessageFigures messages,
            Input input) {
        int days = campaign.draft().attributionDays();
        if (input.responders() == null) {
            ResponseFigures.Counts c = input.counts();
            return new CampaignReport.Responses(funnel.delivered(), c.responders(), c.queriers(), c.answered(),
                    c.waiting(), null, null, Ratios.percent(c.responders(), funnel.delivered()),
                    Ratios.percent(c.queriers(), funnel.delivered()), Ratios.percent(c.answered(), c.queriers()), null,
                    null, null, days, List.of());
        }
        List<ResponseFigures.Responder> all = input.responders();
        long responders = all.size();
        long converted = converted(all, input.converted(), (r) -> true);
        Long clickerConverters = input.convertingClickers();
        long queries = count(all, ResponseFigures.Responder::queried);
        long answered = count(all, ResponseFigures.Responder::answered);
        List<CampaignReport.VariantResponses> variants = new ArrayList<>();
        for (CampaignDraft.Variant variant : campaign.draft().variants()) {
            String label = variant.label();
            List<ResponseFigures.Responder> of = all.stream().filter((r) -> label.equals(r.variant())).toList();
            long delivered = messages.totals()
                .stream()
                .filter((t) -> label.equals(t.variant()) && t.status() == MessageStatus.DELIVERED)
                .mapToLong(MessageFigures.Total::messages)
                .sum();
            long variantConverted = converted(of, input.converted(), (r) -> true);
            variants.add(new CampaignReport.VariantResponses(label, delivered, of.size(),
                    count(of, ResponseFigures.Responder::queried), count(of, ResponseFigures.Responder::answered),
                    count(of, ResponseFigures.Responder::waiting), variantConverted,
                    Ratios.percent(of.size(), delivered), Ratios.percent(variantConverted, of.size())));
        }
        return new CampaignReport.Responses(funnel.delivered(), responders, queries, answered,
                count(all, ResponseFigures.Responder::waiting), medianFirstAnswer(all), converted,
                Ratios.percent(responders, funnel.delivered()), Ratios.percent(queries, funnel.delivered()),
                Ratios.percent(answered, queries), Ratios.percent(converted, responders), clickerConverters,
                (clickerConverters != null) ? Ratios.percent(clickerConverters, funnel.humanClickers()) : null, days,
                variants);
    }

    /** Median seconds from first query to first answer, over answered numbers. */
    static Double medianFirstAnswerSeconds(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return null;
        }
        long[] sorted = seconds.stream().mapToLong(Long::longValue).sorted().toArray();
        int middle = sorted.length / 2;
        return (sorted.length % 2 == 1) ? (double) sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private static Double medianFirstAnswer(List<ResponseFigures.Responder> all) {
        return medianFirstAnswerSeconds(all.stream()
            .filter((r) -> r.queried() && r.answered())
            .map((r) -> Math.max(0, Duration.between(r.firstQuery(), r.firstAnswer()).toSeconds()))
            .toList());
    }

    /** Contacts and the moment each responded first, for the conversion lookup. */
    static long[] contacts(List<ResponseFigures.Responder> all) {
        return all.stream()
            .filter((r) -> r.contactId() != null)
            .mapToLong(ResponseFigures.Responder::contactId)
            .toArray();
    }

    static java.time.Instant[] firstResponses(List<ResponseFigures.Responder> all) {
        return all.stream()
            .filter((r) -> r.contactId() != null)
            .map(ResponseFigures.Responder::firstResponse)
            .toArray(java.time.Instant[]::new);
    }

    static Set<Long> set(long[] ids) {
        return Set.copyOf(Arrays.stream(ids).boxed().toList());
    }

    private static long converted(List<ResponseFigures.Responder> of, Set<Long> converted,
            Predicate<ResponseFigures.Responder> which) {
        if (converted == null) {
            return 0;
        }
        return of.stream()
            .filter(which)
            .map(ResponseFigures.Responder::contactId)
            .filter((id) -> id != null && converted.contains(id))
            .distinct()
            .count();
    }

    private static long count(List<ResponseFigures.Responder> of, Predicate<ResponseFigures.Responder> which) {
        return of.stream().filter(which).count();
    }

}

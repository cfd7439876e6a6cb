package org.smscampaign.messaging.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.smscampaign.messaging.ContentTemplateView;
import org.smscampaign.messaging.ContentTemplateView.Approval;

/**
 * Reads one item of the Content API's {@code ContentAndApprovals} list (twilio-java hands
 * its {@code types}, {@code approval_requests} and {@code variables} over as plain maps).
 */
final class ContentTemplateMapping {

    private ContentTemplateMapping() {
    }

    static ContentTemplateView view(String sid, String name, String language, Object types, Object approvals,
            Object variables) {
        String body = body(types);
        List<String> names = ContentTemplateView.variablesOf(body);
        if (names.isEmpty() && variables instanceof Map<?, ?> declared) {
            names = declared.keySet().stream().map(String::valueOf).toList();
        }
        return new ContentTemplateView(sid, (name != null) ? name : sid, language, approval(approvals), body, names);
    }

    /**
     * The text people read: the {@code twilio/text} type's body, else the first type that
     * has one (a card, quick replies, a call to action).
     */
    static String body(Object types) {
        if (!(types instanceof Map<?, ?> byType)) {
            return null;
        }
        List<Object> candidates = new ArrayList<>();
        candidates.add(byType.get("twilio/text"));
        candidates.addAll(byType.values());
        for (Object type : candidates) {
            if (type instanceof Map<?, ?> fields) {
                Object body = (fields.get("body") != null) ? fields.get("body") : fields.get("title");
                if (body instanceof String text && !text.isBlank()) {
                    return text;
                }
            }
        }
        return null;
    }

    /**
     * WhatsApp's verdict: {@code approval_requests} holds it directly or under
     * {@code whatsapp}; paused and disabled templates cannot be sent either.
     */
    static Approval approval(Object approvals) {
        if (!(approvals instanceof Map<?, ?> requests)) {
            return Approval.UNSUBMITTED;
        }
        Object whatsApp = (requests.get("whatsapp") instanceof Map<?, ?> nested) ? nested : requests;
        Object status = ((Map<?, ?>) whatsApp).get("status");
        String value = (status != null) ? status.toString().strip().toLowerCase(Locale.ROOT) : "";
        return switch (value) {
            case "approved" -> Approval.APPROVED;
            case "pending", "received", "in_review", "submitted" -> Approval.PENDING;
            case "rejected", "paused", "disabled" -> Approval.REJECTED;
            default -> Approval.UNSUBMITTED;
        };
    }

}

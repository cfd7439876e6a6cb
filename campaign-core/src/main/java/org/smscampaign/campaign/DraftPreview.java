package org.smscampaign.campaign;

import java.util.Map;
import java.util.Set;

/**
 * One variant of a draft as one real recipient would get it, rendered as a launch renders
 * it (merge fields, a link at its true length, the signature, the opt-out line of the
 * recipient's market).
 *
 * @param index which of the first recipients (0-based, wrapped around)
 * @param recipients how many recipients can be stepped through (0: nobody chosen yet, the
 * text is shown with its fallbacks)
 * @param recipient the recipient's name (null without one)
 * @param fields the recipient's values of the merge fields the text uses
 * @param optOutLine the opt-out line in the recipient's language
 * @param linkLength characters of each tracked link (the draft's brand's short link)
 * @param problem why the text cannot be rendered (null when it can)
 */
public record DraftPreview(String variant, int index, int recipients, String recipient, String text, String encoding,
        int units, int segments, Set<String> ucs2Characters, Map<String, String> fields, String optOutLine,
        int linkLength, String problem) {

    public static DraftPreview problem(String variant, String problem) {
        return new DraftPreview(variant, 0, 0, null, "", "GSM7", 0, 0, Set.of(), Map.of(), "", 0, problem);
    }

}

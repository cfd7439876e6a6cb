package org.smscampaign.contact;

/**
 * How a bulk write treats consent, existing contacts and list membership.
 *
 * @param consent status given to new contacts; for existing ones an import never
 * re-subscribes someone who unsubscribed, and PENDING never downgrades SUBSCRIBED
 * @param consentSource recorded in the consent log
 * @param consentProof optional proof text (e.g. "double opt-in via web form, 2025")
 * @param listId list the written contacts are added to, or null
 * @param recordedBy user or API key on whose behalf the write happens
 */
public record BatchOptions(ExistingContactPolicy policy, ConsentStatus consent, ConsentSource consentSource,
        String consentProof, Long listId, String recordedBy) {

}

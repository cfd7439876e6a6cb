package org.smscampaign.contact;

import java.util.List;

/**
 * How to import a file: the column mapping and what to do with consent and existing
 * contacts.
 *
 * @param defaultRegion region for numbers without country code, e.g. DE (a row's country
 * column, when mapped, wins)
 * @param dateOrder how to read slashed dates; null for the region's usual order
 * @param consent consent status given to imported contacts; default PENDING (cannot be
 * messaged). SUBSCRIBED needs {@code consentConfirmed}, {@code consentObtained} and
 * {@code consentProof}
 * @param consentSource how the change reached the platform; default IMPORT
 * @param consentProof proof or reference of consent stored in each consent log entry
 * @param policy what to do with numbers that are already contacts
 * @param listId list to add the imported contacts to, or null
 * @param consentConfirmed the person importing confirms they have these people's consent
 * @param consentObtained how the consent was obtained (web form, in store, ...)
 */
public record ImportSettings(List<ColumnMapping> columns, String defaultRegion, DateOrder dateOrder,
        ConsentStatus consent, ConsentSource consentSource, String consentProof, ExistingContactPolicy policy,
        Long listId, Boolean consentConfirmed, ConsentOrigin consentObtained) {

    public ImportSettings {
        columns = (columns != null) ? List.copyOf(columns) : List.of();
        consent = (consent != null) ? consent : ConsentStatus.PENDING;
        consentSource = (consentSource != null) ? consentSource : ConsentSource.IMPORT;
        policy = (policy != null) ? policy : ExistingContactPolicy.UPDATE;
        consentConfirmed = Boolean.TRUE.equals(consentConfirmed);
    }

    public DateOrder dateOrderOrDefault() {
        return (this.dateOrder != null) ? this.dateOrder : DateOrder.usualIn(this.defaultRegion);
    }

    /** Whether the settings carry what subscribing people needs. */
    boolean consentEvidenced() {
        return this.consentConfirmed && this.consentObtained != null && this.consentProof != null
                && !this.consentProof.isBlank();
    }

    /** The text each consent log entry keeps: how consent was obtained, and the proof. */
    public String consentRecord() {
        if (this.consentObtained == null) {
            return this.consentProof;
        }
        String obtained = "Consent obtained: " + this.consentObtained.label();
        return (this.consentProof != null) ? obtained + ". Proof: " + this.consentProof : obtained;
    }

}

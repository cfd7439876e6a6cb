package org.smscampaign.contact;

import java.util.List;

/**
 * How to import a file: the column mapping and what to do with consent and existing
 * contacts.
 *
 * @param defaultRegion region for numbers without country code, e.g. DE
 * @param dateOrder how to read slashed dates; null for the region's usual order
 * @param consent consent status given to imported contacts
 * @param consentSource how these people gave their consent; default IMPORT
 * @param consentProof optional proof of consent stored in each consent log entry
 * @param policy what to do with numbers that are already contacts
 * @param listId list to add the imported contacts to, or null
 */
public record ImportSettings(List<ColumnMapping> columns, String defaultRegion, DateOrder dateOrder,
        ConsentStatus consent, ConsentSource consentSource, String consentProof, ExistingContactPolicy policy,
        Long listId) {

    public ImportSettings {
        columns = (columns != null) ? List.copyOf(columns) : List.of();
        consent = (consent != null) ? consent : ConsentStatus.SUBSCRIBED;
        consentSource = (consentSource != null) ? consentSource : ConsentSource.IMPORT;
        policy = (policy != null) ? policy : ExistingContactPolicy.UPDATE;
    }

    public DateOrder dateOrderOrDefault() {
        return (this.dateOrder != null) ? this.dateOrder : DateOrder.usualIn(this.defaultRegion);
    }

}

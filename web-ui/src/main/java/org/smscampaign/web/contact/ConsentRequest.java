package org.smscampaign.web.contact;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;

/** A consent change through the API. */
record ConsentRequest(@NotNull(message = "Give the consent status.") ConsentStatus status, ConsentSource source,
        @Size(max = 1000, message = "Proof must be at most {max} characters.") String proof) {

    ConsentSource sourceOrDefault() {
        return (this.source != null) ? this.source : ConsentSource.API;
    }

}

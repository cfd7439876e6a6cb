package org.smscampaign.contact;

import java.util.List;

/**
 * A bulk write (an import) withdrew consent from existing contacts. Published inside the
 * batch's transaction, so that what waits for them is withdrawn in the same commit.
 *
 * @param unsubscribed numbers now unsubscribed (every channel)
 * @param whatsAppOptedOut numbers whose WhatsApp opt-in was withdrawn
 */
public record ContactsOptedOut(List<String> unsubscribed, List<String> whatsAppOptedOut) {

}

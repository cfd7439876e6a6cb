package org.smscampaign.web.link;

import java.util.HashMap;
import java.util.Map;

import org.smscampaign.contact.ContactSummary;
import org.smscampaign.web.logging.PhoneNumberMask;

/**
 * How pages about other things name a contact: by name, else by the masked number (a
 * number in full belongs on the contact's own page).
 */
final class ContactLabels {

    private ContactLabels() {
    }

    static Map<Long, String> of(Map<Long, ContactSummary> contacts) {
        Map<Long, String> labels = new HashMap<>();
        contacts.forEach((id, contact) -> labels.put(id, label(contact)));
        return labels;
    }

    static String label(ContactSummary contact) {
        String name = contact.displayName();
        if (!"—".equals(name)) {
            return name;
        }
        return (contact.phoneNumber() != null) ? PhoneNumberMask.mask(contact.phoneNumber())
                : "contact " + contact.id();
    }

}

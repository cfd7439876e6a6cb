package org.smscampaign.contact;

import java.time.Instant;

/** A static list of contacts, with its size. */
public record ContactListView(long id, String name, String description, long members, Instant createdAt) {

}

package org.smscampaign.contact;

/** What a bulk write did: contacts created, updated, and left alone by policy. */
public record BatchResult(long created, long updated, long skipped) {

    public static final BatchResult NONE = new BatchResult(0, 0, 0);

    public BatchResult plus(BatchResult other) {
        return new BatchResult(this.created + other.created, this.updated + other.updated,
                this.skipped + other.skipped);
    }

}

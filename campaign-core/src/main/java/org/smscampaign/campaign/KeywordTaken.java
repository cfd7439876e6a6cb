package org.smscampaign.campaign;

import java.time.Instant;

/**
 * A reply keyword another active campaign on the same sender holds: a text with it could
 * not tell which campaign it answers.
 */
public class KeywordTaken extends CampaignProblem {

    private final String keyword;

    private final long holderId;

    private final String holderName;

    private final Instant activeUntil;

    /**
     * @param activeUntil when the holder frees it, or null while it has not finished
     * sending
     */
    public KeywordTaken(String keyword, long holderId, String holderName, Instant activeUntil, String message) {
        super(Kind.CONFLICT, message);
        this.keyword = keyword;
        this.holderId = holderId;
        this.holderName = holderName;
        this.activeUntil = activeUntil;
    }

    public String keyword() {
        return this.keyword;
    }

    public long holderId() {
        return this.holderId;
    }

    public String holderName() {
        return this.holderName;
    }

    public Instant activeUntil() {
        return this.activeUntil;
    }

}

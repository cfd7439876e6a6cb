package org.smscampaign.web.share;

/** A share link that cannot be made as asked; the message is for the person asking. */
public class ShareProblem extends RuntimeException {

    ShareProblem(String message) {
        super(message);
    }

}

package org.smscampaign.messaging;

/**
 * Which conversations of the inbox to list.
 *
 * @param needsAnswer only those waiting for an answer: an unanswered query, or flagged by
 * a person, and not done
 * @param campaignId only those with a text from or to this campaign (null: any)
 * @param assignedTo only those assigned to this user (null: anyone's)
 * @param state open (not done), done, or all
 */
public record ConversationFilter(boolean needsAnswer, Long campaignId, String assignedTo, State state) {

    /** Whether a conversation is closed until the next text arrives. */
    public enum State {

        OPEN, DONE, ALL

    }

    public ConversationFilter {
        state = (state != null) ? state : State.OPEN;
        assignedTo = (assignedTo != null && !assignedTo.isBlank()) ? assignedTo : null;
    }

}

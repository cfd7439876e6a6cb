package org.smscampaign.campaign;

/**
 * A campaign's reply keyword and the responses it received.
 *
 * @param variant the variant that declares it, or null for the whole campaign
 * @param answers whether it answers automatically
 * @param listId the list responders are added to, or null
 * @param responses texts matched to it (still responses after any correction)
 */
public record KeywordResponses(String keyword, String variant, boolean answers, Long listId, long responses) {

}

/**
 * Reply keywords: their rules and uniqueness per sender, the gateway's
 * {@link org.smscampaign.messaging.ReplyKeywords} door, and what a keyword text sets off
 * (the automatic answer, the list).
 */
package org.smscampaign.campaign.keyword;

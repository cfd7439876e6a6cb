/**
 * Where links may send people: the check of target hosts (internal addresses and names
 * refused in every spelling) behind {@link org.smscampaign.link.TargetUrls}.
 */
package org.smscampaign.link.hosts;

package org.smscampaign.web.security;

/** A new API key with its token, which is shown this once and never stored. */
public record CreatedApiKey(ApiKeyView key, String token) {

}

package org.smscampaign.web.user;

/** A user-management request that breaks a rule; the message is meant for the admin. */
public class AccountRuleViolation extends RuntimeException {

    AccountRuleViolation(String message) {
        super(message);
    }

}

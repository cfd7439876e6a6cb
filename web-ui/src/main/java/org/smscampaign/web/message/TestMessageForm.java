package org.smscampaign.web.message;

/** The form for sending one text now. */
record TestMessageForm(String to, String body, String sender) {

    static TestMessageForm empty(String sender) {
        return new TestMessageForm("", "", sender);
    }

}

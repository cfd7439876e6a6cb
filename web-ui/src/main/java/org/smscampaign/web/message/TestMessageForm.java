package org.smscampaign.web.message;

/**
 * The form for sending one message now: free text, or for a WhatsApp or RCS sender an
 * approved template (its variables' values come as {@code variable.<sid>.<name>}).
 */
record TestMessageForm(String to, String body, String sender, String template) {

    static TestMessageForm empty(String sender) {
        return new TestMessageForm("", "", sender, "");
    }

    boolean usesTemplate() {
        return this.template != null && !this.template.isBlank();
    }

}

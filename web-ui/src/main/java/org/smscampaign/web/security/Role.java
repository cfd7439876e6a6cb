package org.smscampaign.web.security;

/**
 * What a user or API key may do. ADMIN includes all other roles, MARKETER includes AGENT
 * (see the role hierarchy in {@link SecurityConfiguration}).
 */
public enum Role {

    /** Creates and sends campaigns; manages contacts, lists and segments. */
    MARKETER("Marketer", "Campaigns, contacts, lists and segments; sees dashboards"),

    /** Reads dashboards and reports; read-only everywhere else. */
    MANAGER("Manager", "Dashboards and reports; read-only elsewhere"),

    /** Everything, plus users, settings and API keys. */
    ADMIN("Admin", "Everything, plus users, settings and API keys"),

    /** Answers people in the inbox; nothing else. */
    AGENT("Agent", "The inbox only: answers people who wrote, assigns, notes, marks done");

    private final String label;

    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return this.label;
    }

    public String description() {
        return this.description;
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

}

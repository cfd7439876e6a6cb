package org.smscampaign.web.demo;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Whether the platform shows demo data, for the layout to say so
 * ({@code @demoMode.active} in templates). A bean the pages ask, not a model attribute: a
 * controller advice would add it to every request, provider webhooks included.
 */
@Component("demoMode")
public class DemoMode {

    private final boolean active;

    DemoMode(Environment environment) {
        this.active = environment.acceptsProfiles(Profiles.of("demo"));
    }

    public boolean isActive() {
        return this.active;
    }

}

package org.smscampaign.web.demo;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page whether it shows demo data, so that the layout can say so. */
@ControllerAdvice(annotations = Controller.class)
class DemoMode {

    private final boolean demo;

    DemoMode(Environment environment) {
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return this.demo;
    }

}

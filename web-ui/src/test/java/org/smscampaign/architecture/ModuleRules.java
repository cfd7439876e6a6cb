package org.smscampaign.architecture;

import java.util.List;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency direction of ARCHITECTURE.md as ArchUnit rules over a base package, so
 * that the same rules check the platform and a deliberately broken fixture.
 *
 * <pre>
 * web ──► campaign ──► link
 *  │         └───────► messaging
 *  └──► link, messaging, contact, segment
 * </pre>
 */
final class ModuleRules {

    static final List<String> CAMPAIGN_CORE = List.of("contact", "segment", "campaign", "report", "money");

    static final List<String> LEAVES = List.of("link", "messaging");

    private ModuleRules() {
    }

    static ArchRule all(String base) {
        return CompositeArchRule.of(leavesKnowNothingAboveThem(base))
            .and(campaignCoreDoesNotDependOnWeb(base))
            .and(leavesAreIndependent(base))
            .and(noCyclesBetweenModules(base))
            .and(noReachIntoInternals(base));
    }

    static ArchRule leavesKnowNothingAboveThem(String base) {
        return noClasses().that()
            .resideInAnyPackage(packages(base, LEAVES))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(packages(base, List.of("contact", "segment", "campaign", "money", "web")))
            .because("link-tracking and messaging-gateway are leaves: they know nothing of campaigns");
    }

    static ArchRule campaignCoreDoesNotDependOnWeb(String base) {
        return noClasses().that()
            .resideInAnyPackage(packages(base, CAMPAIGN_CORE))
            .should()
            .dependOnClassesThat()
            .resideInAPackage(base + ".web..")
            .because("nothing depends on the web module");
    }

    static ArchRule leavesAreIndependent(String base) {
        return CompositeArchRule.of(leafIgnores(base, "link", "messaging")).and(leafIgnores(base, "messaging", "link"));
    }

    private static ArchRule leafIgnores(String base, String leaf, String other) {
        return noClasses().that()
            .resideInAPackage(base + "." + leaf + "..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(base + "." + other + "..")
            .because("the two leaves do not know each other");
    }

    static ArchRule noCyclesBetweenModules(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles();
    }

    static ArchRule noReachIntoInternals(String base) {
        CompositeArchRule rule = null;
        for (String module : List.of("contact", "segment", "campaign", "report", "money", "link", "messaging", "web",
                "webhook")) {
            ArchRule moduleRule = noClasses().that()
                .resideOutsideOfPackage(base + "." + module + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(base + "." + module + ".*..")
                .because("a module's sub-packages are internal; other modules use its top-level package only");
            rule = (rule == null) ? CompositeArchRule.of(moduleRule) : rule.and(moduleRule);
        }
        return rule;
    }

    private static String[] packages(String base, List<String> modules) {
        return modules.stream().map((module) -> base + "." + module + "..").toArray(String[]::new);
    }

}

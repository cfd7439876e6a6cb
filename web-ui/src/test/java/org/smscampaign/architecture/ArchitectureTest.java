package org.smscampaign.architecture;

import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.smscampaign.SmsCampaignApplication;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchitectureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(SmsCampaignApplication.class,
            resideInAPackage("org.smscampaign.testsupport.."));

    private static final JavaClasses PLATFORM = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.smscampaign");

    @Test
    void theModulesAreTheDocumentedOnes() {
        Set<String> names = MODULES.stream()
            .map(ApplicationModule::getIdentifier)
            .map(Object::toString)
            .collect(Collectors.toSet());
        assertThat(names).containsExactlyInAnyOrder("contact", "segment", "campaign", "report", "money", "notice",
                "alert", "link", "messaging", "web", "webhook", "platform");
    }

    @Test
    void modulesKeepTheirBoundariesAndDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void dependenciesPointDownwardOnly() {
        assertThat(PLATFORM.size()).as("classes of all four Maven modules are imported").isGreaterThan(30);
        ModuleRules.all("org.smscampaign").check(PLATFORM);
    }

    @Test
    void aForbiddenDependencyFailsTheRules() {
        JavaClasses broken = new ClassFileImporter().importPackages("archfixture");
        assertThatThrownBy(() -> ModuleRules.leavesKnowNothingAboveThem("archfixture").check(broken))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("archfixture.link.LeakyLink");
        assertThatThrownBy(() -> ModuleRules.noReachIntoInternals("archfixture").check(broken))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("archfixture.web.NosyPage");
        assertThatThrownBy(() -> ModuleRules.noCyclesBetweenModules("archfixture").check(broken))
            .isInstanceOf(AssertionError.class);
    }

}

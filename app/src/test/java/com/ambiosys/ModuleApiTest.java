package com.ambiosys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.NamedInterface;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;

/**
 * What each module publishes: its root package and the sub-packages it names with {@code @NamedInterface}, and
 * nothing else. {@code ApplicationModules.verify()} (in {@link ModularityTests}) refuses any other use; these tests
 * say it in the words of the convention, and pin identity's API so that growing it is a deliberate change.
 */
class ModuleApiTest {

    /** Identity's published API; a new entry is a decision, written here and in identity's package-info. */
    static final Set<String> IDENTITY_API = Set.of("ActiveUsers", "DemoTenantCreated", "PermissionCatalog",
            "StaffDirectory", "SystemRole", "TenantOnboarding", "UserAccessChanged", "UserId");

    @Test
    void identityPublishesOnlyWhatOtherModulesNeed() {
        Set<String> published = ModularityTests.CLASSES.stream()
            .filter(type -> type.getPackageName().equals("com.ambiosys.identity"))
            .filter(JavaClass::isTopLevelClass)
            .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
            .map(JavaClass::getSimpleName)
            .collect(Collectors.toSet());
        assertThat(published).containsExactlyInAnyOrderElementsOf(IDENTITY_API);
    }

    @Test
    void identityNamesNoSubPackageAsApi() {
        ApplicationModule identity = ModularityTests.MODULES.getModuleByName("identity").orElseThrow();
        assertThat(identity.getNamedInterfaces().stream().flatMap(NamedInterface::asJavaClasses))
            .as("identity's API is its root package: internal and web stay inside")
            .isNotEmpty()
            .allSatisfy(type -> assertThat(type.getPackageName()).isEqualTo("com.ambiosys.identity"));
    }

    @Test
    void modulesUseEachOtherOnlyThroughTheirPublishedApi() {
        List<ApplicationModuleDependency> dependencies = ModularityTests.MODULES.stream()
            .flatMap(module -> module.getDirectDependencies(ModularityTests.MODULES).stream())
            .toList();
        assertThat(dependencies).as("modules use one another").isNotEmpty();
        assertThat(dependencies)
            .filteredOn(dependency -> dependency.getTargetModule().getNamedInterfaces().stream()
                .noneMatch(api -> api.contains(dependency.getTargetType())))
            .extracting(dependency -> dependency.getSourceType().getName() + " -> " + dependency.getTargetType().getName())
            .as("uses of a type outside its module's root package and named interfaces")
            .isEmpty();
    }
}

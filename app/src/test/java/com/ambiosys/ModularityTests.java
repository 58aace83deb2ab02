package com.ambiosys;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.platform.security.PublicEndpoint;
import com.ambiosys.platform.security.RequiresPermission;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** Module boundaries, and the conventions every module keeps. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(AmbiosysApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("com.ambiosys");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * Every module but the open shared kernel names the modules it may use, so that {@code verify()} refuses any
     * other dependency (a new module copies its neighbours' package-info).
     */
    @Test
    void everyModuleDeclaresTheModulesItMayUse() {
        MODULES.forEach(module -> {
            if (module.getBasePackage().getName().equals("com.ambiosys.platform")) {
                return;
            }
            org.springframework.modulith.ApplicationModule declared = packageInfo(module.getBasePackage().getName());
            org.assertj.core.api.Assertions.assertThat(declared).as(module.getDisplayName() + "'s package-info").isNotNull();
            org.assertj.core.api.Assertions.assertThat(declared.allowedDependencies())
                .as(module.getDisplayName() + " declares its allowed dependencies")
                .isNotEmpty()
                .doesNotContain("*")
                .contains("platform");
        });
    }

    private static org.springframework.modulith.ApplicationModule packageInfo(String pkg) {
        try {
            return Class.forName(pkg + ".package-info").getAnnotation(org.springframework.modulith.ApplicationModule.class);
        }
        catch (ClassNotFoundException e) {
            return null;
        }
    }

    @Test
    void everyEndpointDeclaresExactlyOnePermissionOrIsPublic() {
        ArchCondition<JavaMethod> declaresAccess = new ArchCondition<>("declare @RequiresPermission or @PublicEndpoint") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean permission = method.isAnnotatedWith(RequiresPermission.class);
                boolean open = method.isAnnotatedWith(PublicEndpoint.class)
                        || method.getOwner().isAnnotatedWith(PublicEndpoint.class);
                if (permission == open) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + (permission ? " is both public and permissioned" : " declares no permission")));
                }
            }
        };
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .and().areAnnotatedWith(GetMapping.class).or().areAnnotatedWith(PostMapping.class)
            .or().areAnnotatedWith(PutMapping.class).or().areAnnotatedWith(DeleteMapping.class)
            .or().areAnnotatedWith(PatchMapping.class)
            .should(declaresAccess)
            .check(CLASSES);
    }

    @Test
    void noPackageByLayerAndNoSetterDrivenEntities() {
        noClasses().should().resideInAnyPackage("com.ambiosys.controller..", "com.ambiosys.service..",
                "com.ambiosys.repository..", "com.ambiosys.util..", "com.ambiosys.common..")
            .check(CLASSES);
    }

    @Test
    void writesModuleDocumentation() {
        // Surefire runs in app/target: the diagrams land in app/target/spring-modulith-docs
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("spring-modulith-docs"))
            .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        java.nio.file.Path docs = java.nio.file.Path.of("spring-modulith-docs");
        org.assertj.core.api.Assertions.assertThat(docs.resolve("components.puml")).exists();
        org.assertj.core.api.Assertions.assertThat(docs.resolve("module-identity.puml")).content().contains("Tenants");
    }
}

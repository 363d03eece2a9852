package org.threshold.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.threshold.core.fixture.ReadsAFile;
import org.threshold.kiosk.fixture.ReachesPastItsModules;

/**
 * The module rules of docs/architecture.md, on the main classes of every module. Tests may cross modules (a
 * kiosk test starts a real hub), so they are not imported. The hub's inner layers (web, app, store) have their
 * own rule test in the hub.
 */
class ModuleRulesTest {
    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.threshold");

    /** Dependencies point one way: kiosk → core, hardware; hardware → core; hub → core; provisioning → core, hub. */
    static final ArchRule DEPENDENCIES_POINT_ONE_WAY = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            // everyModuleIsImported guards against an empty import; optional layers let a fixture be checked.
            .withOptionalLayers(true)
            .layer("core").definedBy("org.threshold.core..")
            .layer("hardware").definedBy("org.threshold.hardware..")
            .layer("kiosk").definedBy("org.threshold.kiosk..")
            .layer("hub").definedBy("org.threshold.hub..")
            .layer("provisioning").definedBy("org.threshold.provisioning..")
            .whereLayer("core").mayNotAccessAnyLayer()
            .whereLayer("hardware").mayOnlyAccessLayers("core")
            .whereLayer("kiosk").mayOnlyAccessLayers("core", "hardware")
            .whereLayer("hub").mayOnlyAccessLayers("core")
            .whereLayer("provisioning").mayOnlyAccessLayers("core", "hub");

    /**
     * {@code core} performs no I/O: no files, sockets, databases or servers. Streams over byte arrays and
     * classpath resources (the bundled catalogue) are not I/O in this sense; {@code java.net.URI} (and its
     * {@code URISyntaxException}) is a parsed address, not a connection.
     */
    static final ArchRule CORE_DOES_NO_IO = noClasses().that().resideInAPackage("org.threshold.core..")
            .should().dependOnClassesThat().haveNameMatching("java\\.io\\.(File.*|RandomAccessFile)")
            .orShould().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.nio.channels..",
                    "java.sql..", "javax.sql..", "org.sqlite..", "org.eclipse.jetty..", "io.javalin..",
                    "jakarta.servlet..", "com.fazecast..", "com.pi4j..")
            .orShould().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "are in java.net (except URI parsing)", type -> type.getPackageName().startsWith("java.net")
                            && !type.getName().equals("java.net.URI")
                            && !type.getName().equals("java.net.URISyntaxException")))
            .orShould().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
            .because("the domain in core is shared by kiosk and hub and does no I/O (docs/architecture.md)");

    /** Hardware is reached only through the interfaces in {@code hardware}: nothing else imports Pi4J. */
    static final ArchRule ONLY_HARDWARE_IMPORTS_PI4J = noClasses().that().resideOutsideOfPackage("org.threshold.hardware..")
            .should().dependOnClassesThat().resideInAPackage("com.pi4j..")
            .because("the kiosk reaches devices only through the interfaces in hardware (docs/architecture.md)");

    /** Provisioning uses the hub's application services, never its SQL, its store or its files. */
    static final ArchRule PROVISIONING_USES_HUB_SERVICES_ONLY = noClasses()
            .that().resideInAPackage("org.threshold.provisioning..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..",
                    "org.jdbi..", "org.flywaydb..", "com.zaxxer.hikari..", "org.threshold.hub.store..")
            .because("provisioning reaches hub state only through the hub's application services, the calls its "
                    + "admin API and pages make (docs/architecture.md)");

    @Test
    void everyModuleIsImported() {
        for (String module : new String[] {"core", "hardware", "kiosk", "hub", "provisioning"}) {
            assertThat(MAIN_CLASSES.containPackage("org.threshold." + module)).as(module).isTrue();
        }
    }

    @Test
    void dependenciesPointOneWay() {
        DEPENDENCIES_POINT_ONE_WAY.check(MAIN_CLASSES);
    }

    @Test
    void coreDoesNoIo() {
        CORE_DOES_NO_IO.check(MAIN_CLASSES);
    }

    @Test
    void onlyHardwareImportsPi4j() {
        ONLY_HARDWARE_IMPORTS_PI4J.check(MAIN_CLASSES);
    }

    @Test
    void provisioningReachesHubStateOnlyThroughItsServices() {
        PROVISIONING_USES_HUB_SERVICES_ONLY.check(MAIN_CLASSES);
    }

    /** The rules can fail: each one catches a class that breaks it (test fixtures, outside the main classes). */
    @Test
    void theRulesCatchBreaches() {
        JavaClasses breaches = new ClassFileImporter().importClasses(ReadsAFile.class, ReachesPastItsModules.class);

        assertThatThrownBy(() -> CORE_DOES_NO_IO.check(breaches)).hasMessageContaining(ReadsAFile.class.getName())
                .hasMessageContaining("java.nio.file.Files");
        assertThatThrownBy(() -> ONLY_HARDWARE_IMPORTS_PI4J.check(breaches))
                .hasMessageContaining(ReachesPastItsModules.class.getName()).hasMessageContaining("com.pi4j");
        JavaClasses kioskCallingHub = new ClassFileImporter().importClasses(ReachesPastItsModules.class,
                org.threshold.hub.HubServer.class);
        assertThatThrownBy(() -> DEPENDENCIES_POINT_ONE_WAY.check(kioskCallingHub))
                .hasMessageContaining(ReachesPastItsModules.class.getName())
                .hasMessageContaining(org.threshold.hub.HubServer.class.getName());
    }
}

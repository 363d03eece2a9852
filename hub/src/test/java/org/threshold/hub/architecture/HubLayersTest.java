package org.threshold.hub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hub's three layers as ARCHITECTURE.md draws them: web → app ← store. SQL and JDBC live in the store alone;
 * the use cases know nothing of HTTP, so they throw domain refusals, which the web layer maps in one place.
 */
class HubLayersTest {
    private static JavaClasses hub;

    @BeforeAll
    static void importHub() {
        hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.threshold.hub");
    }

    @Test
    void layersPointDownOnlyAndTheStoreImplementsTheApplicationsInterfaces() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("web").definedBy("org.threshold.hub.web..")
                .layer("app").definedBy("org.threshold.hub.app..")
                .layer("store").definedBy("org.threshold.hub.store..")
                .layer("keys").definedBy("org.threshold.hub.deployment..")
                .layer("composition").definedBy("org.threshold.hub")
                .whereLayer("web").mayOnlyBeAccessedByLayers("composition")
                .whereLayer("store").mayOnlyBeAccessedByLayers("composition")
                .whereLayer("app").mayOnlyBeAccessedByLayers("web", "store", "keys", "composition")
                .whereLayer("keys").mayOnlyBeAccessedByLayers("web", "app", "composition")
                .check(hub);
    }

    @Test
    void onlyTheStoreTouchesJdbcSqlOrTheDatabaseLibraries() {
        noClasses().that().resideOutsideOfPackage("org.threshold.hub.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jdbi..",
                        "org.flywaydb..", "com.zaxxer..", "org.sqlite..", "org.postgresql..")
                .because("no java.sql type, SQL or database library outside the hub's store")
                .check(hub);
    }

    @Test
    void theUseCasesKnowNothingOfHttp() {
        noClasses().that().resideInAPackage("org.threshold.hub.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..",
                        "org.eclipse.jetty..", "org.threshold.hub.web..")
                .because("services throw domain exceptions; the web layer alone maps them to HTTP")
                .check(hub);
    }
}

package dev.planc.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The runtime works on the compiler's plan and schedule model, never on the parse tree. */
class RuntimeArchitectureTest {
    private final JavaClasses runtime = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.planc.runtime");

    @Test
    void noParseTreeAstOrSyntax() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.planc.grammar..", "org.antlr..",
                "dev.planc.compiler.ast..", "dev.planc.compiler.syntax..", "dev.planc.compiler.format..")
                .check(runtime);
    }

    @Test
    void theJournalKnowsNothingOfStatus() {
        noClasses().that().resideInAPackage("dev.planc.runtime.journal..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.planc.runtime.status..", "dev.planc.runtime.log..", "dev.planc.compiler..")
                .check(runtime);
    }

    @Test
    void nothingReadsTheClockOrPrints() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().accessField(System.class, "out")
                .check(runtime);
    }

    @Test
    void httpStaysInTheServer() {
        noClasses().that().resideOutsideOfPackage("dev.planc.runtime.server..").should().dependOnClassesThat()
                .resideInAnyPackage("com.sun.net.httpserver..", "java.net.http..")
                .check(runtime);
    }

    @Test
    void jdbcStaysInTheStores() {
        noClasses().that().resideOutsideOfPackage("dev.planc.runtime.store..").should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "org.postgresql..")
                .check(runtime);
    }

    @Test
    void theServerIsAnAdapterOverTheRuntime() {
        noClasses().that().resideOutsideOfPackage("dev.planc.runtime.server..").should().dependOnClassesThat()
                .resideInAPackage("dev.planc.runtime.server..")
                .check(runtime);
    }
}

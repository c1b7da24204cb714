package dev.planc.compiler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of the house from docs/architecture.md, held by ArchUnit. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.planc.compiler");
    }

    @Test
    void antlrStaysInTheSyntaxPackage() {
        noClasses().that().resideOutsideOfPackage("dev.planc.compiler.syntax..")
                .should().dependOnClassesThat().resideInAnyPackage("org.antlr..", "dev.planc.grammar..")
                .check(classes);
    }

    @Test
    void theModelKnowsNothingOfSyntaxOrJson() {
        noClasses().that().resideInAPackage("dev.planc.compiler.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.planc.compiler.ast..",
                        "dev.planc.compiler.syntax..", "com.fasterxml..", "org.antlr..")
                .check(classes);
    }

    @Test
    void jsonAndYamlOnlyInRenderersAndWriters() {
        noClasses().that().resideOutsideOfPackages("dev.planc.compiler.diag..", "dev.planc.compiler.output..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "org.yaml..")
                .check(classes);
    }

    @Test
    void theSchedulerWorksOnTheModelOnly() {
        noClasses().that().resideInAPackage("dev.planc.compiler.schedule..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.planc.compiler.ast..",
                        "dev.planc.compiler.syntax..", "dev.planc.compiler.resolve..", "dev.planc.compiler.output..")
                .check(classes);
    }

    @Test
    void theAstDoesNotDependOnLaterStages() {
        noClasses().that().resideInAPackage("dev.planc.compiler.ast..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.planc.compiler.resolve..",
                        "dev.planc.compiler.model..", "dev.planc.compiler.validate..", "dev.planc.compiler.syntax..")
                .check(classes);
    }

    @Test
    void nothingPrintsExitsOrReadsTheClock() {
        noClasses().should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.Instant.class, "now")
                .check(classes);
    }
}

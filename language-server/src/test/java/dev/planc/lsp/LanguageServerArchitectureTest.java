package dev.planc.lsp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server is an adapter: protocol out only, and no parser of its own. */
class LanguageServerArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.planc.lsp");
    }

    @Test
    void nothingWritesToStandardOutputOrExits() {
        // stdout is the protocol stream of `planc lsp`; logs go to the stream the server is given
        noClasses().should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(System.class, "exit", int.class)
                .check(classes);
    }

    @Test
    void tokensAndTreesComeFromTheCompiler() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.antlr..", "dev.planc.grammar..")
                .check(classes);
    }
}

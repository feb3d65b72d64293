package dev.onmodel.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** app's own rules: the CLI stays headless, packages form no cycles. */
@AnalyzeClasses(packages = "dev.onmodel.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppLayerRulesTest {

    @ArchTest
    static final ArchRule cliNeverTouchesJavaFx = noClasses().that().resideInAPackage("dev.onmodel.app.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.onmodel.app.ui..")
            .because("headless commands must run on a server with no display; the window is loaded by name");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.onmodel.app.(*)..").should().beFreeOfCycles();
}

package dev.onmodel.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layer rules of docs/architecture.md, enforced on core's production classes. */
@AnalyzeClasses(packages = "dev.onmodel.core", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule coreIsHeadless = noClasses().that().resideInAPackage("dev.onmodel.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "javax.swing..", "java.awt.event..",
                    "java.awt.peer..")
            .because("core runs headless in the CLI and CI; only app may use a GUI toolkit");

    @ArchTest
    static final ArchRule coreNeverReachesIntoApp = noClasses().that().resideInAPackage("dev.onmodel.core..")
            .should().dependOnClassesThat().resideInAPackage("dev.onmodel.app..")
            .because("app depends on core, never the reverse");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.onmodel.core.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule timeAndModelAreFoundations = noClasses().that()
            .resideInAnyPackage("dev.onmodel.core.time..", "dev.onmodel.core.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.onmodel.core.store..", "dev.onmodel.core.consistency..",
                    "dev.onmodel.core.editorial..", "dev.onmodel.core.media..", "dev.onmodel.core.project..",
                    "dev.onmodel.core.sample..")
            .because("time and model are the vocabulary every other package speaks");

    @ArchTest
    static final ArchRule workflowIsTheTopOfCore = noClasses().that().resideInAPackage("dev.onmodel.core..")
            .and().resideOutsideOfPackage("dev.onmodel.core.workflow..")
            .should().dependOnClassesThat().resideInAPackage("dev.onmodel.core.workflow..")
            .because("workflow wires store, consistency and editorial together; only the app builds on it");
}

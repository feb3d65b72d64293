package dev.onmodel.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The workstation's MVVM and seam rules. */
@AnalyzeClasses(packages = "dev.onmodel.app", importOptions = ImportOption.DoNotIncludeTests.class)
class WorkstationLayerRulesTest {

    @ArchTest
    static final ArchRule sessionIsPlainJava = noClasses().that().resideInAPackage("dev.onmodel.app.session..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.onmodel.app.ui..")
            .because("the review session is the seam to the store and the engine; it must work without a toolkit");

    @ArchTest
    static final ArchRule viewModelsNeverTouchTheSceneGraph = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("ViewModels are tested without a Stage (JabRef's MVVM rule)");

    @ArchTest
    static final ArchRule screensReachRecordedStateOnlyThroughTheSession = noClasses()
            .that().resideInAPackage("dev.onmodel.app.ui.review..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.onmodel.core.store..",
                    "dev.onmodel.core.consistency..", "java.sql..")
            .because("the review screen reads and writes recorded state only through ReviewSession");
}

package dev.serialtrace.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module cut of DEVELOPERS.md, enforced: core ← db ← reports ← {desktop, cli}, no package
 * cycles, and view models that never touch controls.
 */
@AnalyzeClasses(packages = "dev.serialtrace", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreUsesNothingButTheJdk = classes().that().resideInAPackage("dev.serialtrace.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.serialtrace.core..", "java..");

    @ArchTest
    static final ArchRule dbDependsOnlyOnCore = noClasses().that().resideInAPackage("dev.serialtrace.db..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.serialtrace.reports..", "dev.serialtrace.desktop..", "dev.serialtrace.cli..");

    @ArchTest
    static final ArchRule reportsDependOnlyOnDbAndCore = noClasses().that().resideInAPackage("dev.serialtrace.reports..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.serialtrace.desktop..", "dev.serialtrace.cli..");

    @ArchTest
    static final ArchRule desktopAndCliAreIndependent = noClasses().that().resideInAPackage("dev.serialtrace.desktop..")
            .should().dependOnClassesThat().resideInAPackage("dev.serialtrace.cli..");

    @ArchTest
    static final ArchRule cliHasNoUserInterface = noClasses().that().resideInAPackage("dev.serialtrace.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.serialtrace.desktop..", "javafx..");

    @ArchTest
    static final ArchRule nothingBelowTheDesktopUsesJavaFx = noClasses()
            .that().resideInAnyPackage("dev.serialtrace.core..", "dev.serialtrace.db..", "dev.serialtrace.reports..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule viewModelsNeverTouchControls = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..");

    /** Generated jOOQ code references itself both ways by design; everything we write may not. */
    @ArchTest
    static void noPackageCycles(JavaClasses classes) {
        slices().matching("dev.serialtrace.(**)")
                .should().beFreeOfCycles()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.serialtrace.db.jooq.."))
                .check(classes.that(com.tngtech.archunit.core.domain.JavaClass.Predicates
                        .resideOutsideOfPackage("dev.serialtrace.db.jooq..")));
    }
}

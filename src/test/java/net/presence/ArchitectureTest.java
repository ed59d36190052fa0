package net.presence;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house is one-way: every import between the service's packages points down the stack
 * values, problems, platform, security, sessions, then the features (presence, calendar) and
 * operations, and
 * inside a component from boundary to control to entity. README.md draws the same picture.
 */
@AnalyzeClasses(packages = "net.presence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule componentsPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("values").definedBy("net.presence.values..")
            .layer("problems").definedBy("net.presence.problems..")
            .layer("platform").definedBy("net.presence.platform..")
            .layer("security").definedBy("net.presence.security..")
            .layer("sessions").definedBy("net.presence.sessions..")
            .layer("presence").definedBy("net.presence.presence..")
            .layer("calendar").definedBy("net.presence.calendar..")
            .layer("operations").definedBy("net.presence.operations..")
            .whereLayer("values").mayNotAccessAnyLayer()
            .whereLayer("problems").mayOnlyAccessLayers("values")
            .whereLayer("platform").mayOnlyAccessLayers("problems", "values")
            .whereLayer("security").mayOnlyAccessLayers("platform", "problems", "values")
            .whereLayer("sessions").mayOnlyAccessLayers("security", "platform", "problems", "values")
            .whereLayer("presence").mayOnlyAccessLayers("sessions", "security", "platform", "problems", "values")
            .whereLayer("calendar").mayOnlyAccessLayers("sessions", "security", "platform", "problems", "values")
            .whereLayer("operations").mayOnlyAccessLayers("presence", "sessions", "security", "platform", "problems", "values");

    @ArchTest
    static final ArchRule entitiesKnowNoLogic = noClasses().that().resideInAPackage("..entity..")
            .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..");

    @ArchTest
    static final ArchRule rulesKnowNoProtocol = noClasses().that().resideInAPackage("..control..")
            .should().dependOnClassesThat().resideInAPackage("..boundary..");

    @ArchTest
    static final ArchRule noCycles = slices().matching("net.presence.(**)").should().beFreeOfCycles();
}

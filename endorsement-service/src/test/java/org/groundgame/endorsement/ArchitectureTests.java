package org.groundgame.endorsement;

import org.groundgame.test.architecture.ServiceArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shape of the service: a domain that knows no framework, and events that leave only
 * through the outbox.
 */
@AnalyzeClasses(packages = "org.groundgame.endorsement", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/** The shape every service keeps; the rules below add this service\'s own. */
	@ArchTest
	static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);

	@ArchTest
	static final ArchRule domainKnowsNoFramework = noClasses().that()
		.resideInAPackage("..domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
				"tools.jackson..", "com.fasterxml..", "jakarta..");

	@ArchTest
	static final ArchRule domainDependsOnlyOnTheJdkTheEventContractsAndTheDomainExceptions = classes().that()
		.resideInAPackage("..domain..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "..domain..", "org.groundgame.events..", "org.groundgame.support.domain..",
				"org.groundgame.support.geography..");

	@ArchTest
	static final ArchRule eventsAreNeverPublishedDirectly = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "org.springframework.cloud.stream..")
		.because("events are written to the aggregate's outbox and published by the relay");

	@ArchTest
	static final ArchRule webAdaptersGoThroughTheApplicationService = noClasses().that()
		.areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
		.should()
		.dependOnClassesThat()
		.areAssignableTo(org.springframework.data.repository.Repository.class);

}

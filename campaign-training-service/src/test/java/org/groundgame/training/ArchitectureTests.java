package org.groundgame.training;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.repository.Repository;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the shape the service is built in: a domain that knows no framework, thin
 * adapters around it, events only through the outbox.
 */
@AnalyzeClasses(packages = "org.groundgame.training", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * The adapters: Spring components (application services, controllers, configuration),
	 * stored documents, repositories and the web's request and response bodies.
	 * Everything else in a feature package is its domain.
	 */
	private static final DescribedPredicate<JavaClass> ADAPTERS = DescribedPredicate
		.<JavaClass>or(annotatedWith(SpringBootApplication.class), metaAnnotatedWith(Component.class),
				annotatedWith(Document.class), assignableTo(Repository.class), simpleNameEndingWith("Request"),
				simpleNameEndingWith("Response"))
		.as("adapters");

	// The static and(…) rather than chained calls: a chained or(…) that does not fit the
	// instance method compiles to the static one and silently drops its receiver.
	private static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate
		.<JavaClass>and(resideInAPackage("org.groundgame.training.."), not(ADAPTERS), not(enclosedIn(ADAPTERS)))
		.as("domain classes");

	@ArchTest
	static final ArchRule domainKnowsNoFramework = noClasses().that(DOMAIN)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
				"tools.jackson..", "com.fasterxml..")
		.because("the rules of the domain are plain Java, testable without Spring, a store or a broker");

	@ArchTest
	static final ArchRule domainDependsOnNoAdapter = noClasses().that(DOMAIN)
		.should()
		.dependOnClassesThat(ADAPTERS)
		.because("adapters depend on the domain, never the other way round");

	@ArchTest
	static final ArchRule onlyApplicationServicesUseTheStore = classes().that()
		.areAssignableTo(Repository.class)
		.should()
		.onlyBeAccessed()
		.byClassesThat()
		.areAnnotatedWith(Service.class)
		.because("a controller hands each request to one application-service call");

	@ArchTest
	static final ArchRule controllersSeeNoDocuments = noClasses().that()
		.areAnnotatedWith(RestController.class)
		.should()
		.dependOnClassesThat()
		.areAnnotatedWith(Document.class)
		.because("requests and responses are records of their own, so no client sets what it should not");

	@ArchTest
	static final ArchRule eventsLeaveOnlyThroughTheOutbox = noClasses().should()
		.dependOnClassesThat()
		.areAssignableTo(StreamBridge.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(KafkaTemplate.class)
		.orShould()
		.dependOnClassesThat()
		.resideInAPackage("org.apache.kafka..")
		.because("state and event are written together and the relay publishes them");

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = slices().matching("org.groundgame.training.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule noFieldInjection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

	private static DescribedPredicate<JavaClass> enclosedIn(DescribedPredicate<JavaClass> outer) {
		return DescribedPredicate.describe("enclosed in " + outer.getDescription(),
				(javaClass) -> javaClass.getEnclosingClass().map(outer::test).orElse(false));
	}

}

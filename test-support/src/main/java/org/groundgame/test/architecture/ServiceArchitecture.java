package org.groundgame.test.architecture;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

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
 * The shape every service is built in: a domain that knows no framework, thin adapters
 * around it, events only through the outbox. A service's tests include them all:
 *
 * <pre class="code">
 * &#64;AnalyzeClasses(packages = "org.groundgame.volunteer", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTests {
 *
 *     &#64;ArchTest
 *     static final ArchTests rules = ArchTests.in(ServiceArchitecture.class);
 *
 * }
 * </pre>
 */
public final class ServiceArchitecture {

	/**
	 * The adapters: Spring components (application services, controllers, configuration),
	 * the settings bound from configuration, stored documents, repositories and the web's
	 * request and response bodies. Everything else in a feature package is its domain.
	 */
	private static final DescribedPredicate<JavaClass> ADAPTERS = DescribedPredicate
		.<JavaClass>or(annotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication"),
				metaAnnotatedWith("org.springframework.stereotype.Component"),
				annotatedWith("org.springframework.data.mongodb.core.mapping.Document"),
				annotatedWith("org.springframework.boot.context.properties.ConfigurationProperties"),
				assignableTo("org.springframework.data.repository.Repository"), simpleNameEndingWith("Request"),
				simpleNameEndingWith("Response"))
		.as("adapters");

	// The static and(…) rather than chained calls: a chained or(…) that does not fit the
	// instance method compiles to the static one and silently drops its receiver.
	private static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate
		.<JavaClass>and(resideInAPackage("org.groundgame.."), not(ADAPTERS), not(enclosedIn(ADAPTERS)))
		.as("domain classes");

	@ArchTest
	public static final ArchRule domainKnowsNoFramework = noClasses().that(DOMAIN)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
				"tools.jackson..", "com.fasterxml..")
		.because("the rules of the domain are plain Java, testable without Spring, a store or a broker");

	@ArchTest
	public static final ArchRule domainDependsOnNoAdapter = noClasses().that(DOMAIN)
		.should()
		.dependOnClassesThat(ADAPTERS)
		.because("adapters depend on the domain, never the other way round");

	@ArchTest
	public static final ArchRule controllersDoNotUseTheStore = noClasses().that()
		.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
		.should()
		.dependOnClassesThat()
		.areAssignableTo("org.springframework.data.repository.Repository")
		.because("a controller hands each request to one application-service call");

	@ArchTest
	public static final ArchRule controllersSeeNoDocuments = noClasses().that()
		.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
		.should()
		.dependOnClassesThat()
		.areAnnotatedWith("org.springframework.data.mongodb.core.mapping.Document")
		.because("requests and responses are records of their own, so no client sets what it should not");

	@ArchTest
	public static final ArchRule eventsLeaveOnlyThroughTheOutbox = noClasses().should()
		.dependOnClassesThat()
		.areAssignableTo("org.springframework.cloud.stream.function.StreamBridge")
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo("org.springframework.kafka.core.KafkaTemplate")
		.orShould()
		.dependOnClassesThat()
		.resideInAPackage("org.apache.kafka..")
		.because("state and event are written together and the relay publishes them");

	@ArchTest
	public static final ArchRule featuresAreFreeOfCycles = slices().matching("org.groundgame.*.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	public static final ArchRule noFieldInjection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

	/**
	 * The store's API: the template, queries and updates, the driver, and Spring Data
	 * repositories.
	 */
	private static final DescribedPredicate<JavaClass> STORE_API = DescribedPredicate
		.<JavaClass>or(resideInAPackage("org.springframework.data.mongodb.core"),
				resideInAPackage("org.springframework.data.mongodb.core.query"),
				resideInAPackage("org.springframework.data.mongodb.core.aggregation"),
				resideInAPackage("org.springframework.data.mongodb.core.index"),
				resideInAPackage("org.springframework.data.mongodb.repository"),
				resideInAPackage("com.mongodb.client.."),
				assignableTo("org.springframework.data.repository.Repository"))
		.as("the store's API (MongoTemplate, queries, updates, the driver, repositories)");

	/**
	 * A store: the persistence adapter of one aggregate or read model, the only class
	 * that knows its collection and its queries; and the Spring Data repository a store
	 * may use.
	 */
	private static final DescribedPredicate<JavaClass> STORES = DescribedPredicate
		.<JavaClass>or(simpleNameEndingWith("Store"), assignableTo("org.springframework.data.repository.Repository"))
		.as("stores");

	@ArchTest
	public static final ArchRule onlyStoresTouchTheStore = noClasses().that(not(STORES))
		.and(not(enclosedIn(STORES)))
		.should()
		.dependOnClassesThat(STORE_API)
		.because("one store per aggregate or read model knows its collection and its queries; "
				+ "application services say what to change, the store how");

	@ArchTest
	public static final ArchRule noWholeDocumentSaves = noClasses().should()
		.callMethodWhere(DescribedPredicate.describe("a whole-document save", (JavaMethodCall call) -> {
			String name = call.getTarget().getName();
			JavaClass owner = call.getTarget().getOwner();
			return (name.equals("save") || name.equals("saveAll"))
					&& (owner.isAssignableTo("org.springframework.data.mongodb.core.MongoOperations")
							|| owner.isAssignableTo("org.springframework.data.repository.CrudRepository")
							|| owner.isAssignableTo("org.springframework.data.repository.ListCrudRepository"));
		}))
		.because("a document saved whole from an earlier read puts back the events the relay published "
				+ "meanwhile: insert once, then change it by a version-checked targeted update (OutboxUpdates), "
				+ "or upsert a read model by its key");

	/** The services' and the gateway's and web's own root packages. */
	private static final List<String> SERVICES = List.of("endorsement", "volunteer", "training", "notification",
			"identity", "gateway", "web");

	@ArchTest
	public static final ArchRule noServiceImportsAnother = noClasses()
		.should(new ArchCondition<JavaClass>("depend on another service's classes") {
			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				String own = service(javaClass.getPackageName());
				for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
					String other = service(dependency.getTargetClass().getPackageName());
					if (other != null && !other.equals(own)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		})
		.because("services share only the event contracts and service-support; each is deployed on its own");

	private ServiceArchitecture() {
	}

	private static String service(String packageName) {
		if (!packageName.startsWith("org.groundgame.")) {
			return null;
		}
		String rest = packageName.substring("org.groundgame.".length());
		int dot = rest.indexOf('.');
		String root = (dot < 0) ? rest : rest.substring(0, dot);
		return SERVICES.contains(root) ? root : null;
	}

	private static DescribedPredicate<JavaClass> enclosedIn(DescribedPredicate<JavaClass> outer) {
		return DescribedPredicate.describe("enclosed in " + outer.getDescription(),
				(javaClass) -> javaClass.getEnclosingClass().map(outer::test).orElse(false));
	}

}

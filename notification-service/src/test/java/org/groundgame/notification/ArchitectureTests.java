package org.groundgame.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.groundgame.test.architecture.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shape every service keeps (see {@link ServiceArchitecture}), and this service's
 * own.
 */
@AnalyzeClasses(packages = "org.groundgame.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);

	@ArchTest
	static final ArchRule domainPackagesKnowNoFramework = noClasses().that()
		.resideInAnyPackage("..domain..", "..notification.rule..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
				"tools.jackson..", "com.fasterxml..")
		.because("the rules of the domain are plain Java, testable without any framework");

	@ArchTest
	static final ArchRule domainDependsOnlyOnTheJdkTheEventsAndOtherDomains = classes().that()
		.resideInAnyPackage("..domain..", "..notification.rule..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "org.groundgame.events..", "..domain..", "..notification.rule..",
				"org.groundgame.support.geography..")
		.because("the domain (and the notification rules, a domain of their own) must not reach into adapters "
				+ "(documents, controllers, consumers); the platform's list of US states is plain Java too");

	@ArchTest
	static final ArchRule rulesDependOnNoChannel = noClasses().that()
		.resideInAPackage("..notification.rule..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..notification.inbox..", "..notification.delivery..", "..notification.email..",
				"..notification.webhook..")
		.because("a rule says who hears of an event and what they are told; each channel acts on the rules");

	@ArchTest
	static final ArchRule theInboxDoesNotDependOnDeliveries = noClasses().that()
		.resideInAPackage("..notification.inbox..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..notification.delivery..")
		.because("the inbox and the deliveries (e-mail, webhooks) both depend on the rules, not on each other");

	@ArchTest
	static final ArchRule deliveriesDoNotDependOnTheInbox = noClasses().that()
		.resideInAPackage("..notification.delivery..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..notification.inbox..")
		.because("the inbox and the deliveries (e-mail, webhooks) both depend on the rules, not on each other");

	@ArchTest
	static final ArchRule chaptersDoNotDependOnTheInbox = noClasses().that()
		.resideInAPackage("..notification.chapter..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..notification.inbox..")
		.because("the inbox targets chapters, not the other way round");

	@ArchTest
	static final ArchRule subscriptionsDoNotDependOnTheInbox = noClasses().that()
		.resideInAPackage("..notification.subscription..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..notification.inbox..")
		.because("subscriptions drive the inbox (and the channels to come), not the other way round");

}

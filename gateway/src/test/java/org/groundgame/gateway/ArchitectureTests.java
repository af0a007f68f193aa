package org.groundgame.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.groundgame.test.architecture.ServiceArchitecture;

/**
 * The rules of {@link ServiceArchitecture} that fit the gateway, now that it has a store
 * of its own (the rate limits' buckets). Not the domain's two rules: the gateway has no
 * domain, and every class of it is an adapter of the web or of Spring Security (filters,
 * routes, decoders), which those rules would take for domain classes.
 */
@AnalyzeClasses(packages = "org.groundgame.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule onlyStoresTouchTheStore = ServiceArchitecture.onlyStoresTouchTheStore;

	@ArchTest
	static final ArchRule noWholeDocumentSaves = ServiceArchitecture.noWholeDocumentSaves;

	@ArchTest
	static final ArchRule controllersDoNotUseTheStore = ServiceArchitecture.controllersDoNotUseTheStore;

	@ArchTest
	static final ArchRule controllersSeeNoDocuments = ServiceArchitecture.controllersSeeNoDocuments;

	@ArchTest
	static final ArchRule eventsLeaveOnlyThroughTheOutbox = ServiceArchitecture.eventsLeaveOnlyThroughTheOutbox;

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = ServiceArchitecture.featuresAreFreeOfCycles;

	@ArchTest
	static final ArchRule noFieldInjection = ServiceArchitecture.noFieldInjection;

	@ArchTest
	static final ArchRule noServiceImportsAnother = ServiceArchitecture.noServiceImportsAnother;

}

package org.groundgame.volunteer;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.groundgame.test.architecture.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/** The shape every service keeps (see {@link ServiceArchitecture}). */
@AnalyzeClasses(packages = "org.groundgame.volunteer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);

	@ArchTest
	static final ArchRule requestsCarryNothingTheServerChooses = noFields().that()
		.areDeclaredInClassesThat()
		.haveSimpleNameEndingWith("Request")
		.should()
		.haveNameMatching("id|status|registeredAt")
		.because("ids, statuses and times are the server's to set, never a client's");

}

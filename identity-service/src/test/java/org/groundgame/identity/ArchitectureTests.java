package org.groundgame.identity;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.groundgame.test.architecture.ServiceArchitecture;

/** The shape every service keeps (see {@link ServiceArchitecture}). */
@AnalyzeClasses(packages = "org.groundgame.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);

}

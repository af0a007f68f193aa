package org.groundgame.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartupBenchmarkTests {

	@Test
	void withoutOptionsItComparesBeforeNowAndC2() {
		List<StartupBenchmark.Configuration> configurations = StartupBenchmark
			.configurations(List.of("--seconds", "15"));

		assertThat(configurations).extracting(StartupBenchmark.Configuration::name)
			.containsExactly("before: C1, no AOT cache", "now: C1, AOT cache", "C2, AOT cache");
		assertThat(configurations.get(2).jvmOptions()).doesNotContain("-XX:TieredStopAtLevel=1");
	}

	@Test
	void eachWithAddsItsOptionToTheLaunchersSettingsBesideThemAsTheyAre() {
		List<StartupBenchmark.Configuration> configurations = StartupBenchmark
			.configurations(List.of("--with", "-XX:MaxNewSize=32m", "--seconds", "15", "--with", "-Xss256k"));

		assertThat(configurations).hasSize(2);
		assertThat(configurations.get(0).jvmOptions()).isEqualTo(Settings.DEFAULT_SERVICE_JVM_OPTIONS);
		assertThat(configurations.get(1).jvmOptions())
			.startsWith(Settings.DEFAULT_SERVICE_JVM_OPTIONS.toArray(String[]::new))
			.endsWith("-XX:MaxNewSize=32m", "-Xss256k");
		assertThat(configurations.get(1).name()).isEqualTo("now with -XX:MaxNewSize=32m -Xss256k");
		assertThat(configurations).allMatch(StartupBenchmark.Configuration::aotCache);
	}

}

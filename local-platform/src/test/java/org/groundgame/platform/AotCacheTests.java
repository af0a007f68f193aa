package org.groundgame.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a service's AOT cache is named, trained and used; the platform's use of it is in
 * {@link LocalPlatformTests}.
 */
class AotCacheTests {

	private static final List<String> OPTIONS = List.of("-Xmx320m", "-XX:+UseSerialGC");

	@TempDir
	Path directory;

	@Test
	void onlyAJdkWithTheOneCommandTrainingRunMakesAndUsesOne() {
		assertThat(AotCache.supported(Runtime.Version.parse("17.0.15"))).isFalse();
		assertThat(AotCache.supported(Runtime.Version.parse("21.0.7"))).isFalse();
		assertThat(AotCache.supported(Runtime.Version.parse("24"))).isFalse();
		assertThat(AotCache.supported(Runtime.Version.parse("25.0.3+9-LTS"))).isTrue();
		assertThat(AotCache.supported(Runtime.Version.parse("26"))).isTrue();
	}

	@Test
	void noCacheNextToTheServicesOwnClassDataSharingOptionsWhichTheJdkWouldRefuse() {
		assertThat(AotCache.compatible(OPTIONS)).isTrue();
		assertThat(AotCache.compatible(Settings.DEFAULT_SERVICE_JVM_OPTIONS)).isTrue();
		assertThat(AotCache.compatible(List.of("-Xmx320m", "-Xshare:auto"))).isFalse();
		assertThat(AotCache.compatible(List.of("-XX:SharedArchiveFile=app.jsa"))).isFalse();
		assertThat(AotCache.compatible(List.of("-XX:AOTCache=app.aot"))).isFalse();
	}

	@Test
	void aCacheBelongsToItsExtractionItsJdkAndItsJvmOptions() {
		Path jar = this.directory.resolve("extracted/gateway/0123456789abcdef/gateway.jar");
		AotCache cache = new AotCache(jar, "/jdk-25 25.0.3+9-LTS", OPTIONS);

		assertThat(cache.file().getParent()).isEqualTo(jar.resolveSibling("aot"));
		assertThat(cache.file().getFileName().toString()).endsWith(".aot");
		assertThat(new AotCache(jar, "/jdk-25 25.0.3+9-LTS", OPTIONS).file()).isEqualTo(cache.file());
		assertThat(new AotCache(jar, "/jdk-25 25.0.4+7-LTS", OPTIONS).file()).isNotEqualTo(cache.file());
		assertThat(new AotCache(jar, "/jdk-25 25.0.3+9-LTS", List.of("-Xmx320m", "-XX:+UseG1GC")).file())
			.isNotEqualTo(cache.file());
	}

	@Test
	void theServiceStartsFromItOnlyOnceItIsMade() throws IOException {
		AotCache cache = new AotCache(this.directory.resolve("web.jar"), "jdk", OPTIONS);
		assertThat(cache.runOptions()).isEmpty();

		Files.createDirectories(cache.file().getParent());
		Files.writeString(cache.file(), "made");

		assertThat(cache.runOptions()).containsExactly("-XX:AOTCache=" + cache.file());
	}

	@Test
	void theTrainingRunIsTheServicesOwnCommandStoppingOnceTheContextIsRefreshed() {
		Path output = this.directory.resolve("x.aot.partial");
		List<String> command = List.of("/jdk/bin/java", "-Xmx320m", "-jar", "/data/endorsement-service.jar",
				"--server.port=8081", "--spring.kafka.bootstrap-servers=127.0.0.1:9092");

		assertThat(AotCache.trainingCommand(command, output)).containsExactly("/jdk/bin/java",
				"-XX:AOTCacheOutput=" + output, "-Dspring.context.exit=onRefresh", "-Xmx320m", "-jar",
				"/data/endorsement-service.jar", "--server.port=0", "--spring.kafka.bootstrap-servers=127.0.0.1:9092");
	}

	@Test
	void aTrainingRunThatFailsLeavesNoCache() throws Exception {
		AotCache cache = new AotCache(this.directory.resolve("notification-service.jar"), "jdk", OPTIONS);
		Path log = this.directory.resolve("logs/notification-service.log");

		List<String> command = new java.util.ArrayList<>(FakeService.command(0, "--fail"));
		command.remove("-Xshare:auto");
		AotCache.Training training = cache.train(command, this.directory, log);

		assertThat(training.complete(Duration.ofMinutes(1))).isFalse();
		assertThat(cache.exists()).isFalse();
		assertThat(cache.runOptions()).isEmpty();
		assertThat(cache.file().getParent()).isEmptyDirectory();
		assertThat(log).content().contains("the fake service was told to fail");
	}

}

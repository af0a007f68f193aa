package org.groundgame.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OptionsTests {

	private static final Path REPOSITORY = Path.of("/src/ground-game");

	@Test
	void withoutOptionsRunsOnTheWellKnownPortsWithDataInTheRepository() {
		Settings settings = run();

		assertThat(settings.repositoryRoot()).isEqualTo(REPOSITORY);
		assertThat(settings.dataDirectory()).isEqualTo(REPOSITORY.resolve(".ground-game"));
		assertThat(settings.port(Service.GATEWAY)).isEqualTo(8080);
		assertThat(settings.port(Service.ENDORSEMENT)).isEqualTo(8081);
		assertThat(settings.port(Service.VOLUNTEER)).isEqualTo(8082);
		assertThat(settings.port(Service.CAMPAIGN_TRAINING)).isEqualTo(8083);
		assertThat(settings.port(Service.NOTIFICATION)).isEqualTo(8084);
		assertThat(settings.kafkaPort()).isEqualTo(9092);
		assertThat(settings.mongoPort()).isEqualTo(27017);
		assertThat(settings.smtpPort()).isEqualTo(2525);
		assertThat(settings.mailboxPort()).isEqualTo(8025);
		assertThat(settings.seedDemoData()).isTrue();
		assertThat(settings.serviceJvmOptions()).contains("-Xmx320m", "-Xms64m");
		assertThat(settings.aotCache()).isTrue();
	}

	@Test
	void theServicesCanStartWithoutTheirAotCaches() {
		assertThat(run("--no-aot-cache").aotCache()).isFalse();
		assertThat(run("--no-aot-cache", "--no-seed").seedDemoData()).isFalse();
		// The API's defaults (the end-to-end tests throw their data folder away) make
		// none.
		assertThat(Settings.defaults(REPOSITORY).aotCache()).isFalse();
	}

	@Test
	void theClusterShapeRunsTwoInstancesOfEveryServiceButOneGateway() {
		Settings single = run();
		Settings cluster = run("--cluster", "--no-seed");

		assertThat(single.cluster()).isFalse();
		assertThat(cluster.cluster()).isTrue();
		assertThat(cluster.seedDemoData()).isFalse();
		for (Service service : Service.values()) {
			assertThat(single.instances(service)).isEqualTo(1);
			assertThat(cluster.instances(service)).as(service.moduleName())
				.isEqualTo((service == Service.GATEWAY) ? 1 : 2);
		}
	}

	@Test
	void tracesGoToTheOtlpEndpointAskedForAndEveryTraceIsRecorded() {
		assertThat(run().processArguments()).isEmpty();
		assertThat(run("--otlp-endpoint", "http://localhost:4318/v1/traces").processArguments()).containsExactly(
				"--management.opentelemetry.tracing.export.otlp.endpoint=http://localhost:4318/v1/traces",
				"--management.tracing.sampling.probability=1.0");
		assertThatExceptionOfType(Options.UsageException.class)
			.isThrownBy(() -> run("--otlp-endpoint", "localhost:4318"))
			.withMessageContaining("--otlp-endpoint must be an http(s) address");
	}

	@Test
	void aotCacheNamesTheServiceItsJarAndWhereTheCacheGoes() {
		Options.Command command = Options.parse(List.of("aot-cache", "--service", "notification-service", "--jar",
				"/app/app.jar", "--output=/aot/app.aot"), REPOSITORY);

		assertThat(command).isEqualTo(
				new Options.Command.AotCache(Service.NOTIFICATION, Path.of("/app/app.jar"), Path.of("/aot/app.aot")));
		assertThatExceptionOfType(Options.UsageException.class)
			.isThrownBy(() -> Options
				.parse(List.of("aot-cache", "--service", "mailer", "--jar", "a.jar", "--output", "a.aot"), REPOSITORY))
			.withMessage("--service needs a service's module name, not 'mailer'");
		assertThatExceptionOfType(Options.UsageException.class)
			.isThrownBy(() -> Options.parse(List.of("aot-cache", "--service", "gateway"), REPOSITORY))
			.withMessage("aot-cache needs --service, --jar and --output");
	}

	@Test
	void aHeapSmallerThanTheInitialHeapTakesTheInitialHeapAlong() {
		assertThat(run("--service-heap", "48m").serviceJvmOptions()).contains("-Xmx48m")
			.noneMatch((option) -> option.startsWith("-Xms"));
		assertThat(run("--service-heap", "1g").serviceJvmOptions()).contains("-Xmx1g", "-Xms64m");
	}

	@Test
	void everyPortCanBeChosenWithOrWithoutAnEqualsSign() {
		Settings settings = run("--gateway-port", "9080", "--endorsement-port=9081", "--volunteer-port", "9082",
				"--training-port", "9083", "--notification-port", "9084", "--kafka-port", "19092", "--mongodb-port=0",
				"--smtp-port", "3025", "--mailbox-port=9025");

		assertThat(settings.ports()).containsEntry(Service.GATEWAY, 9080)
			.containsEntry(Service.ENDORSEMENT, 9081)
			.containsEntry(Service.VOLUNTEER, 9082)
			.containsEntry(Service.CAMPAIGN_TRAINING, 9083)
			.containsEntry(Service.NOTIFICATION, 9084);
		assertThat(settings.kafkaPort()).isEqualTo(19092);
		assertThat(settings.mongoPort()).isZero();
		assertThat(settings.smtpPort()).isEqualTo(3025);
		assertThat(settings.mailboxPort()).isEqualTo(9025);
	}

	@Test
	void dataDirectoryHeapTimeoutsAndSeedingCanBeChanged() {
		assertThat(run().livenessTimeout()).isEqualTo(Settings.DEFAULT_LIVENESS_TIMEOUT).hasSeconds(30);

		Settings settings = run("--data-dir", "/tmp/gg", "--service-heap", "512m", "--startup-timeout", "300",
				"--liveness-timeout", "45", "--no-seed");

		assertThat(settings.dataDirectory()).isEqualTo(Path.of("/tmp/gg"));
		assertThat(settings.serviceJvmOptions()).contains("-Xmx512m").doesNotContain("-Xmx320m");
		assertThat(settings.startupTimeout()).hasSeconds(300);
		assertThat(settings.livenessTimeout()).hasSeconds(45);
		assertThat(settings.seedDemoData()).isFalse();
	}

	@Test
	void repositoryOptionMovesTheDefaultDataDirectoryWithIt() {
		Settings settings = run("--repository", "/elsewhere");

		assertThat(settings.repositoryRoot()).isEqualTo(Path.of("/elsewhere"));
		assertThat(settings.dataDirectory()).isEqualTo(Path.of("/elsewhere/.ground-game"));
	}

	@Test
	void seedTalksToLocalhostUnlessToldWhichGateway() {
		assertThat(Options.parse(List.of("seed"), REPOSITORY))
			.isEqualTo(new Options.Command.Seed(URI.create("http://localhost:8080")));
		assertThat(Options.parse(List.of("seed", "--gateway", "http://gateway.example:8080"), REPOSITORY))
			.isEqualTo(new Options.Command.Seed(URI.create("http://gateway.example:8080")));
	}

	@Test
	void helpIsAvailableAsAnOptionAndAsACommand() {
		assertThat(Options.parse(List.of("--help"), REPOSITORY)).isInstanceOf(Options.Command.Help.class);
		assertThat(Options.parse(List.of("-h"), REPOSITORY)).isInstanceOf(Options.Command.Help.class);
		assertThat(Options.parse(List.of("help"), REPOSITORY)).isInstanceOf(Options.Command.Help.class);
		assertThat(Options.USAGE).contains("--gateway-port", "--data-dir", "--kafka-port", "--no-seed");
	}

	@Test
	void nonsenseIsRefusedWithAMessageSayingWhy() {
		assertThatExceptionOfType(Options.UsageException.class).isThrownBy(() -> run("--gateway-port", "http"))
			.withMessage("--gateway-port needs a port between 0 and 65535, not 'http'");
		assertThatExceptionOfType(Options.UsageException.class).isThrownBy(() -> run("--kafka-port", "70000"))
			.withMessageContaining("--kafka-port");
		assertThatExceptionOfType(Options.UsageException.class).isThrownBy(() -> run("--colour", "red"))
			.withMessage("Unknown option --colour (see --help)");
		assertThatExceptionOfType(Options.UsageException.class).isThrownBy(() -> run("--bogus"))
			.withMessage("Unknown option --bogus (see --help)");
		assertThatExceptionOfType(Options.UsageException.class)
			.isThrownBy(() -> Options.parse(List.of("seed", "--data-dir", "x"), REPOSITORY))
			.withMessage("Unknown option --data-dir (see --help)");
		assertThatExceptionOfType(Options.UsageException.class).isThrownBy(() -> run("--data-dir"))
			.withMessage("--data-dir needs a value (see --help)");
		assertThatExceptionOfType(Options.UsageException.class).isThrownBy(() -> run("--service-heap", "lots"))
			.withMessageContaining("320m");
		assertThatExceptionOfType(Options.UsageException.class)
			.isThrownBy(() -> Options.parse(List.of("seed", "--gateway", "localhost"), REPOSITORY))
			.withMessageContaining("http://localhost:8080");
		assertThatExceptionOfType(Options.UsageException.class)
			.isThrownBy(() -> Options.parse(List.of("launch"), REPOSITORY))
			.withMessage("Unknown command 'launch': use run, seed or help");
	}

	private static Settings run(String... arguments) {
		Options.Command command = Options.parse(List.of(arguments), REPOSITORY);
		assertThat(command).isInstanceOf(Options.Command.Run.class);
		return ((Options.Command.Run) command).settings();
	}

}

package org.groundgame.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the platform refuses before starting anything, and how it starts its processes,
 * with stand-ins for the services ({@link FakeServiceJar}); starting the real services is
 * the end-to-end tests' job.
 */
class LocalPlatformTests {

	@TempDir
	Path repository;

	private final List<String> output = new CopyOnWriteArrayList<>();

	@Test
	void missingServiceJarsAreNamedWithTheCommandThatBuildsThem() throws IOException {
		Files.createDirectories(this.repository.resolve("gateway/target"));
		Files.writeString(this.repository.resolve("gateway/target/gateway.jar"), "");

		assertThatExceptionOfType(PlatformStartException.class)
			.isThrownBy(() -> LocalPlatform.start(settings().withFreePorts()))
			.withMessageStartingWith("Missing endorsement-service/target/endorsement-service.jar, "
					+ "volunteer-service/target/volunteer-service.jar, "
					+ "campaign-training-service/target/campaign-training-service.jar, "
					+ "notification-service/target/notification-service.jar, "
					+ "identity-service/target/identity-service.jar, web/target/web.jar under ")
			.withMessageContaining("./mvnw -DskipTests package");
	}

	@Test
	void aPortInUseIsNamedBeforeAnythingStarts() throws IOException {
		createJars();
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(InetAddress.getByName(PortCheck.LOOPBACK), 0));
			Settings settings = settings().withFreePorts().withPort(Service.VOLUNTEER, taken.getLocalPort());

			assertThatExceptionOfType(PlatformStartException.class).isThrownBy(() -> LocalPlatform.start(settings))
				.withMessage("Port " + taken.getLocalPort()
						+ " is already in use, and volunteer-service needs it: stop whatever uses it, "
						+ "or choose another port with --volunteer-port");
		}
		assertThat(this.output).isEmpty();
		assertThat(this.repository.resolve(".ground-game/kafka")).doesNotExist();
		assertThat(this.repository.resolve(".ground-game/extracted")).doesNotExist();
	}

	@Test
	void oneDataFolderServesOnePlatformAtATime() throws IOException {
		createJars();
		Path data = this.repository.resolve(".ground-game");
		Files.createDirectories(data);
		try (var channel = java.nio.channels.FileChannel.open(data.resolve("platform.lock"),
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
				var lock = channel.lock()) {

			assertThatExceptionOfType(PlatformStartException.class)
				.isThrownBy(() -> LocalPlatform.start(settings().withFreePorts()))
				.withMessage("Another local platform is running with its data in " + data
						+ ": stop it first (Ctrl-C), or choose another folder with --data-dir");
		}
	}

	@Test
	void aJarThatCannotBeExtractedStopsTheStartBeforeAnythingRunsAndShowsWhy() throws IOException {
		createJars();
		Settings settings = settings().withFreePorts().withDemoData(false);

		assertThatExceptionOfType(PlatformStartException.class).isThrownBy(() -> LocalPlatform.start(settings))
			.withMessageStartingWith("Could not extract endorsement-service/target/endorsement-service.jar for "
					+ "endorsement-service (java -Djarmode=tools -jar endorsement-service.jar extract exited with code 1)")
			.withMessageContaining("The last lines of ")
			.withMessageContaining("  | ")
			.withMessageContaining("jarfile");
		assertThat(settings.dataDirectory().resolve("kafka")).doesNotExist();
		assertThat(settings.logDirectory().resolve("endorsement-service.log")).doesNotExist();
		// Nothing was left half-extracted to be taken for an extraction later.
		try (Stream<Path> extracted = Files.walk(settings.dataDirectory().resolve("extracted"))) {
			assertThat(extracted.filter((path) -> path.getFileName().toString().endsWith(".jar"))).isEmpty();
		}
	}

	@Test
	void aServiceThatDiesWhileStartingStopsEverythingAndShowsTheEndOfItsLog() throws IOException {
		FakeServiceJar.writeAll(this.repository, "build 1");
		FakeServiceJar.write(Service.NOTIFICATION.jar(this.repository), "build 1", "--fail");
		Settings settings = settings().withFreePorts().withDemoData(false);

		assertThatExceptionOfType(PlatformStartException.class).isThrownBy(() -> LocalPlatform.start(settings))
			.withMessageStartingWith("notification-service exited with code 3 while starting: see ")
			.withMessageContaining("The last lines of ")
			.withMessageContaining("  | ==== notification-service starting at ")
			.withMessageContaining("  | APPLICATION FAILED TO START: the fake service was told to fail");
		// Everything was stopped and released: the next attempt fails the same way.
		assertThatExceptionOfType(PlatformStartException.class).isThrownBy(() -> LocalPlatform.start(settings))
			.withMessageStartingWith("notification-service exited with code 3 while starting");
	}

	/**
	 * Run as it is built, a fat jar loads its classes through Spring Boot's nested-jar
	 * class loader, which deadlocked the notification-service with virtual threads: each
	 * process runs from its jar extracted, extracted once per build.
	 */
	@Test
	void everyProcessRunsFromItsJarExtractedOncePerBuild() throws IOException {
		FakeServiceJar.writeAll(this.repository, "build 1");
		Settings settings = settings().withFreePorts().withDemoData(false);
		Path extractions = settings.dataDirectory().resolve("extracted");

		Map<Service, Path> first = runningFrom(settings);

		assertThat(FakeServiceJar.extracted(this.output))
			.containsExactlyInAnyOrder(Stream.of(Service.values()).map(Service::moduleName).toArray(String[]::new));
		for (Service service : Service.values()) {
			assertThat(first.get(service)).as(service + " runs from")
				.startsWith(extractions.resolve(service.moduleName()))
				.hasFileName(service.moduleName() + ".jar")
				.isRegularFile();
			assertThat(first.get(service).resolveSibling("lib")).isDirectory();
		}
		Map<Service, FileTime> extractedAt = lastModified(first);

		// Nothing changed: every extraction is reused as it is.
		this.output.clear();
		assertThat(runningFrom(settings)).isEqualTo(first);
		assertThat(FakeServiceJar.extracted(this.output)).isEmpty();
		assertThat(lastModified(first)).isEqualTo(extractedAt);

		// A new build of one: that one is extracted again, the earlier extraction goes.
		FakeServiceJar.write(Service.NOTIFICATION.jar(this.repository), "build 2");
		this.output.clear();
		Map<Service, Path> second = runningFrom(settings);

		assertThat(FakeServiceJar.extracted(this.output)).containsExactly("notification-service");
		assertThat(second.get(Service.NOTIFICATION)).isNotEqualTo(first.get(Service.NOTIFICATION))
			.startsWith(extractions.resolve("notification-service"))
			.isRegularFile();
		assertThat(first.get(Service.NOTIFICATION).getParent()).doesNotExist();
		for (Service service : Service.values()) {
			if (service != Service.NOTIFICATION) {
				assertThat(second.get(service)).isEqualTo(first.get(service));
				assertThat(Files.getLastModifiedTime(second.get(service))).isEqualTo(extractedAt.get(service));
			}
		}
	}

	/**
	 * Ready means ready: before the launcher says so, each service has had its first
	 * request through the gateway (the staff client's token, then one read per service at
	 * once), so that no person pays for the cold route.
	 */
	@Test
	void eachServiceHasItsFirstRequestThroughTheGatewayBeforeThePlatformIsSaidToBeReady() throws IOException {
		FakeServiceJar.writeAll(this.repository, "build 1");
		Settings settings = settings().withFreePorts().withDemoData(false);

		try (LocalPlatform platform = LocalPlatform.start(settings)) {
			List<String> answered = Files.readString(platform.logFile(Service.GATEWAY))
				.lines()
				.filter((line) -> line.startsWith("The fake service answered "))
				.map((line) -> line.substring("The fake service answered ".length()))
				.toList();
			assertThat(answered).first().isEqualTo("POST /oauth2/token");
			assertThat(answered.subList(1, answered.size()))
				.containsExactlyInAnyOrderElementsOf(FirstRequests.PATHS.stream()
					.map((path) -> "GET " + path + " (Bearer " + FakeService.ACCESS_TOKEN + ")")
					.toList());
			int firstRequests = indexOf((line) -> line.startsWith("First requests through the gateway in "));
			assertThat(this.output.get(firstRequests)).contains("POST /oauth2/token 200")
				.contains(FirstRequests.PATHS.stream().map((path) -> "GET " + path + " 200").toList());
			assertThat(indexOf((line) -> line.startsWith("All services ready in "))).isGreaterThan(firstRequests);
			for (Service service : Service.values()) {
				if (service != Service.GATEWAY) {
					assertThat(Files.readString(platform.logFile(service))).as(service + "'s log")
						.doesNotContain("The fake service answered ");
				}
			}
		}
	}

	private int indexOf(Predicate<String> line) {
		for (int i = 0; i < this.output.size(); i++) {
			if (line.test(this.output.get(i))) {
				return i;
			}
		}
		throw new AssertionError("No such line in " + this.output);
	}

	/**
	 * On JDK 25+, each service starts from its AOT cache: made in the background after
	 * the first start of a build, used by every later start, made again for a new build.
	 */
	@Test
	void eachServiceStartsFromTheAotCacheMadeAfterTheFirstStartOfItsBuild() throws IOException {
		assumeTrue(AotCache.supported(Runtime.version()), "the build runs on JDK 25+; an older JDK makes none");
		FakeServiceJar.writeAll(this.repository, "build 1");
		Settings settings = settings().withFreePorts().withDemoData(false).withAotCache(true);

		// The first start of a build: nobody waits for a cache, they are made afterwards.
		Map<Service, String> first = new EnumMap<>(Service.class);
		try (LocalPlatform platform = LocalPlatform.start(settings)) {
			for (Service service : Service.values()) {
				first.put(service, commandLine(platform, service));
			}
			assertThat(platform.awaitAotCaches(Duration.ofMinutes(3))).isTrue();
		}
		assertThat(first.values()).noneMatch((command) -> command.contains("-XX:AOTCache"));
		assertThat(this.output).contains("Start-up caches made: the next start of the platform uses them");
		Map<Service, Path> caches = aotCaches(settings);
		assertThat(caches).containsOnlyKeys(Service.values());

		// The next start: every process starts from its cache; nothing is trained.
		this.output.clear();
		try (LocalPlatform platform = LocalPlatform.start(settings)) {
			for (Service service : Service.values()) {
				assertThat(commandLine(platform, service)).as(service + "'s command line")
					.startsWith("==== " + service + " starting at ")
					.contains(" -XX:AOTCache=" + caches.get(service) + " ");
				assertThat(Files.readString(platform.logFile(service))).as(service + "'s log")
					.contains("The fake service is ready on port ")
					.doesNotContain("[aot]");
			}
			assertThat(platform.awaitAotCaches(Duration.ZERO)).isTrue();
		}
		assertThat(this.output).anySatisfy((line) -> assertThat(line).matches(
				"endorsement-service ready in \\d+\\.\\d s \\(http://127\\.0\\.0\\.1:\\d+, from its start-up cache\\)"));
		assertThat(this.output).noneMatch((line) -> line.startsWith("Making the start-up cache"));
		assertThat(aotCaches(settings)).isEqualTo(caches);

		// A new build of one: its cache went with its extraction; it starts without one
		// and gets a new one.
		FakeServiceJar.write(Service.NOTIFICATION.jar(this.repository), "build 2");
		this.output.clear();
		try (LocalPlatform platform = LocalPlatform.start(settings)) {
			assertThat(commandLine(platform, Service.NOTIFICATION)).doesNotContain("-XX:AOTCache");
			assertThat(commandLine(platform, Service.GATEWAY)).contains(" -XX:AOTCache=" + caches.get(Service.GATEWAY));
			assertThat(platform.awaitAotCaches(Duration.ofMinutes(1))).isTrue();
		}
		assertThat(this.output).contains("Making the start-up cache (the JDK's AOT cache) of notification-service "
				+ "in the background, one at a time, for the next start (logs in "
				+ settings.logDirectory().resolve("aot-training") + ")");
		Map<Service, Path> rebuilt = aotCaches(settings);
		assertThat(rebuilt.get(Service.NOTIFICATION)).isNotEqualTo(caches.get(Service.NOTIFICATION)).isRegularFile();
		assertThat(caches.get(Service.NOTIFICATION)).doesNotExist();
		assertThat(rebuilt.get(Service.GATEWAY)).isEqualTo(caches.get(Service.GATEWAY));
	}

	@Test
	void everyServiceHoldsTheKeyEncryptionKeyAndTheNotificationServiceSendsItsMailToTheMailCatcher()
			throws IOException {
		FakeServiceJar.writeAll(this.repository, "build 1");
		Settings settings = settings().withFreePorts().withDemoData(false);

		try (LocalPlatform platform = LocalPlatform.start(settings)) {
			// Personal data in events is sealed with keys that the key-encryption key
			// seals, in every service that produces or consumes events; it is made once
			// and kept in the data folder, and the log masks it.
			String kek = platform.credentials().keyEncryptionKey();
			assertThat(java.util.Base64.getDecoder().decode(kek)).hasSize(32);
			for (Service service : Service.values()) {
				String log = Files.readString(platform.logFile(service));
				String command = log.lines().filter((line) -> line.startsWith("==== ")).findFirst().orElseThrow();
				if (service == Service.GATEWAY || service == Service.WEB) {
					// Neither handles events: the pages call the services' public APIs.
					assertThat(command).doesNotContain("--groundgame.secrets.");
				}
				else {
					assertThat(command).as(service + "'s command line")
						.contains(" --groundgame.secrets.kek=***** ")
						.contains(" --groundgame.secrets.previous-keks=***** ");
				}
				assertThat(log).doesNotContain(kek);
			}

			String log = Files.readString(platform.logFile(Service.NOTIFICATION));
			assertThat(log).contains(" --spring.mail.host=127.0.0.1 --spring.mail.port=" + platform.smtpPort() + " ");
			assertThat(this.output).anySatisfy((line) -> assertThat(line)
				.startsWith("Mail catcher (GreenMail SMTP, in-process) at 127.0.0.1:" + platform.smtpPort() + ";")
				.contains("; the mail it keeps at http://127.0.0.1:"));
			// Webhook secrets sealed before the key-encryption key are read with the
			// earlier key, which the log masks too.
			PlatformCredentials.WebhookEncryption encryption = platform.credentials().webhookEncryption();
			assertThat(log).contains(" --groundgame.notification.webhooks.encryption.password=***** ")
				.contains(" --groundgame.notification.webhooks.encryption.salt=" + encryption.salt())
				.doesNotContain(encryption.password());
		}
	}

	/**
	 * {@code --cluster}: three Kafka nodes, each its own process, and a second instance
	 * of every service (stand-ins here), each on its own port with the three brokers; the
	 * gateway is given both instances of each service. A killed instance and a killed
	 * node are started again.
	 */
	@Test
	void theClusterShapeRunsThreeKafkaNodesAndTwoInstancesOfEveryServiceBehindTheGateway() throws IOException {
		FakeServiceJar.writeAll(this.repository, "build 1");
		Settings settings = settings().withFreePorts().withDemoData(false).withCluster(true);

		try (LocalPlatform platform = LocalPlatform.start(settings)) {
			String brokers = platform.kafkaBootstrapServers();
			assertThat(brokers.split(",")).hasSize(3)
				.allSatisfy((broker) -> assertThat(broker).startsWith("127.0.0.1:"));
			assertThat(java.util.Set.of(platform.kafkaNodePid(1), platform.kafkaNodePid(2), platform.kafkaNodePid(3)))
				.hasSize(3)
				.allSatisfy((pid) -> assertThat(ProcessHandle.of(pid))
					.hasValueSatisfying((handle) -> assertThat(handle.isAlive()).isTrue()));
			String gateway = commandLine(platform, Service.GATEWAY) + " ";
			for (Service service : Service.values()) {
				if (service == Service.GATEWAY) {
					assertThat(platform.instances(service)).hasSize(1);
					continue;
				}
				List<java.net.URI> instances = platform.instances(service);
				assertThat(instances).as(service.moduleName()).hasSize(2).doesNotHaveDuplicates();
				assertThat(platform.pid(service, 2)).isNotIn(-1L, platform.pid(service, 1));
				String second = Files
					.readString(platform.logFile(service).resolveSibling(service.moduleName() + "-2.log"))
					.lines()
					.filter((line) -> line.startsWith("==== "))
					.findFirst()
					.orElseThrow();
				assertThat(second).contains(" --server.port=" + instances.get(1).getPort() + " ");
				if (service != Service.WEB) {
					assertThat(second).contains(" --spring.kafka.bootstrap-servers=" + brokers + " ");
				}
				assertThat(gateway).contains(
						" --" + service.gatewayProperty() + "=" + instances.get(0) + "," + instances.get(1) + " ");
			}

			long killed = platform.pid(Service.VOLUNTEER, 2);
			platform.kill(Service.VOLUNTEER, 2);
			platform.awaitHealthy(Service.VOLUNTEER, 2, Duration.ofMinutes(1));
			assertThat(platform.pid(Service.VOLUNTEER, 2)).isNotIn(-1L, killed);

			long node = platform.kafkaNodePid(2);
			platform.killKafkaNode(2);
			await().atMost(Duration.ofMinutes(1)).until(() -> platform.kafkaNodePid(2) != node);
			platform.awaitKafkaBrokers(3, Duration.ofMinutes(1));
			assertThat(this.output).anySatisfy((line) -> assertThat(line).startsWith("Kafka node 2 (pid " + node + ")")
				.endsWith("starting it again"));
		}
	}

	/** Starts the platform, reads where each process runs from, and stops it. */
	private Map<Service, Path> runningFrom(Settings settings) throws IOException {
		Map<Service, Path> runningFrom = new EnumMap<>(Service.class);
		try (LocalPlatform platform = LocalPlatform.start(settings)) {
			for (Service service : Service.values()) {
				String ready = Files.readString(platform.logFile(service))
					.lines()
					.filter((line) -> line.startsWith("The fake service is ready on port "))
					.reduce((first, last) -> last)
					.orElseThrow();
				runningFrom.put(service, Path.of(ready.substring(ready.indexOf(", running from ") + 15)));
			}
		}
		return runningFrom;
	}

	/** The first line of a service's log: its command line, as it was started. */
	private static String commandLine(LocalPlatform platform, Service service) throws IOException {
		return Files.readString(platform.logFile(service))
			.lines()
			.filter((line) -> line.startsWith("==== "))
			.reduce((first, last) -> last)
			.orElseThrow();
	}

	/** The AOT cache of each service that has one. */
	private static Map<Service, Path> aotCaches(Settings settings) throws IOException {
		Map<Service, Path> caches = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			try (Stream<Path> files = Files
				.walk(settings.dataDirectory().resolve("extracted").resolve(service.moduleName()))) {
				files.filter((file) -> file.getFileName().toString().endsWith(".aot"))
					.forEach((file) -> assertThat(caches.put(service, file)).as(service + " has one cache").isNull());
			}
		}
		return caches;
	}

	private static Map<Service, FileTime> lastModified(Map<Service, Path> jars) throws IOException {
		Map<Service, FileTime> lastModified = new EnumMap<>(Service.class);
		for (Map.Entry<Service, Path> jar : jars.entrySet()) {
			lastModified.put(jar.getKey(), Files.getLastModifiedTime(jar.getValue()));
		}
		return lastModified;
	}

	private Settings settings() {
		return Settings.defaults(this.repository).withOutput(this.output::add);
	}

	private void createJars() throws IOException {
		for (Service service : Service.values()) {
			Path jar = service.jar(this.repository);
			Files.createDirectories(jar.getParent());
			Files.writeString(jar, "");
		}
	}

}

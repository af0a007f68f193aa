package org.groundgame.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to run the local platform. Ports of 0 mean "any free port", which is what the
 * end-to-end tests use; the launcher's defaults are the platform's well-known ports.
 *
 * @param repositoryRoot the Ground Game checkout holding
 * {@code <module>/target/<module>.jar}
 * @param dataDirectory the one folder holding the broker's and the store's data and every
 * log
 * @param ports the port of each service and of the gateway
 * @param kafkaPort the broker's port for clients
 * @param mongoPort the MongoDB-wire store's port
 * @param smtpPort the mail catcher's SMTP port, where the notification-service sends its
 * e-mails
 * @param mailboxPort the port of the mailbox page, where a person reads them
 * @param serviceJvmOptions the JVM options of every service process
 * @param startupTimeout how long all processes together may take to become ready
 * @param stopTimeout how long a process may take to stop gracefully before it is killed
 * @param livenessTimeout how long a running process may leave its liveness probe
 * unanswered before it is taken for dead (hung), killed and restarted
 * @param seedDemoData whether to seed the demo chapters and nominations once all are
 * ready
 * @param aotCache whether each service starts from its ahead-of-time cache (JDK 25+),
 * made once per build after the platform is ready (see {@link AotCache})
 * @param cluster whether to run the cluster's shape: three Kafka nodes, each its own
 * process, and two instances of every service behind the gateway
 * @param processArguments settings ({@code --name=value}) given to every service process
 * and the gateway, e.g. where to export traces
 * @param output where the platform tells its user what it does
 */
public record Settings(Path repositoryRoot, Path dataDirectory, Map<Service, Integer> ports, int kafkaPort,
		int mongoPort, int smtpPort, int mailboxPort, List<String> serviceJvmOptions, Duration startupTimeout,
		Duration stopTimeout, Duration livenessTimeout, boolean seedDemoData, boolean aotCache, boolean cluster,
		List<String> processArguments, Consumer<String> output) {

	public static final int DEFAULT_KAFKA_PORT = 9092;

	public static final int DEFAULT_MONGO_PORT = 27017;

	public static final int DEFAULT_SMTP_PORT = 2525;

	public static final int DEFAULT_MAILBOX_PORT = 8025;

	/** The data folder's name under the repository root unless told otherwise. */
	public static final String DEFAULT_DATA_DIRECTORY = ".ground-game";

	/**
	 * Seven JVMs start together on a developer's laptop (two cores here), and start-up
	 * matters more there than peak throughput:
	 * <ul>
	 * <li>{@code -XX:TieredStopAtLevel=1}: C1 only. Measured side by side on this machine
	 * (local-platform/README.md, "Start-up and memory"), full tiered compilation (C2)
	 * makes the whole platform's start slower, its compiler threads competing with seven
	 * starting JVMs for two cores, and buys request latency that one person trying the
	 * platform out does not notice. The Dockerfile, which production runs, keeps C2.
	 * <li>{@code -Xms64m}: the heap starts small and grows as needed. Without it the
	 * initial heap is 1/64 of the machine's memory, on a 16 GB laptop the whole
	 * {@code -Xmx}, and every page of a young generation sized for it is touched: about
	 * 60-90 MB more resident memory per service after the demo seed, for nothing.
	 * <li>Serial GC and a small thread stack: one service's live data is 40-60 MB.
	 * </ul>
	 * {@code -Xshare:auto} (the default anyway) is not named: the JDK refuses it next to
	 * {@code -XX:AOTCacheOutput} ({@link AotCache}).
	 */
	public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of("-Xms64m", "-Xmx320m", "-Xss512k",
			"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");

	/**
	 * Long enough that a busy laptop (six JVMs, a full collection) never looks hung,
	 * short enough that a deadlocked service is back within a minute.
	 */
	public static final Duration DEFAULT_LIVENESS_TIMEOUT = Duration.ofSeconds(30);

	public Settings {
		Objects.requireNonNull(repositoryRoot, "repositoryRoot");
		Objects.requireNonNull(dataDirectory, "dataDirectory");
		EnumMap<Service, Integer> allPorts = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			allPorts.put(service,
					requirePort(ports.getOrDefault(service, service.defaultPort()), service.portOption()));
		}
		ports = Collections.unmodifiableMap(allPorts);
		requirePort(kafkaPort, "--kafka-port");
		requirePort(mongoPort, "--mongodb-port");
		requirePort(smtpPort, "--smtp-port");
		requirePort(mailboxPort, "--mailbox-port");
		serviceJvmOptions = List.copyOf(serviceJvmOptions);
		processArguments = List.copyOf(processArguments);
		Objects.requireNonNull(startupTimeout, "startupTimeout");
		Objects.requireNonNull(stopTimeout, "stopTimeout");
		Objects.requireNonNull(livenessTimeout, "livenessTimeout");
		Objects.requireNonNull(output, "output");
	}

	/**
	 * The launcher's defaults: the well-known ports, data under
	 * {@code <repositoryRoot>/.ground-game}, demo data seeded, output on the console.
	 * @param repositoryRoot the Ground Game checkout
	 * @return the default settings
	 */
	public static Settings defaults(Path repositoryRoot) {
		Path root = repositoryRoot.toAbsolutePath().normalize();
		return new Settings(root, root.resolve(DEFAULT_DATA_DIRECTORY), Map.of(), DEFAULT_KAFKA_PORT,
				DEFAULT_MONGO_PORT, DEFAULT_SMTP_PORT, DEFAULT_MAILBOX_PORT, DEFAULT_SERVICE_JVM_OPTIONS,
				Duration.ofMinutes(5), Duration.ofSeconds(20), DEFAULT_LIVENESS_TIMEOUT, true, false, false, List.of(),
				System.out::println);
	}

	public int port(Service service) {
		return this.ports.get(service);
	}

	public Settings withDataDirectory(Path dataDirectory) {
		return new Settings(this.repositoryRoot, dataDirectory.toAbsolutePath().normalize(), this.ports, this.kafkaPort,
				this.mongoPort, this.smtpPort, this.mailboxPort, this.serviceJvmOptions, this.startupTimeout,
				this.stopTimeout, this.livenessTimeout, this.seedDemoData, this.aotCache, this.cluster,
				this.processArguments, this.output);
	}

	public Settings withPort(Service service, int port) {
		Map<Service, Integer> changed = new EnumMap<>(this.ports);
		changed.put(service, port);
		return new Settings(this.repositoryRoot, this.dataDirectory, changed, this.kafkaPort, this.mongoPort,
				this.smtpPort, this.mailboxPort, this.serviceJvmOptions, this.startupTimeout, this.stopTimeout,
				this.livenessTimeout, this.seedDemoData, this.aotCache, this.cluster, this.processArguments,
				this.output);
	}

	public Settings withKafkaPort(int kafkaPort) {
		return new Settings(this.repositoryRoot, this.dataDirectory, this.ports, kafkaPort, this.mongoPort,
				this.smtpPort, this.mailboxPort, this.serviceJvmOptions, this.startupTimeout, this.stopTimeout,
				this.livenessTimeout, this.seedDemoData, this.aotCache, this.cluster, this.processArguments,
				this.output);
	}

	public Settings withMongoPort(int mongoPort) {
		return new Settings(this.repositoryRoot, this.dataDirectory, this.ports, this.kafkaPort, mongoPort,
				this.smtpPort, this.mailboxPort, this.serviceJvmOptions, this.startupTimeout, this.stopTimeout,
				this.livenessTimeout, this.seedDemoData, this.aotCache, this.cluster, this.processArguments,
				this.output);
	}

	public Settings withSmtpPort(int smtpPort) {
		return new Settings(this.repositoryRoot, this.dataDirectory, this.ports, this.kafkaPort, this.mongoPort,
				smtpPort, this.mailboxPort, this.serviceJvmOptions, this.startupTimeout, this.stopTimeout,
				this.livenessTimeout, this.seedDemoData, this.aotCache, this.cluster, this.processArguments,
				this.output);
	}

	public Settings withMailboxPort(int mailboxPort) {
		return new Settings(this.repositoryRoot, this.dataDirectory, this.ports, this.kafkaPort, this.mongoPort,
				this.smtpPort, mailboxPort, this.serviceJvmOptions, this.startupTimeout, this.stopTimeout,
				this.livenessTimeout, this.seedDemoData, this.aotCache, this.cluster, this.processArguments,
				this.output);
	}

	/**
	 * Every port 0: the broker, the store, the mail catcher and its mailbox, the services
	 * and the gateway each take a free port, so that the platform can run next to
	 * anything else (tests, a second copy).
	 * @return the changed settings
	 */
	public Settings withFreePorts() {
		Settings settings = withKafkaPort(0).withMongoPort(0).withSmtpPort(0).withMailboxPort(0);
		for (Service service : Service.values()) {
			settings = settings.withPort(service, 0);
		}
		return settings;
	}

	public Settings withServiceJvmOptions(List<String> serviceJvmOptions) {
		return new Settings(this.repositoryRoot, this.dataDirectory, this.ports, this.kafkaPort, this.mongoPort,
				this.smtpPort, this.mailboxPort, serviceJvmOptions, this.startupTimeout, this.stopTimeout,
				this.livenessTimeout, this.seedDemoData, this.aotCache, this.cluster, this.processArguments,
				this.output);
	}

	public Settings withStartupTimeout(Duration startupTimeout) {
		return new Settings(this.repositoryRoot, this.dataDirectory, this.ports, this.kafkaPort, this.mongoPort,
				this.smtpPort, this.mailboxPort, this.serviceJvmOptions, startupTimeout, this.stopTimeout,
				this.livenessTimeout, this.seedDemoData, this.aotCache, this.cluster, this.processArguments,
				this.output);
	}

	public Settings withStopTimeout(Duration stopTimeout) {
		return new Settings(this.repositoryRoot, this.dataDirectory, this.ports, this.kafkaPort, this.mongoPort,
				this.smtpPort, this.mailboxPort, this.serviceJvmOptions, this.startupTimeout, stopTimeout,
				this.livenessTimeout, this.seedDemoData, this.aotCache, this.cluster, this.processArguments,
				this.output);
	}

	public Settings withLivenessTimeout(Duration livenessTimeout) {
		return new Settings(this.repositoryRoot, this.dataDirectory, this.ports, this.kafkaPort, this.mongoPort,
				this.smtpPort, this.mailboxPort, this.serviceJvmOptions, this.startupTimeout, this.stopTimeout,
				livenessTimeout, this.seedDemoData, this.aotCache, this.cluster, this.processArguments, this.output);
	}

	public Settings withDemoData(boolean seedDemoData) {
		return new Settings(this.repositoryRoot, this.dataDirectory, this.ports, this.kafkaPort, this.mongoPort,
				this.smtpPort, this.mailboxPort, this.serviceJvmOptions, this.startupTimeout, this.stopTimeout,
				this.livenessTimeout, seedDemoData, this.aotCache, this.cluster, this.processArguments, this.output);
	}

	/**
	 * Whether each service starts from an ahead-of-time cache of its classes (JDK 25+;
	 * nothing changes on an older JDK). The launcher turns it on; a platform whose data
	 * folder is thrown away after one start (the end-to-end tests) would only pay for
	 * making the caches.
	 * @param aotCache whether to make and use the caches
	 * @return the changed settings
	 */
	public Settings withAotCache(boolean aotCache) {
		return new Settings(this.repositoryRoot, this.dataDirectory, this.ports, this.kafkaPort, this.mongoPort,
				this.smtpPort, this.mailboxPort, this.serviceJvmOptions, this.startupTimeout, this.stopTimeout,
				this.livenessTimeout, this.seedDemoData, aotCache, this.cluster, this.processArguments, this.output);
	}

	/**
	 * The cluster's shape ({@code --cluster}): three Kafka nodes, each its own process,
	 * with three replicas of every topic of which two must have each write; two instances
	 * of every service and of the web module, which the gateway balances over those that
	 * are ready.
	 * @param cluster whether to run it
	 * @return the changed settings
	 */
	public Settings withCluster(boolean cluster) {
		return new Settings(this.repositoryRoot, this.dataDirectory, this.ports, this.kafkaPort, this.mongoPort,
				this.smtpPort, this.mailboxPort, this.serviceJvmOptions, this.startupTimeout, this.stopTimeout,
				this.livenessTimeout, this.seedDemoData, this.aotCache, cluster, this.processArguments, this.output);
	}

	/**
	 * Exports every process's sampled traces over OTLP (HTTP, protobuf) to a collector.
	 * @param endpoint e.g. {@code http://localhost:4318/v1/traces}
	 * @return the changed settings
	 */
	public Settings withOtlpEndpoint(java.net.URI endpoint) {
		return withProcessArgument("--management.opentelemetry.tracing.export.otlp.endpoint=" + endpoint);
	}

	/**
	 * A setting given to every service process and the gateway, after the launcher's own.
	 * @param argument {@code --name=value}
	 * @return the changed settings
	 */
	public Settings withProcessArgument(String argument) {
		if (!argument.startsWith("--") || argument.indexOf('=') < 3) {
			throw new IllegalArgumentException("Not a --name=value setting: " + argument);
		}
		List<String> arguments = new java.util.ArrayList<>(this.processArguments);
		arguments.add(argument);
		return new Settings(this.repositoryRoot, this.dataDirectory, this.ports, this.kafkaPort, this.mongoPort,
				this.smtpPort, this.mailboxPort, this.serviceJvmOptions, this.startupTimeout, this.stopTimeout,
				this.livenessTimeout, this.seedDemoData, this.aotCache, this.cluster, arguments, this.output);
	}

	/**
	 * How many instances of each service run.
	 * @return two in the cluster's shape, one otherwise; the gateway is always one
	 */
	int instances(Service service) {
		return (this.cluster && service != Service.GATEWAY) ? 2 : 1;
	}

	public Settings withOutput(Consumer<String> output) {
		return new Settings(this.repositoryRoot, this.dataDirectory, this.ports, this.kafkaPort, this.mongoPort,
				this.smtpPort, this.mailboxPort, this.serviceJvmOptions, this.startupTimeout, this.stopTimeout,
				this.livenessTimeout, this.seedDemoData, this.aotCache, this.cluster, this.processArguments, output);
	}

	/** The folder of every process's log. */
	Path logDirectory() {
		return this.dataDirectory.resolve("logs");
	}

	private static int requirePort(int port, String option) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(option + " must be a port between 0 and 65535, not " + port);
		}
		return port;
	}

}

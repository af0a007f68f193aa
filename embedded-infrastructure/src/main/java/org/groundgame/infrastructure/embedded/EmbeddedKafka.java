package org.groundgame.infrastructure.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one node),
 * running inside this JVM and built from Kafka's own server artifacts, not its test kit.
 * Every listener binds to 127.0.0.1 only: the broker's on the given port, the
 * controller's on a free port chosen at each start.
 * <p>
 * The data directory is formatted the first time (its cluster id is kept in
 * {@code meta.properties}) and reused afterwards, so topics and messages survive a
 * restart of the process. Settings are those of a single node: one replica of every
 * topic, three partitions for automatically created topics, no initial rebalance delay;
 * retention is Kafka's default (seven days). The broker's own loggers are turned down to
 * WARN when Logback is the logging backend. A JVM shutdown hook stops the broker
 * gracefully if the application does not.
 */
public final class EmbeddedKafka implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedKafka.class);

	private static final int SINGLE_NODE_ID = 1;

	private static final String BROKER_LISTENER = "PLAINTEXT";

	private static final String CONTROLLER_LISTENER = "CONTROLLER";

	/** The listener of clients that reach the broker through a proxy, if it has one. */
	private static final String PROXIED_LISTENER = "PROXIED";

	/** Attempts at a free port when the caller let us choose (port 0). */
	private static final int PORT_ATTEMPTS = 5;

	private final Path dataDirectory;

	private final boolean temporary;

	private final int port;

	private final int controllerPort;

	/** The proxied listener's port and the address it advertises, or 0 and null. */
	private final int proxiedPort;

	private final String proxiedAddress;

	private final Thread shutdownHook;

	/** This node's place in its cluster; a cluster of one for a single broker. */
	private final KafkaClusterNode node;

	private KafkaRaftServer server;

	private boolean closed;

	private EmbeddedKafka(Path dataDirectory, boolean temporary, int port, int controllerPort, int proxiedPort,
			String proxiedAddress) {
		this(dataDirectory, temporary, KafkaClusterNode.single(SINGLE_NODE_ID, port, controllerPort), proxiedPort,
				proxiedAddress);
	}

	private EmbeddedKafka(Path dataDirectory, boolean temporary, KafkaClusterNode node, int proxiedPort,
			String proxiedAddress) {
		this.dataDirectory = dataDirectory;
		this.temporary = temporary;
		this.node = node;
		this.port = node.port();
		this.controllerPort = node.controllerPort();
		this.proxiedPort = proxiedPort;
		this.proxiedAddress = proxiedAddress;
		this.shutdownHook = ShutdownHooks.register("embedded-kafka-shutdown-" + port, this::shutDownWithJvm);
	}

	/**
	 * Starts a broker keeping its data in {@code dataDirectory}, formatting the directory
	 * if it is new and reusing it otherwise.
	 * @param dataDirectory where topics, messages and the cluster metadata live
	 * @param port the port for clients, or 0 for a free one
	 * @return the running broker
	 * @throws PortInUseException if {@code port} is taken
	 */
	public static EmbeddedKafka start(Path dataDirectory, int port) {
		return start(dataDirectory.toAbsolutePath(), port, false);
	}

	/**
	 * Starts a broker on a free port with its data in a new temporary directory that
	 * {@link #close()} deletes: for tests and benchmarks.
	 * @return the running broker
	 */
	public static EmbeddedKafka startTemporary() {
		return startTemporary(0, null);
	}

	/**
	 * Starts a temporary broker, as {@link #startTemporary()}, with a second listener for
	 * clients that reach it through a proxy (a test's fault-injecting proxy): it listens
	 * on {@code proxiedPort} and advertises {@code proxiedAddress}, the proxy's, so that
	 * a client that bootstrapped through the proxy keeps going through it, while the
	 * clients of {@link #bootstrapServers()} reach the broker directly.
	 * @param proxiedPort the port the proxy forwards to
	 * @param proxiedAddress the proxy's {@code host:port}
	 * @return the running broker
	 * @throws PortInUseException if {@code proxiedPort} is taken
	 */
	public static EmbeddedKafka startTemporaryBehind(int proxiedPort, String proxiedAddress) {
		if (proxiedPort <= 0 || proxiedAddress == null || proxiedAddress.isBlank()) {
			throw new IllegalArgumentException("A proxied listener needs a port and the proxy's address");
		}
		Ports.requireAvailable(proxiedPort, "Kafka proxied listener");
		return startTemporary(proxiedPort, proxiedAddress);
	}

	private static EmbeddedKafka startTemporary(int proxiedPort, String proxiedAddress) {
		try {
			return start(Files.createTempDirectory("groundgame-kafka-"), 0, true, proxiedPort, proxiedAddress);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary directory for Kafka", ex);
		}
	}

	/**
	 * Starts one node of a cluster of several (each usually its own process, see
	 * {@link KafkaNode}): a broker and a voter of the controller quorum, on the ports its
	 * {@link KafkaClusterNode} names, with the cluster's replication settings.
	 * @param dataDirectory where this node keeps its data, formatted with the cluster's
	 * id if new
	 * @param node this node, its ports and the cluster's voters
	 * @return the running node
	 * @throws PortInUseException if one of its ports is taken
	 */
	public static EmbeddedKafka startNode(Path dataDirectory, KafkaClusterNode node) {
		Ports.requireAvailable(node.port(), "Kafka broker");
		Ports.requireAvailable(node.controllerPort(), "Kafka controller");
		EmbeddedKafka kafka = new EmbeddedKafka(dataDirectory.toAbsolutePath(), false, node, 0, null);
		try {
			kafka.startServer();
			return kafka;
		}
		catch (RuntimeException ex) {
			kafka.releaseAfterFailedStart();
			throw ex;
		}
	}

	private static EmbeddedKafka start(Path dataDirectory, int requestedPort, boolean temporary) {
		return start(dataDirectory, requestedPort, temporary, 0, null);
	}

	private static EmbeddedKafka start(Path dataDirectory, int requestedPort, boolean temporary, int proxiedPort,
			String proxiedAddress) {
		if (requestedPort != 0) {
			Ports.requireAvailable(requestedPort, "Kafka broker");
		}
		for (int attempt = 1;; attempt++) {
			int port = (requestedPort != 0) ? requestedPort : freePortOtherThan(proxiedPort);
			EmbeddedKafka kafka = new EmbeddedKafka(dataDirectory, temporary, port,
					freePortOtherThan(port, proxiedPort), proxiedPort, proxiedAddress);
			try {
				kafka.startServer();
				return kafka;
			}
			catch (PortInUseException ex) {
				kafka.releaseAfterFailedStart();
				// Another process took a port between our check and the broker's bind.
				if (ex.port() == requestedPort || attempt == PORT_ATTEMPTS) {
					throw ex;
				}
				logger.debug("Retrying on other ports: {}", ex.getMessage());
			}
			catch (RuntimeException ex) {
				kafka.releaseAfterFailedStart();
				throw ex;
			}
		}
	}

	private static int freePortOtherThan(int... ports) {
		int candidate = Ports.free();
		while (contains(ports, candidate)) {
			candidate = Ports.free();
		}
		return candidate;
	}

	private static boolean contains(int[] ports, int port) {
		for (int taken : ports) {
			if (taken == port) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The address clients connect to.
	 * @return {@code 127.0.0.1:PORT}
	 */
	public String bootstrapServers() {
		return Ports.LOOPBACK + ":" + this.port;
	}

	public int port() {
		return this.port;
	}

	/**
	 * Where the broker keeps its topics, messages and cluster metadata.
	 * @return the absolute data directory
	 */
	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/**
	 * Whether the broker is running (between a start and a stop).
	 * @return {@code true} if clients can reach it
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Stops the broker gracefully, keeping its data and its port so that
	 * {@link #restart()} brings it back at the same address. Does nothing if it is
	 * stopped already.
	 */
	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		long started = System.nanoTime();
		KafkaRaftServer stopping = this.server;
		this.server = null;
		stopping.shutdown();
		stopping.awaitShutdown();
		logger.info("Kafka broker at {} stopped in {}", bootstrapServers(), Durations.since(started));
	}

	/**
	 * Starts the broker again with the same port and the same data. Does nothing if it is
	 * running.
	 * @throws PortInUseException if something else took the port meanwhile
	 */
	public synchronized void restart() {
		if (this.closed) {
			throw new IllegalStateException("Kafka broker at " + bootstrapServers() + " is closed");
		}
		if (this.server == null) {
			Ports.requireAvailable(this.port, "Kafka broker");
			startServer();
		}
	}

	/**
	 * Stops the broker; for a {@link #startTemporary() temporary} one also deletes its
	 * data directory.
	 */
	@Override
	public void close() {
		closeQuietly();
		ShutdownHooks.unregister(this.shutdownHook);
	}

	private synchronized void closeQuietly() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			stop();
		}
		finally {
			if (this.temporary) {
				deleteRecursively(this.dataDirectory);
			}
		}
	}

	private void shutDownWithJvm() {
		try {
			closeQuietly();
		}
		catch (RuntimeException ex) {
			logger.warn("Kafka broker at {} did not stop cleanly", bootstrapServers(), ex);
		}
	}

	private void releaseAfterFailedStart() {
		this.closed = true;
		ShutdownHooks.unregister(this.shutdownHook);
		if (this.temporary) {
			deleteRecursively(this.dataDirectory);
		}
	}

	private synchronized void startServer() {
		QuietLogging.quiet(QuietLogging.KAFKA);
		long started = System.nanoTime();
		Properties properties = serverProperties();
		KafkaConfig config = new KafkaConfig(properties, false);
		formatIfNew(config);
		KafkaRaftServer starting = null;
		try {
			starting = new KafkaRaftServer(config, Time.SYSTEM);
			starting.startup();
		}
		catch (RuntimeException ex) {
			shutDownAfterFailure(starting);
			if (Ports.isBindFailure(ex)) {
				throw portInUse(ex);
			}
			throw new IllegalStateException(
					"Kafka broker could not start with its data in " + this.dataDirectory + ": " + ex.getMessage(), ex);
		}
		this.server = starting;
		logger.info("Kafka broker (KRaft, in-process) started at {} in {} with its data in {}", bootstrapServers(),
				Durations.since(started), this.dataDirectory);
	}

	private PortInUseException portInUse(Throwable cause) {
		if (Ports.available(this.port) && !Ports.available(this.controllerPort)) {
			return new PortInUseException(this.controllerPort, "Kafka controller", cause);
		}
		return new PortInUseException(this.port, "Kafka broker", cause);
	}

	private static void shutDownAfterFailure(KafkaRaftServer server) {
		if (server == null) {
			return;
		}
		try {
			server.shutdown();
			server.awaitShutdown();
		}
		catch (RuntimeException ex) {
			logger.debug("Kafka broker did not shut down cleanly after a failed start", ex);
		}
	}

	private Properties serverProperties() {
		String host = Ports.LOOPBACK;
		int replicas = this.node.replicationFactor();
		String minInSync = String.valueOf(this.node.minInSyncReplicas());
		Properties properties = new Properties();
		// A node that is broker and controller at once, on loopback only.
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", String.valueOf(this.node.nodeId()));
		properties.put("controller.quorum.voters", this.node.quorumVoters());
		String listeners = BROKER_LISTENER + "://" + host + ":" + this.port + "," + CONTROLLER_LISTENER + "://" + host
				+ ":" + this.controllerPort;
		String advertised = BROKER_LISTENER + "://" + host + ":" + this.port;
		String protocols = BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT";
		if (this.proxiedPort != 0) {
			// A client that connected to this listener is told of the proxy's address.
			listeners += "," + PROXIED_LISTENER + "://" + host + ":" + this.proxiedPort;
			advertised += "," + PROXIED_LISTENER + "://" + this.proxiedAddress;
			protocols += "," + PROXIED_LISTENER + ":PLAINTEXT";
		}
		properties.put("listeners", listeners);
		properties.put("advertised.listeners", advertised);
		properties.put("listener.security.protocol.map", protocols);
		properties.put("controller.listener.names", CONTROLLER_LISTENER);
		properties.put("inter.broker.listener.name", BROKER_LISTENER);
		properties.put("log.dirs", this.dataDirectory.toString());
		// One replica of everything on a single node; on a cluster of three, three, of
		// which two must have a write before it is acknowledged (acks=all).
		properties.put("num.partitions", "3");
		properties.put("default.replication.factor", String.valueOf(replicas));
		properties.put("min.insync.replicas", minInSync);
		properties.put("auto.create.topics.enable", "true");
		properties.put("offsets.topic.replication.factor", String.valueOf(replicas));
		properties.put("offsets.topic.num.partitions", "5");
		properties.put("transaction.state.log.replication.factor", String.valueOf(replicas));
		properties.put("transaction.state.log.min.isr", minInSync);
		properties.put("transaction.state.log.num.partitions", "5");
		properties.put("share.coordinator.state.topic.replication.factor", String.valueOf(replicas));
		properties.put("share.coordinator.state.topic.min.isr", minInSync);
		properties.put("share.coordinator.state.topic.num.partitions", "1");
		// A replica that lost its leader's writes never becomes leader.
		properties.put("unclean.leader.election.enable", "false");
		properties.put("group.initial.rebalance.delay.ms", "0");
		properties.put("auto.leader.rebalance.enable", "false");
		// Fast to start and to stop, light on a developer's machine.
		properties.put("broker.heartbeat.interval.ms", "500");
		properties.put("controller.quorum.election.timeout.ms", "500");
		properties.put("num.network.threads", "2");
		properties.put("num.io.threads", "4");
		properties.put("background.threads", "4");
		properties.put("num.recovery.threads.per.data.dir", "1");
		properties.put("log.cleaner.threads", "1");
		properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
		return properties;
	}

	private void formatIfNew(KafkaConfig config) {
		if (Files.exists(this.dataDirectory.resolve("meta.properties"))) {
			return;
		}
		String clusterId = this.node.clusterId().orElseGet(() -> Uuid.randomUuid().toString());
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			new Formatter().setPrintStream(printStream)
				.setNodeId(this.node.nodeId())
				.setClusterId(clusterId)
				.setControllerListenerName(CONTROLLER_LISTENER)
				.setMetadataLogDirectory(config.metadataLogDir())
				.setDirectories(List.of(this.dataDirectory.toString()))
				.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not format " + this.dataDirectory + " for Kafka", ex);
		}
		logger.debug("Formatted {} for Kafka cluster {}: {}", this.dataDirectory, clusterId,
				output.toString(StandardCharsets.UTF_8).strip());
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			logger.warn("Could not delete {}", directory, ex);
		}
	}

	@Override
	public String toString() {
		return "EmbeddedKafka[" + bootstrapServers() + ", " + this.dataDirectory + "]";
	}

	static final class Durations {

		private Durations() {
		}

		static String since(long startedNanos) {
			Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
			return String.format(Locale.ROOT, "%.2f s", elapsed.toMillis() / 1000.0);
		}

	}

}

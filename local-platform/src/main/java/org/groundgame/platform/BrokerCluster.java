package org.groundgame.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.groundgame.infrastructure.embedded.KafkaClusterNode;
import org.groundgame.infrastructure.embedded.KafkaNode;

/**
 * Three Apache Kafka nodes in KRaft mode, each its own process (broker and controller at
 * once, the controller quorum of three), for {@code ./run-local.sh --cluster}: topics get
 * three replicas and a write needs two, so one node can die ({@code kill -9}) while the
 * platform goes on. A node that dies is started again by its supervisor, with the same
 * ports and data. The cluster's id is kept in its data folder, so a restart of the
 * platform keeps topics and messages.
 */
final class BrokerCluster implements AutoCloseable {

	static final int NODES = 3;

	/** Each node's JVM: a small heap, the serial collector; the machine runs 17 JVMs. */
	private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
			"-XX:+ExitOnOutOfMemoryError");

	private static final Duration RESTART_DELAY = Duration.ofSeconds(1);

	private final List<Node> nodes = new ArrayList<>();

	private final Consumer<String> output;

	private volatile boolean closed;

	private BrokerCluster(Consumer<String> output) {
		this.output = output;
	}

	/**
	 * Starts the three nodes and returns once every one is a broker of the cluster.
	 * @param dataDirectory where each node keeps its data ({@code node-1} …
	 * {@code node-3}) and the cluster's id
	 * @param firstPort the first node's client port, the others the next two; 0 for free
	 * ports
	 * @param logDirectory where each node's output goes
	 * @param timeout how long to wait for the three
	 * @param output where progress is told
	 * @return the running cluster
	 */
	static BrokerCluster start(Path dataDirectory, int firstPort, Path logDirectory, Duration timeout,
			Consumer<String> output) {
		String clusterId = clusterId(dataDirectory);
		List<Integer> ports = new ArrayList<>();
		Set<Integer> taken = new HashSet<>();
		for (int i = 0; i < NODES; i++) {
			int port = (firstPort == 0) ? PortCheck.freePortNotIn(taken) : firstPort + i;
			taken.add(port);
			ports.add(port);
		}
		List<KafkaClusterNode.Voter> voters = new ArrayList<>();
		for (int i = 0; i < NODES; i++) {
			voters.add(new KafkaClusterNode.Voter(i + 1, PortCheck.freePortNotIn(taken)));
		}
		BrokerCluster cluster = new BrokerCluster(output);
		for (int i = 0; i < NODES; i++) {
			int nodeId = i + 1;
			cluster.nodes.add(cluster.new Node(nodeId, ports.get(i),
					command(nodeId, ports.get(i), voters, clusterId, dataDirectory.resolve("node-" + nodeId)),
					logDirectory.resolve("kafka-node-" + nodeId + ".log")));
		}
		try {
			cluster.nodes.forEach(Node::start);
			cluster.awaitBrokers(NODES, timeout);
			return cluster;
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	/**
	 * The address clients start from: every node, so that any one may be down.
	 * @return e.g. {@code 127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094}
	 */
	String bootstrapServers() {
		return this.nodes.stream().map((node) -> PortCheck.LOOPBACK + ":" + node.port).collect(Collectors.joining(","));
	}

	/**
	 * The operating system's id of a node's current process.
	 * @param nodeId 1 to 3
	 * @return its pid, or -1 while it has none
	 */
	long pid(int nodeId) {
		Process process = node(nodeId).process;
		return (process != null) ? process.pid() : -1;
	}

	/**
	 * Kills a node at once, like {@code kill -9}; its supervisor starts it again.
	 * @param nodeId 1 to 3
	 */
	void kill(int nodeId) {
		Process process = node(nodeId).process;
		if (process != null) {
			process.destroyForcibly();
			process.onExit().join();
		}
	}

	/**
	 * How often a node was started again after it died.
	 * @param nodeId 1 to 3
	 * @return its restarts
	 */
	int restarts(int nodeId) {
		return node(nodeId).restarts;
	}

	/**
	 * Waits until the cluster has a number of live brokers.
	 * @param brokers how many
	 * @param timeout how long to wait
	 */
	void awaitBrokers(int brokers, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
		try (Admin admin = Admin.create(properties)) {
			while (true) {
				for (Node node : this.nodes) {
					node.requireNotExitedWhileStarting();
				}
				try {
					if (admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size() >= brokers) {
						return;
					}
				}
				catch (ExecutionException | TimeoutException ex) {
					// Not up yet.
				}
				if (System.nanoTime() - deadline > 0) {
					throw new PlatformStartException("The Kafka cluster did not have " + brokers + " brokers within "
							+ timeout.toSeconds() + " s: see " + this.nodes.get(0).log.getParent());
				}
				Thread.sleep(ServiceProcess.POLL_INTERVAL);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformStartException("Interrupted while waiting for the Kafka cluster", ex);
		}
	}

	/** Stops every node gracefully (its shutdown hook), forcibly after a while. */
	@Override
	public void close() {
		this.closed = true;
		for (Node node : this.nodes) {
			Process process = node.process;
			if (process != null) {
				process.destroy();
			}
		}
		for (Node node : this.nodes) {
			Process process = node.process;
			if (process != null) {
				try {
					if (!process.waitFor(30, TimeUnit.SECONDS)) {
						process.destroyForcibly().waitFor();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					process.destroyForcibly();
				}
			}
		}
	}

	@Override
	public String toString() {
		return "the Kafka cluster at " + bootstrapServers();
	}

	private Node node(int nodeId) {
		if (nodeId < 1 || nodeId > this.nodes.size()) {
			throw new IllegalArgumentException("No Kafka node " + nodeId + ": they are 1 to " + this.nodes.size());
		}
		return this.nodes.get(nodeId - 1);
	}

	private static List<String> command(int nodeId, int port, List<KafkaClusterNode.Voter> voters, String clusterId,
			Path dataDirectory) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		command.add("-cp");
		command.add(classPath());
		command.add(KafkaNode.class.getName());
		command.add("--node-id=" + nodeId);
		command.add("--port=" + port);
		command.add("--controller-port=" + voters.get(nodeId - 1).controllerPort());
		command.add("--cluster-id=" + clusterId);
		command.add("--voters=" + voters.stream()
			.map((voter) -> voter.nodeId() + "@" + PortCheck.LOOPBACK + ":" + voter.controllerPort())
			.collect(Collectors.joining(",")));
		command.add("--data-dir=" + dataDirectory.toAbsolutePath());
		return command;
	}

	/** This launcher's own class path, absolute: the node runs from the same jars. */
	private static String classPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.map((entry) -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
	}

	/** The cluster's id, made the first time and kept beside the nodes' data. */
	private static String clusterId(Path dataDirectory) {
		Path file = dataDirectory.resolve("cluster.id");
		try {
			Files.createDirectories(dataDirectory);
			if (Files.isRegularFile(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).strip();
			}
			String id = Uuid.randomUuid().toString();
			Files.writeString(file, id, StandardCharsets.UTF_8);
			return id;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not keep the Kafka cluster's id in " + file, ex);
		}
	}

	/** One node's process, started again when it dies (until the cluster closes). */
	private final class Node {

		private final int nodeId;

		private final int port;

		private final List<String> command;

		private final Path log;

		private volatile Process process;

		private volatile int restarts;

		Node(int nodeId, int port, List<String> command, Path log) {
			this.nodeId = nodeId;
			this.port = port;
			this.command = command;
			this.log = log;
		}

		void start() {
			try {
				Files.createDirectories(this.log.getParent());
				ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
				builder.environment().keySet().removeIf((name) -> name.equals("JAVA_TOOL_OPTIONS"));
				Process started = builder.start();
				this.process = started;
				started.onExit().thenRun(() -> exited(started));
			}
			catch (IOException ex) {
				throw new PlatformStartException("Could not start Kafka node " + this.nodeId + ": " + ex.getMessage(),
						ex);
			}
		}

		void requireNotExitedWhileStarting() {
			Process current = this.process;
			if (current != null && !current.isAlive() && this.restarts == 0) {
				throw new PlatformStartException("Kafka node " + this.nodeId + " exited with code "
						+ current.exitValue() + " while starting: see " + this.log + lastLines());
			}
		}

		private String lastLines() {
			return System.lineSeparator() + String.join(System.lineSeparator(),
					LogTail.of(this.log, 20).stream().map((line) -> "  | " + line).toList());
		}

		private void exited(Process exited) {
			if (BrokerCluster.this.closed || exited != this.process) {
				return;
			}
			BrokerCluster.this.output.accept("Kafka node " + this.nodeId + " (pid " + exited.pid()
					+ ") exited with code " + exited.exitValue() + ": starting it again");
			try {
				Thread.sleep(RESTART_DELAY);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (BrokerCluster.this.closed) {
				return;
			}
			this.restarts++;
			start();
		}

	}

}

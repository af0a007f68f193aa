package org.groundgame.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.apache.kafka.common.utils.AppInfoParser;
import org.groundgame.infrastructure.embedded.EmbeddedKafka;
import org.groundgame.infrastructure.embedded.EmbeddedMongo;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The one Kafka broker and the one MongoDB-wire server of this test JVM, started on first
 * use and shared by every test class and every Spring context.
 * <p>
 * Where a Docker engine answers they are Testcontainers ({@code apache/kafka} and
 * {@code mongo}); otherwise an in-process Apache Kafka broker (KRaft) and
 * mongo-java-server. The system property {@value #MODE_PROPERTY} (or the environment
 * variable {@value #MODE_ENVIRONMENT_VARIABLE}) set to {@code embedded} or {@code docker}
 * overrides the choice. One line on standard output says which ran and why.
 * <p>
 * The in-process servers stop, and their temporary data is deleted, in a JVM shutdown
 * hook; containers are removed by Testcontainers' own reaper when the JVM exits.
 */
public final class TestInfrastructure {

	/** System property that overrides the choice: {@code embedded} or {@code docker}. */
	public static final String MODE_PROPERTY = "groundgame.test.infrastructure";

	/**
	 * Environment variable that overrides the choice, if the system property is not set.
	 */
	public static final String MODE_ENVIRONMENT_VARIABLE = "GROUNDGAME_TEST_INFRASTRUCTURE";

	private static TestInfrastructure instance;

	private static Choice choice;

	private final Infrastructure infrastructure;

	private final String description;

	private TestInfrastructure(Infrastructure infrastructure, String reason, Duration startup) {
		this.infrastructure = infrastructure;
		this.description = "Ground Game test infrastructure: " + infrastructure.describe() + " (" + reason
				+ "; started in " + String.format(Locale.ROOT, "%.1f s", startup.toMillis() / 1000.0) + ")";
	}

	/**
	 * The infrastructure of this JVM, started on the first call.
	 * @return the per-JVM singleton
	 */
	public static synchronized TestInfrastructure get() {
		if (instance == null) {
			Choice choice = choice();
			long started = System.nanoTime();
			Infrastructure infrastructure = choice.docker() ? Containers.start() : InProcess.start();
			instance = new TestInfrastructure(infrastructure, choice.reason(),
					Duration.ofNanos(System.nanoTime() - started));
			System.out.println(instance.description);
		}
		return instance;
	}

	/**
	 * Whether this JVM's infrastructure is (or will be) Docker containers, deciding once
	 * without starting anything.
	 */
	static synchronized boolean usesDocker() {
		return choice().docker();
	}

	private static synchronized Choice choice() {
		if (choice == null) {
			choice = Choice.decide();
		}
		return choice;
	}

	public String kafkaBootstrapServers() {
		return this.infrastructure.kafkaBootstrapServers();
	}

	/**
	 * The MongoDB connection string, without a database name: each application keeps its
	 * own.
	 * @return {@code mongodb://HOST:PORT}
	 */
	public String mongoConnectionString() {
		return this.infrastructure.mongoConnectionString();
	}

	/**
	 * What runs and why, in one line.
	 * @return the description printed when the infrastructure started
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Makes the broker unreachable, to test what happens while Kafka is down: the
	 * in-process broker is stopped, the container paused.
	 */
	public void stopKafka() {
		this.infrastructure.stopKafka();
	}

	/** Brings the broker back at the same address. */
	public void startKafka() {
		this.infrastructure.startKafka();
	}

	/** The Kafka container, in Docker mode. */
	KafkaContainer kafkaContainer() {
		return ((Containers) this.infrastructure).kafka;
	}

	/** The MongoDB container, in Docker mode. */
	MongoDBContainer mongoContainer() {
		return ((Containers) this.infrastructure).mongo;
	}

	@Override
	public String toString() {
		return this.description;
	}

	private record Choice(boolean docker, String reason) {

		static Choice decide() {
			String property = System.getProperty(MODE_PROPERTY);
			String configured = (property != null) ? property : System.getenv(MODE_ENVIRONMENT_VARIABLE);
			String source = (property != null) ? MODE_PROPERTY : MODE_ENVIRONMENT_VARIABLE;
			if (configured != null && !configured.isBlank()) {
				return switch (configured.strip().toLowerCase(Locale.ROOT)) {
					case "embedded" -> new Choice(false, "chosen by " + source + "=embedded");
					case "docker" -> new Choice(true, "chosen by " + source + "=docker");
					default -> throw new IllegalArgumentException(
							source + " must be 'embedded' or 'docker', not '" + configured + "'");
				};
			}
			return dockerAnswers() ? new Choice(true, "a Docker engine answered")
					: new Choice(false, "no Docker engine answered");
		}

		private static boolean dockerAnswers() {
			if (!dockerMayBeThere()) {
				// Spares machines without Docker Testcontainers' search and its error
				// report.
				return false;
			}
			try {
				return DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException | LinkageError ex) {
				return false;
			}
		}

	}

	/**
	 * Whether anything on this machine points to a Docker (or Podman) engine: the
	 * variables and sockets Testcontainers looks for, or its own configuration file.
	 */
	static boolean dockerMayBeThere() {
		if (System.getProperty("os.name", "").startsWith("Windows")) {
			return true;
		}
		for (String variable : List.of("DOCKER_HOST", "TESTCONTAINERS_HOST_OVERRIDE",
				"TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE")) {
			if (System.getenv(variable) != null) {
				return true;
			}
		}
		Path home = Path.of(System.getProperty("user.home"));
		List<Path> candidates = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"),
				Path.of("/run/podman/podman.sock"), home.resolve(".testcontainers.properties"),
				home.resolve(".docker/run/docker.sock"), home.resolve(".docker/desktop/docker.sock"),
				home.resolve(".colima/default/docker.sock"), home.resolve(".rd/docker.sock")));
		String runtimeDirectory = System.getenv("XDG_RUNTIME_DIR");
		if (runtimeDirectory != null) {
			candidates.add(Path.of(runtimeDirectory, "docker.sock"));
			candidates.add(Path.of(runtimeDirectory, "podman", "podman.sock"));
		}
		return candidates.stream().anyMatch(Files::exists);
	}

	private interface Infrastructure {

		String kafkaBootstrapServers();

		String mongoConnectionString();

		void stopKafka();

		void startKafka();

		String describe();

	}

	private static final class InProcess implements Infrastructure {

		private final EmbeddedKafka kafka;

		private final EmbeddedMongo mongo;

		private InProcess(EmbeddedKafka kafka, EmbeddedMongo mongo) {
			this.kafka = kafka;
			this.mongo = mongo;
		}

		static InProcess start() {
			EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
			try {
				return new InProcess(EmbeddedKafka.startTemporary(), mongo);
			}
			catch (RuntimeException ex) {
				mongo.close();
				throw ex;
			}
		}

		@Override
		public String kafkaBootstrapServers() {
			return this.kafka.bootstrapServers();
		}

		@Override
		public String mongoConnectionString() {
			return this.mongo.connectionString();
		}

		@Override
		public void stopKafka() {
			this.kafka.stop();
		}

		@Override
		public void startKafka() {
			this.kafka.restart();
		}

		@Override
		public String describe() {
			return "in-process Apache Kafka " + AppInfoParser.getVersion() + " (KRaft) at "
					+ this.kafka.bootstrapServers() + " and mongo-java-server at 127.0.0.1:" + this.mongo.port();
		}

	}

	private static final class Containers implements Infrastructure {

		private final KafkaContainer kafka;

		private final MongoDBContainer mongo;

		private final Images images;

		private boolean kafkaPaused;

		private Containers(Images images) {
			this.images = images;
			this.kafka = new SharedKafkaContainer(images.kafka());
			this.mongo = new SharedMongoContainer(images.mongo());
		}

		static Containers start() {
			Containers containers = new Containers(Images.load());
			try {
				Startables.deepStart(containers.kafka, containers.mongo).join();
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("Could not start the test containers " + containers.images + "; set "
						+ MODE_PROPERTY + "=embedded to run in-process instead", ex);
			}
			return containers;
		}

		@Override
		public String kafkaBootstrapServers() {
			return this.kafka.getBootstrapServers();
		}

		@Override
		public String mongoConnectionString() {
			return this.mongo.getConnectionString();
		}

		@Override
		public synchronized void stopKafka() {
			if (!this.kafkaPaused) {
				DockerClientFactory.instance().client().pauseContainerCmd(this.kafka.getContainerId()).exec();
				this.kafkaPaused = true;
			}
		}

		@Override
		public synchronized void startKafka() {
			if (this.kafkaPaused) {
				DockerClientFactory.instance().client().unpauseContainerCmd(this.kafka.getContainerId()).exec();
				this.kafkaPaused = false;
			}
		}

		@Override
		public String describe() {
			return "Testcontainers " + this.images.kafka() + " at " + kafkaBootstrapServers() + " and "
					+ this.images.mongo() + " at " + mongoConnectionString();
		}

	}

	/**
	 * A container that every Spring context of the JVM shares: closing a context must not
	 * stop it (Boot's Testcontainers support stops container beans with their context,
	 * even those declared with no destroy method). Testcontainers' reaper removes it when
	 * the JVM exits.
	 */
	private static final class SharedKafkaContainer extends KafkaContainer {

		SharedKafkaContainer(String image) {
			super(image);
		}

		@Override
		public void stop() {
		}

	}

	/** Like {@link SharedKafkaContainer}, for MongoDB. */
	private static final class SharedMongoContainer extends MongoDBContainer {

		SharedMongoContainer(String image) {
			super(image);
		}

		@Override
		public void stop() {
		}

	}

	/** The images named once, in the parent build's properties. */
	private record Images(String kafka, String mongo) {

		private static final String RESOURCE = "groundgame-test-infrastructure.properties";

		static Images load() {
			Properties properties = new Properties();
			try (InputStream input = TestInfrastructure.class.getResourceAsStream(RESOURCE)) {
				if (input == null) {
					throw new IllegalStateException(RESOURCE + " is missing from test-support");
				}
				properties.load(input);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new Images(properties.getProperty("kafka.image"), properties.getProperty("mongo.image"));
		}

		@Override
		public String toString() {
			return this.kafka + " and " + this.mongo;
		}

	}

}

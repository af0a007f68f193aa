package org.groundgame.infrastructure.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server speaking the MongoDB wire protocol inside this JVM (mongo-java-server),
 * listening on 127.0.0.1 only. It has no multi-document transactions, change streams or
 * text search; the platform needs none of them.
 * <p>
 * A JVM shutdown hook closes it if the application does not, so that a persistent store
 * writes its last changes to disk.
 */
public final class EmbeddedMongo implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedMongo.class);

	/**
	 * The drivers of MongoDB 5+ refuse servers older than 4.0; 5.0 is the newest we can
	 * claim.
	 */
	private static final ServerVersion SERVER_VERSION = ServerVersion.MONGO_5_0;

	private final MongoServer server;

	private final int port;

	private final String description;

	private final Thread shutdownHook;

	private boolean closed;

	private EmbeddedMongo(MongoBackend backend, int requestedPort, String description) {
		this.description = description;
		QuietLogging.quiet(QuietLogging.MONGO_JAVA_SERVER);
		this.server = new MongoServer(backend.version(SERVER_VERSION));
		try {
			if (requestedPort != 0) {
				Ports.requireAvailable(requestedPort, "MongoDB-wire server");
			}
			this.server.bind(Ports.LOOPBACK, requestedPort);
		}
		catch (RuntimeException ex) {
			// Shutting the server down closes its backend too.
			this.server.shutdownNow();
			if (ex instanceof PortInUseException) {
				throw ex;
			}
			if (Ports.isBindFailure(ex)) {
				throw new PortInUseException(requestedPort, "MongoDB-wire server", ex);
			}
			throw ex;
		}
		this.port = this.server.getLocalAddress().getPort();
		this.shutdownHook = ShutdownHooks.register("embedded-mongo-shutdown-" + this.port, this::closeQuietly);
		logger.info("mongo-java-server ({}) listening at {}", description, connectionString());
	}

	/**
	 * Starts a server that keeps its data in memory only.
	 * @param port the port, or 0 for a free one
	 * @return the running server
	 * @throws PortInUseException if {@code port} is taken
	 */
	public static EmbeddedMongo inMemory(int port) {
		return new EmbeddedMongo(new HelloMemoryBackend(), port, "in memory");
	}

	/**
	 * Starts a server that keeps its data in one H2 MVStore file, so that documents
	 * survive a restart of the process.
	 * @param file the store file; created, with its parent directories, if missing
	 * @param port the port, or 0 for a free one
	 * @return the running server
	 * @throws PortInUseException if {@code port} is taken
	 */
	public static EmbeddedMongo persistent(Path file, int port) {
		Path absolute = file.toAbsolutePath();
		try {
			if (absolute.getParent() != null) {
				Files.createDirectories(absolute.getParent());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the directory of " + absolute, ex);
		}
		if (port != 0) {
			// Opening the store locks its file; fail on the port before that.
			Ports.requireAvailable(port, "MongoDB-wire server");
		}
		return new EmbeddedMongo(new HelloH2Backend(absolute.toString()), port, "stored in " + absolute);
	}

	/**
	 * The address clients connect to, without a database name.
	 * @return {@code mongodb://127.0.0.1:PORT}
	 */
	public String connectionString() {
		return "mongodb://" + Ports.LOOPBACK + ":" + this.port;
	}

	public int port() {
		return this.port;
	}

	/** Stops listening and closes the store, writing a persistent one to disk. */
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
		this.server.shutdownNow();
		logger.info("mongo-java-server ({}) at {} closed", this.description, connectionString());
	}

	@Override
	public String toString() {
		return "EmbeddedMongo[" + connectionString() + ", " + this.description + "]";
	}

	/**
	 * Answers {@code hello}, the handshake command of MongoDB 4.4.2 and newer, as the
	 * legacy {@code isMaster} that mongo-java-server knows, with the newer name of its
	 * primary flag ({@code isWritablePrimary}). Spring Boot's
	 * {@code MongoHealthIndicator} runs {@code hello}; without this every service on the
	 * embedded store reported its health {@code DOWN} while the store served every read
	 * and write.
	 * @param backend the backend that answers {@code isMaster}
	 * @param channel the client's channel
	 * @param database the database the command was sent to
	 * @return its answer
	 */
	static Document hello(HelloAnswering backend, Channel channel, String database, Document query) {
		Document answer = backend.answer(channel, database, "isMaster", query);
		Object primary = answer.get("ismaster");
		answer.put("isWritablePrimary", (primary != null) ? primary : Boolean.TRUE);
		answer.put("helloOk", Boolean.TRUE);
		return answer;
	}

	/** A backend's own command handling, for {@link #hello}. */
	interface HelloAnswering {

		Document answer(Channel channel, String database, String command, Document query);

	}

	private static final class HelloMemoryBackend extends MemoryBackend implements HelloAnswering {

		@Override
		public Document handleCommand(Channel channel, String database, String command, Document query) {
			return "hello".equalsIgnoreCase(command) ? hello(this, channel, database, query)
					: super.handleCommand(channel, database, command, query);
		}

		@Override
		public Document answer(Channel channel, String database, String command, Document query) {
			return super.handleCommand(channel, database, command, query);
		}

	}

	private static final class HelloH2Backend extends H2Backend implements HelloAnswering {

		HelloH2Backend(String file) {
			super(file);
		}

		@Override
		public Document handleCommand(Channel channel, String database, String command, Document query) {
			return "hello".equalsIgnoreCase(command) ? hello(this, channel, database, query)
					: super.handleCommand(channel, database, command, query);
		}

		@Override
		public Document answer(Channel channel, String database, String command, Document query) {
			return super.handleCommand(channel, database, command, query);
		}

	}

}

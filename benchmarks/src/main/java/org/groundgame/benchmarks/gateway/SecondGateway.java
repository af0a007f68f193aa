package org.groundgame.benchmarks.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A second gateway beside a running one: the same command line (JVM options, services'
 * addresses, token issuer) with another jar, such as the build before a change, on a free
 * port of its own. Both then stand in front of the same services, and one run measures
 * both: an A/B comparison on the same machine at the same time.
 */
public final class SecondGateway implements AutoCloseable {

	private final Process process;

	private final URI uri;

	private SecondGateway(Process process, URI uri) {
		this.process = process;
		this.uri = uri;
	}

	/**
	 * Starts the jar with the running gateway's command line, on a free port, and waits
	 * until it is ready.
	 * @param running the running gateway's process
	 * @param jar the other gateway's jar
	 * @param log where its output goes
	 * @param timeout how long its start-up may take
	 * @return the started gateway
	 */
	public static SecondGateway start(ProcessHandle running, Path jar, Path log, Duration timeout)
			throws InterruptedException {
		String command = running.info()
			.command()
			.orElseThrow(() -> new IllegalStateException(
					"Cannot read the command line of the gateway (pid " + running.pid() + ")"));
		String[] arguments = running.info().arguments().orElseThrow();
		int port = freePort();
		List<String> line = new ArrayList<>();
		line.add(command);
		for (int i = 0; i < arguments.length; i++) {
			String argument = arguments[i];
			if (argument.equals("-jar") && i + 1 < arguments.length) {
				line.add(argument);
				line.add(jar.toAbsolutePath().toString());
				i++;
			}
			else if (argument.startsWith("--server.port=")) {
				line.add("--server.port=" + port);
			}
			else {
				line.add(argument);
			}
		}
		Process process;
		try {
			process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		SecondGateway gateway = new SecondGateway(process, URI.create("http://127.0.0.1:" + port));
		try {
			gateway.awaitReady(timeout);
		}
		catch (RuntimeException | InterruptedException ex) {
			gateway.close();
			throw ex;
		}
		return gateway;
	}

	public URI uri() {
		return this.uri;
	}

	public long pid() {
		return this.process.pid();
	}

	private void awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
			HttpRequest readiness = HttpRequest.newBuilder(this.uri.resolve("/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(5))
				.build();
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("The second gateway stopped during its start-up (exit status "
							+ this.process.exitValue() + ")");
				}
				try {
					if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// Not listening yet.
				}
				Thread.sleep(500);
			}
		}
		throw new IllegalStateException("The second gateway was not ready within " + timeout.toSeconds() + " s");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}

package org.groundgame.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service's process in the supervisor's tests: a JVM that answers
 * {@code /actuator/health/readiness}, {@code /actuator/health/liveness} and
 * {@code /actuator/info} (with its pid) on the port given as {@code --server.port=N}, or
 * exits at once as a Spring application does in an AOT cache's training run
 * ({@code -Dspring.context.exit=onRefresh}), or fails at once, or never gets ready, or
 * stops answering once a file appears ({@code --hang-when FILE}, like a deadlocked JVM),
 * when told to. Packed into a jar by {@link FakeServiceJar}, it takes further options
 * from the jar's manifest, and does what Spring Boot's tools jar mode does with
 * {@code java -Djarmode=tools -jar x.jar extract --destination DIR}: a runnable
 * {@code DIR/x.jar} and a {@code DIR/lib} folder.
 */
final class FakeService {

	static final String OPTIONS_ATTRIBUTE = "Fake-Service-Options";

	/** The token a fake service's token endpoint hands out. */
	static final String ACCESS_TOKEN = "fake-access-token";

	private FakeService() {
	}

	public static void main(String[] arguments) throws IOException, InterruptedException {
		Path location = location();
		List<String> options = new ArrayList<>(List.of(arguments));
		options.addAll(manifestOptions(location));
		if ("tools".equals(System.getProperty("jarmode"))) {
			extract(location, options);
			return;
		}
		if (options.contains("--hang")) {
			System.out.println("Starting the fake service, slowly");
			Thread.sleep(Long.MAX_VALUE);
		}
		if (options.contains("--fail")) {
			System.out.println("Starting the fake service");
			System.out.println("APPLICATION FAILED TO START: the fake service was told to fail");
			System.exit(3);
		}
		if ("onRefresh".equals(System.getProperty("spring.context.exit"))) {
			// A training run of its AOT cache: Spring stops once the context is
			// refreshed, before serving anything.
			System.out.println("The fake service was trained, running from " + location);
			return;
		}
		int port = options.stream()
			.filter((option) -> option.startsWith("--server.port="))
			.map((option) -> Integer.parseInt(option.substring("--server.port=".length())))
			.findFirst()
			.orElseThrow();
		int hangWhen = options.indexOf("--hang-when");
		Path hangTrigger = (hangWhen >= 0) ? Path.of(options.get(hangWhen + 1)) : null;
		AtomicBoolean hung = new AtomicBoolean();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		server.createContext("/actuator/health/readiness",
				(exchange) -> answer(exchange, "{\"status\":\"UP\"}", hangTrigger, hung));
		server.createContext("/actuator/health/liveness",
				(exchange) -> answer(exchange, "{\"status\":\"UP\"}", hangTrigger, hung));
		server.createContext("/actuator/info", (exchange) -> answer(exchange,
				"{\"process\":{\"pid\":" + ProcessHandle.current().pid() + "}}", hangTrigger, hung));
		// Any other request, such as the launcher's first requests through the gateway,
		// is
		// answered and written down.
		server.createContext("/oauth2/token", (exchange) -> {
			System.out.println("The fake service answered " + requestLine(exchange));
			answer(exchange, "{\"access_token\":\"" + ACCESS_TOKEN + "\"}", hangTrigger, hung);
		});
		server.createContext("/", (exchange) -> {
			System.out.println("The fake service answered " + requestLine(exchange));
			answer(exchange, "{}", hangTrigger, hung);
		});
		server.start();
		System.out.println("The fake service is ready on port " + port + ", running from " + location);
	}

	/** The method, the path with its query, and the bearer token if there is one. */
	static String requestLine(HttpExchange exchange) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		return exchange.getRequestMethod() + " " + exchange.getRequestURI()
				+ ((authorization != null && authorization.startsWith("Bearer ")) ? " (" + authorization + ")" : "");
	}

	/**
	 * Answers, unless the process hangs: once the trigger file appears, the first request
	 * to see it removes it (so that only this process hangs, not the one that replaces
	 * it) and this request and every later one block for good, as in a deadlock; the
	 * server handles requests on one thread, so nothing is answered any more.
	 */
	private static void answer(HttpExchange exchange, String body, Path hangTrigger, AtomicBoolean hung)
			throws IOException {
		if (hangTrigger != null && (hung.get() || Files.deleteIfExists(hangTrigger))) {
			hung.set(true);
			System.out.println("The fake service hangs");
			try {
				Thread.sleep(Long.MAX_VALUE);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		byte[] bytes = body.getBytes();
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	/**
	 * What Spring Boot's {@code extract} leaves: the application's jar and its libraries.
	 */
	private static void extract(Path jar, List<String> options) throws IOException {
		int destination = options.indexOf("--destination");
		if (!options.contains("extract") || destination < 0 || !Files.isRegularFile(jar)) {
			System.out.println("Usage: java -Djarmode=tools -jar x.jar extract --destination DIR");
			System.exit(1);
		}
		Path directory = Path.of(options.get(destination + 1));
		Files.createDirectories(directory.resolve("lib"));
		Files.copy(jar, directory.resolve(jar.getFileName()));
		System.out.println("The fake service extracted " + jar + " into " + directory);
	}

	private static List<String> manifestOptions(Path location) throws IOException {
		if (!Files.isRegularFile(location)) {
			return List.of();
		}
		try (JarFile jar = new JarFile(location.toFile())) {
			String options = jar.getManifest().getMainAttributes().getValue(OPTIONS_ATTRIBUTE);
			return (options == null || options.isBlank()) ? List.of() : Arrays.asList(options.strip().split(" +"));
		}
	}

	/** The jar (or classes folder) this class was loaded from. */
	private static Path location() {
		try {
			return Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The command line that runs this class in a new JVM. */
	static List<String> command(int port, String... extra) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
						"-XX:TieredStopAtLevel=1", "-cp", location().toString(), FakeService.class.getName(),
						"--server.port=" + port));
		command.addAll(List.of(extra));
		return command;
	}

}

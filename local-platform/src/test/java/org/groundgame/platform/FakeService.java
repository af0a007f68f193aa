package org.groundgame.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service's process in the supervisor's tests: a JVM that answers
 * {@code /actuator/health/readiness} and {@code /actuator/info} (with its pid) on the
 * port given as {@code --server.port=N}, or fails at once, or never gets ready, when told
 * to.
 */
final class FakeService {

	private FakeService() {
	}

	public static void main(String[] arguments) throws IOException, InterruptedException {
		List<String> options = List.of(arguments);
		if (options.contains("--hang")) {
			System.out.println("Starting the fake service, slowly");
			Thread.sleep(Long.MAX_VALUE);
		}
		if (options.contains("--fail")) {
			System.out.println("Starting the fake service");
			System.out.println("APPLICATION FAILED TO START: the fake service was told to fail");
			System.exit(3);
		}
		int port = options.stream()
			.filter((option) -> option.startsWith("--server.port="))
			.map((option) -> Integer.parseInt(option.substring("--server.port=".length())))
			.findFirst()
			.orElseThrow();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		server.createContext("/actuator/health/readiness", (exchange) -> {
			byte[] body = "{\"status\":\"UP\"}".getBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.createContext("/actuator/info", (exchange) -> {
			byte[] body = ("{\"process\":{\"pid\":" + ProcessHandle.current().pid() + "}}").getBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		System.out.println("The fake service is ready on port " + port);
	}

	/** The command line that runs this class in a new JVM. */
	static List<String> command(int port, String... extra) {
		try {
			Path classes = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
							"-XX:TieredStopAtLevel=1", "-cp", classes.toString(), FakeService.class.getName(),
							"--server.port=" + port));
			command.addAll(List.of(extra));
			return command;
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

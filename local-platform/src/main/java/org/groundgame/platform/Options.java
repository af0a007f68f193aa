package org.groundgame.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The launcher's command line: {@code [run] [options]}, {@code seed [--gateway URL]} or
 * {@code help}.
 */
final class Options {

	static final String USAGE = """
			Usage: ./run-local.sh [options]
			       java -jar local-platform/target/local-platform.jar [run] [options]
			       java -jar local-platform/target/local-platform.jar seed [--gateway URL]
			       java -jar local-platform.jar aot-cache --service MODULE --jar APP.jar --output APP.aot

			run (the default) builds nothing: it starts the in-process Kafka broker, MongoDB-wire
			store and SMTP mail catcher (with its mailbox page), the four services, the
			identity-service (tokens) and the gateway, seeds the demo data and waits for Ctrl-C. The staff client's secret is made on first start and kept, with
			the demo chapters' clients, in <data-dir>/credentials.properties.
			seed adds the demo data to any running gateway (docker compose, say) where it is missing,
			as the staff client of GROUNDGAME_STAFF_CLIENT_ID/_SECRET or of <repo>/.ground-game.

			Options of run:
			  --data-dir DIR             broker and store data and every log (default: <repo>/.ground-game)
			  --gateway-port N           default 8080
			  --endorsement-port N       default 8081
			  --volunteer-port N         default 8082
			  --training-port N          default 8083 (campaign-training-service)
			  --notification-port N      default 8084
			  --identity-port N          default 8085 (identity-service: the OAuth2 token issuer)
			  --web-port N               default 8086 (web: the site's pages, served through the gateway)
			  --kafka-port N             default 9092
			  --mongodb-port N           default 27017
			  --smtp-port N              default 2525 (the mail catcher: where the e-mails go)
			  --mailbox-port N           default 8025 (the mailbox page: where you read them)
			                             (a port of 0 means any free port)
			  --service-heap SIZE        maximum heap of each service process (default 320m)
			  --no-aot-cache             start the services without their ahead-of-time caches
			                             (JDK 25+: made once per build, after the first start)
			  --startup-timeout SECONDS  how long start-up may take before giving up (default 300)
			  --liveness-timeout SECONDS how long a running service may leave its liveness probe
			                             unanswered before it is taken for hung and restarted
			                             (default 30)
			  --no-seed                  do not seed the demo data
			  --cluster                  the cluster's shape: three Kafka nodes (KRaft), each its own
			                             process, on --kafka-port and the next two, with 3 replicas
			                             of every topic (2 in sync for a write), and two instances
			                             of every service and of web, balanced by the gateway
			  --otlp-endpoint URL        export every process's traces over OTLP/HTTP to a collector,
			                             e.g. http://localhost:4318/v1/traces (every trace recorded)
			  --repository DIR           the Ground Game checkout holding the service jars
			                             (default: the one this launcher was built in)
			Options of seed:
			  --gateway URL              default http://localhost:8080
			aot-cache makes a service's AOT cache (JDK 25+) by a training run of its extracted jar
			against an in-process broker and store, as the Dockerfile's build does.
			""";

	private static final Set<String> RUN_OPTIONS = Set.of("--data-dir", "--gateway-port", "--endorsement-port",
			"--volunteer-port", "--training-port", "--notification-port", "--identity-port", "--web-port",
			"--kafka-port", "--mongodb-port", "--smtp-port", "--mailbox-port", "--service-heap", "--startup-timeout",
			"--liveness-timeout", "--no-seed", "--no-aot-cache", "--cluster", "--otlp-endpoint", "--repository");

	private static final Pattern HEAP = Pattern.compile("[0-9]+[kKmMgG]?");

	private Options() {
	}

	/**
	 * Reads the command line.
	 * @param arguments the arguments after the jar
	 * @param repositoryRoot where the service jars are unless {@code --repository} says
	 * otherwise
	 * @return what to do
	 * @throws UsageException if the arguments make no sense, with a message saying why
	 */
	static Command parse(List<String> arguments, Path repositoryRoot) {
		List<String> remaining = new ArrayList<>(arguments);
		String command = "run";
		if (!remaining.isEmpty() && !remaining.get(0).startsWith("-")) {
			command = remaining.remove(0);
		}
		if (remaining.contains("-h") || remaining.contains("--help")) {
			return new Command.Help();
		}
		return switch (command) {
			case "run" -> new Command.Run(parseRun(split(remaining, RUN_OPTIONS), repositoryRoot));
			case "seed" -> new Command.Seed(parseSeed(split(remaining, Set.of("--gateway"))));
			case "help" -> new Command.Help();
			case "aot-cache" -> parseAotCache(split(remaining, Set.of("--service", "--jar", "--output")));
			default -> throw new UsageException("Unknown command '" + command + "': use run, seed or help");
		};
	}

	private static Settings parseRun(List<String[]> options, Path repositoryRoot) {
		Path repository = repositoryRoot;
		for (String[] option : options) {
			if (option[0].equals("--repository")) {
				repository = Path.of(option[1]);
			}
		}
		Settings settings = Settings.defaults(repository).withAotCache(true);
		for (String[] option : options) {
			String name = option[0];
			String value = option[1];
			settings = switch (name) {
				case "--repository" -> settings;
				case "--data-dir" -> settings.withDataDirectory(Path.of(value));
				case "--kafka-port" -> settings.withKafkaPort(port(name, value));
				case "--mongodb-port" -> settings.withMongoPort(port(name, value));
				case "--smtp-port" -> settings.withSmtpPort(port(name, value));
				case "--mailbox-port" -> settings.withMailboxPort(port(name, value));
				case "--service-heap" -> settings.withServiceJvmOptions(withHeap(settings.serviceJvmOptions(), value));
				case "--startup-timeout" -> settings.withStartupTimeout(seconds(name, value));
				case "--liveness-timeout" -> settings.withLivenessTimeout(seconds(name, value));
				case "--no-seed" -> settings.withDemoData(false);
				case "--no-aot-cache" -> settings.withAotCache(false);
				case "--cluster" -> settings.withCluster(true);
				// A person tracing the local platform wants every trace, not the
				// gateway's
				// one in ten.
				case "--otlp-endpoint" -> settings.withOtlpEndpoint(endpoint(name, value))
					.withProcessArgument("--management.tracing.sampling.probability=1.0");
				default -> settings.withPort(serviceWithPortOption(name), port(name, value));
			};
		}
		return settings;
	}

	private static Command.AotCache parseAotCache(List<String[]> options) {
		Service service = null;
		Path jar = null;
		Path output = null;
		for (String[] option : options) {
			switch (option[0]) {
				case "--service" -> service = java.util.stream.Stream.of(Service.values())
					.filter((candidate) -> candidate.moduleName().equals(option[1]))
					.findFirst()
					.orElseThrow(() -> new UsageException(
							"--service needs a service's module name, not '" + option[1] + "'"));
				case "--jar" -> jar = Path.of(option[1]);
				default -> output = Path.of(option[1]);
			}
		}
		if (service == null || jar == null || output == null) {
			throw new UsageException("aot-cache needs --service, --jar and --output");
		}
		return new Command.AotCache(service, jar.toAbsolutePath(), output.toAbsolutePath());
	}

	private static URI parseSeed(List<String[]> options) {
		URI gateway = URI.create("http://localhost:8080");
		for (String[] option : options) {
			gateway = gatewayUri(option[1]);
		}
		return gateway;
	}

	/**
	 * Pairs each option with its value ({@code --name value} or {@code --name=value}).
	 */
	private static List<String[]> split(List<String> arguments, Set<String> known) {
		List<String[]> options = new ArrayList<>();
		for (int i = 0; i < arguments.size(); i++) {
			String argument = arguments.get(i);
			if (!argument.startsWith("--")) {
				throw new UsageException("Unexpected argument '" + argument + "' (see --help)");
			}
			int equals = argument.indexOf('=');
			String name = (equals > 0) ? argument.substring(0, equals) : argument;
			if (!known.contains(name)) {
				throw new UsageException("Unknown option " + name + " (see --help)");
			}
			if (equals > 0) {
				options.add(new String[] { name, argument.substring(equals + 1) });
			}
			else if (argument.equals("--no-seed") || argument.equals("--no-aot-cache")
					|| argument.equals("--cluster")) {
				options.add(new String[] { argument, "" });
			}
			else if (i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--")) {
				options.add(new String[] { argument, arguments.get(++i) });
			}
			else {
				throw new UsageException(argument + " needs a value (see --help)");
			}
		}
		return options;
	}

	private static Service serviceWithPortOption(String option) {
		for (Service service : Service.values()) {
			if (service.portOption().equals(option)) {
				return service;
			}
		}
		throw new UsageException("Unknown option " + option + " (see --help)");
	}

	private static int port(String option, String value) {
		try {
			int port = Integer.parseInt(value);
			if (port >= 0 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new UsageException(option + " needs a port between 0 and 65535, not '" + value + "'");
	}

	private static java.net.URI endpoint(String option, String value) {
		try {
			java.net.URI uri = new java.net.URI(value);
			if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
				return uri;
			}
		}
		catch (java.net.URISyntaxException ex) {
			// Said below.
		}
		throw new UsageException(
				option + " must be an http(s) address, e.g. http://localhost:4318/v1/traces, not " + value);
	}

	private static Duration seconds(String option, String value) {
		try {
			long seconds = Long.parseLong(value.toLowerCase(Locale.ROOT).replaceFirst("s$", ""));
			if (seconds > 0) {
				return Duration.ofSeconds(seconds);
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new UsageException(option + " needs a number of seconds, not '" + value + "'");
	}

	private static List<String> withHeap(List<String> jvmOptions, String heap) {
		if (!HEAP.matcher(heap).matches()) {
			throw new UsageException("--service-heap needs a size such as 320m or 1g, not '" + heap + "'");
		}
		// The initial heap stays small unless the maximum is smaller still.
		List<String> changed = new ArrayList<>(jvmOptions.stream()
			.filter((option) -> !option.startsWith("-Xmx"))
			.filter((option) -> !option.startsWith("-Xms") || bytes(option.substring(4)) <= bytes(heap))
			.toList());
		changed.add(0, "-Xmx" + heap);
		return changed;
	}

	private static long bytes(String size) {
		char unit = Character.toLowerCase(size.charAt(size.length() - 1));
		long number = Long.parseLong(Character.isDigit(unit) ? size : size.substring(0, size.length() - 1));
		return switch (unit) {
			case 'k' -> number << 10;
			case 'm' -> number << 20;
			case 'g' -> number << 30;
			default -> number;
		};
	}

	private static URI gatewayUri(String value) {
		try {
			URI uri = URI.create(value);
			if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
				return uri;
			}
		}
		catch (IllegalArgumentException ex) {
			// answered below
		}
		throw new UsageException("--gateway needs an http(s) URL such as http://localhost:8080, not '" + value + "'");
	}

	/** What the command line asks for. */
	sealed interface Command {

		record Run(Settings settings) implements Command {
		}

		record Seed(URI gateway) implements Command {
		}

		record Help() implements Command {
		}

		record AotCache(Service service, Path jar, Path output) implements Command {
		}

	}

	/** A command line that makes no sense; its message says why. */
	static final class UsageException extends IllegalArgumentException {

		UsageException(String message) {
			super(message);
		}

	}

}

package org.groundgame.benchmarks;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the gateway benchmark runs.
 *
 * @param schedule the fixed-rate phase: rate, measured time, warm-up and drain per path
 * @param connections the saturation phase's connections (requests in flight)
 * @param saturation the saturation phase's measured time per path (after a warm-up of a
 * quarter of it)
 * @param path the request's path and query, the same direct and through the gateway
 * @param anonymous whether to send no token (the route must then be public)
 * @param gateway a running gateway, or {@code null} to start the local platform
 * @param direct the service behind the route on a running platform (with {@code gateway})
 * @param compare a second gateway in front of the same service, measured in the same run
 * (another build, other settings), or {@code null}
 * @param clientId a client of a running platform whose tokens the requests carry, or
 * {@code null} for none
 * @param clientSecret its secret
 * @param pids the process ids to read CPU time from on a running platform: "gateway",
 * "direct", "compare"
 * @param compareJar a gateway jar (another build) to start beside the started platform's
 * gateway, with the same command line but another port, and measure in the same run, or
 * {@code null}
 * @param fullJit whether the started platform's JVMs run without the launcher's
 * {@code -XX:TieredStopAtLevel=1} (C2 as well as C1), to measure what that option costs
 * @param repository the checkout whose service jars the local platform runs
 * @param dataDirectory where the local platform keeps its data and logs, or {@code null}
 */
record GatewayOptions(BenchmarkOptions schedule, int connections, Duration saturation, String path, boolean anonymous,
		URI gateway, URI direct, URI compare, String clientId, String clientSecret, Map<String, Long> pids,
		Path compareJar, boolean fullJit, Path repository, Path dataDirectory) {

	static final String USAGE = """
			Usage: java -jar benchmarks/target/benchmarks.jar gateway [options]
			  --rate N               requests per second in the fixed-rate phase, per path (default 100)
			  --seconds N            measured time of the fixed-rate phase per path, in seconds (default 30)
			  --warmup N             warm-up before it per path, in seconds (default 15)
			  --drain N              longest wait for answers in flight after a phase's last request (default 30)
			  --connections N        connections of the saturation phase (default 16)
			  --saturation N         measured time of the saturation phase per path, in seconds (default 20),
			                         after a warm-up of a quarter of it
			  --path P               the request (default /api/chapters?state=MO)
			  --anonymous            send no bearer token (the default with the started platform: the staff
			                         client's token)
			  --gateway URL          measure this running gateway instead of starting the local platform...
			  --direct URL           ...beside this running service (the one the path's route leads to)
			  --compare URL          a second gateway in front of the same service, measured in the same run
			  --client-id ID         a client of the running platform whose tokens the requests carry...
			  --client-secret S      ...and its secret (without them: no token)
			  --gateway-pid N, --direct-pid N, --compare-pid N
			                         the running processes whose CPU time per request is reported
			  --compare-jar JAR      with the started platform: start a second gateway from this jar (another build)
			                         with the platform gateway's command line on another port, and measure it
			                         in the same run
			  --full-jit             the started platform's JVMs without the launcher's -XX:TieredStopAtLevel=1
			                         (C2 too), to measure what that option costs per request
			  --repository DIR       the checkout whose service jars the local platform runs (default: the current
			                         folder)
			  --data-dir DIR         the local platform's data and logs, kept afterwards (default: a temporary
			                         folder, removed at the end)
			  --help                 this text
			""";

	static final String DEFAULT_PATH = "/api/chapters?state=MO";

	GatewayOptions {
		Objects.requireNonNull(schedule, "schedule");
		Objects.requireNonNull(repository, "repository");
		pids = Map.copyOf(pids);
		if ((gateway == null) != (direct == null)) {
			throw new IllegalArgumentException("--gateway and --direct go together");
		}
		if (compare != null && gateway == null) {
			throw new IllegalArgumentException("--compare needs --gateway and --direct");
		}
		if (compareJar != null && gateway != null) {
			throw new IllegalArgumentException(
					"--compare-jar is for the started platform; with --gateway use --compare");
		}
		if ((clientId == null) != (clientSecret == null)) {
			throw new IllegalArgumentException("--client-id and --client-secret go together");
		}
	}

	static GatewayOptions defaults() {
		return new GatewayOptions(
				new BenchmarkOptions(100, Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(30),
						Map.of()),
				16, Duration.ofSeconds(20), DEFAULT_PATH, false, null, null, null, null, null, Map.of(), null, false,
				Path.of(""), null);
	}

	/**
	 * Reads {@code --name value} or {@code --name=value} arguments over the defaults.
	 * @throws IllegalArgumentException for an unknown option or a bad value
	 */
	static GatewayOptions parse(String... args) {
		GatewayOptions defaults = defaults();
		BenchmarkOptions schedule = defaults.schedule();
		int rate = schedule.rate();
		Duration duration = schedule.duration();
		Duration warmUp = schedule.warmUp();
		Duration drain = schedule.drainTimeout();
		int connections = defaults.connections();
		Duration saturation = defaults.saturation();
		String path = defaults.path();
		boolean anonymous = false;
		URI gateway = null;
		URI direct = null;
		URI compare = null;
		String clientId = null;
		String clientSecret = null;
		Map<String, Long> pids = new java.util.LinkedHashMap<>();
		Path compareJar = null;
		boolean fullJit = false;
		Path repository = defaults.repository();
		Path dataDirectory = null;
		for (int i = 0; i < args.length;) {
			BenchmarkOptions.Argument argument = BenchmarkOptions.Argument.at(args, i, Set.of("anonymous", "full-jit"));
			i = argument.next();
			String name = argument.name();
			String value = argument.value();
			switch (name) {
				case "anonymous" -> anonymous = true;
				case "full-jit" -> fullJit = true;
				case "rate" -> rate = BenchmarkOptions.positiveInt(name, value);
				case "seconds" -> duration = Duration.ofSeconds(BenchmarkOptions.positiveInt(name, value));
				case "warmup" -> warmUp = Duration.ofSeconds(BenchmarkOptions.nonNegativeInt(name, value));
				case "drain" -> drain = Duration.ofSeconds(BenchmarkOptions.positiveInt(name, value));
				case "connections" -> connections = BenchmarkOptions.positiveInt(name, value);
				case "saturation" -> saturation = Duration.ofSeconds(BenchmarkOptions.positiveInt(name, value));
				case "path" -> path = requestPath(value);
				case "gateway" -> gateway = address(name, value);
				case "direct" -> direct = address(name, value);
				case "compare" -> compare = address(name, value);
				case "client-id" -> clientId = value;
				case "client-secret" -> clientSecret = value;
				case "gateway-pid", "direct-pid", "compare-pid" ->
					pids.put(name.substring(0, name.length() - 4), (long) BenchmarkOptions.positiveInt(name, value));
				case "compare-jar" -> compareJar = Path.of(value);
				case "repository" -> repository = Path.of(value);
				case "data-dir" -> dataDirectory = Path.of(value);
				default -> throw new IllegalArgumentException("Unknown option --" + name);
			}
		}
		return new GatewayOptions(new BenchmarkOptions(rate, duration, warmUp, drain, Map.of()), connections,
				saturation, path, anonymous, gateway, direct, compare, clientId, clientSecret, pids, compareJar,
				fullJit, repository, dataDirectory);
	}

	private static String requestPath(String value) {
		if (!value.startsWith("/")) {
			throw new IllegalArgumentException("--path takes a path from the root, e.g. " + DEFAULT_PATH);
		}
		return value;
	}

	private static URI address(String name, String value) {
		try {
			URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
				throw new IllegalArgumentException("--" + name + " takes an http(s) address, not " + value);
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("--" + name + " takes an http(s) address, not " + value, ex);
		}
	}

}

package org.groundgame.benchmarks;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the pages benchmark runs: its schedule (the same as the event path benchmark's),
 * and which gateway it measures.
 *
 * @param schedule rate, measured time, warm-up and drain per path
 * @param gateway a running gateway to measure, or {@code null} to start the local
 * platform for the run
 * @param repository the Ground Game checkout whose {@code <module>/target/<module>.jar}
 * the local platform runs (unused with a gateway)
 * @param dataDirectory where the local platform keeps its data and logs, kept afterwards,
 * or {@code null} for a temporary folder removed at the end
 */
record PagesOptions(BenchmarkOptions schedule, URI gateway, Path repository, Path dataDirectory) {

	static final String USAGE = """
			Usage: java -jar benchmarks/target/benchmarks.jar pages [options]
			  --rate N             requests per second, per path (default 50)
			  --seconds N          measured time per path, in seconds (default 30)
			  --warmup N           warm-up per path before measuring, in seconds (default 10)
			  --drain N            longest wait for answers in flight after the last request of a phase, in seconds (default 30)
			  --gateway URL        measure this running gateway (e.g. http://localhost:8080, from ./run-local.sh, started
			                       with GROUNDGAME_GATEWAY_RATELIMITS_PUBLIC_CAPACITY raised) instead of starting the
			                       local platform
			  --repository DIR     the checkout whose service jars the local platform runs (default: the current folder)
			  --data-dir DIR       the local platform's data and logs, kept afterwards (default: a temporary folder,
			                       removed at the end); it must not exist yet, or be empty
			  --help               this text
			""";

	PagesOptions {
		Objects.requireNonNull(schedule, "schedule");
		Objects.requireNonNull(repository, "repository");
	}

	static PagesOptions defaults() {
		return new PagesOptions(new BenchmarkOptions(50, Duration.ofSeconds(30), Duration.ofSeconds(10),
				Duration.ofSeconds(30), Map.of()), null, Path.of(""), null);
	}

	/**
	 * Reads {@code --name value} or {@code --name=value} arguments over the defaults.
	 * @throws IllegalArgumentException for an unknown option or a bad value
	 */
	static PagesOptions parse(String... args) {
		PagesOptions defaults = defaults();
		BenchmarkOptions schedule = defaults.schedule();
		int rate = schedule.rate();
		Duration duration = schedule.duration();
		Duration warmUp = schedule.warmUp();
		Duration drain = schedule.drainTimeout();
		URI gateway = defaults.gateway();
		Path repository = defaults.repository();
		Path dataDirectory = defaults.dataDirectory();
		for (int i = 0; i < args.length;) {
			BenchmarkOptions.Argument argument = BenchmarkOptions.Argument.at(args, i, Set.of());
			i = argument.next();
			String name = argument.name();
			String value = argument.value();
			switch (name) {
				case "rate" -> rate = BenchmarkOptions.positiveInt(name, value);
				case "seconds" -> duration = Duration.ofSeconds(BenchmarkOptions.positiveInt(name, value));
				case "warmup" -> warmUp = Duration.ofSeconds(BenchmarkOptions.nonNegativeInt(name, value));
				case "drain" -> drain = Duration.ofSeconds(BenchmarkOptions.positiveInt(name, value));
				case "gateway" -> gateway = gateway(value);
				case "repository" -> repository = Path.of(value);
				case "data-dir" -> dataDirectory = Path.of(value);
				default -> throw new IllegalArgumentException("Unknown option --" + name);
			}
		}
		return new PagesOptions(new BenchmarkOptions(rate, duration, warmUp, drain, Map.of()), gateway, repository,
				dataDirectory);
	}

	private static URI gateway(String value) {
		try {
			URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
				throw new IllegalArgumentException("--gateway takes an http(s) address, not " + value);
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("--gateway takes an http(s) address, not " + value, ex);
		}
	}

}

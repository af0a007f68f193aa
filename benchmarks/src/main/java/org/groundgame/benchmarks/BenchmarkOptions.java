package org.groundgame.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How hard and how long each path is driven.
 *
 * @param rate events per second, sent at fixed intervals
 * @param duration how long the measured phase lasts
 * @param warmUp how long each path runs at the same rate before measuring (JIT, caches,
 * connections)
 * @param drainTimeout how long to wait after the last send for the events still on their
 * way
 * @param platformProperties extra Spring properties for the platform path (to measure the
 * effect of a setting), applied over the benchmark's own
 */
record BenchmarkOptions(int rate, Duration duration, Duration warmUp, Duration drainTimeout,
		Map<String, String> platformProperties) {

	static final String USAGE = """
			Usage: java -jar benchmarks/target/benchmarks.jar [options]
			       java -jar benchmarks/target/benchmarks.jar pages [options]   (the pages benchmark: pages --help)
			  --rate N             events per second, per path (default 200)
			  --seconds N          measured time per path, in seconds (default 30)
			  --warmup N           warm-up per path before measuring, in seconds (default 20)
			  --drain N            longest wait for events in flight after the last send of a phase, in seconds (default 60)
			  --spring.x.y=VALUE   any spring.*, groundgame.*, management.* or logging.* property, passed to the
			                       platform path's application (e.g. --groundgame.outbox.poll-interval=100ms)
			  --help               this text
			""";

	private static final List<String> PLATFORM_PROPERTY_PREFIXES = List.of("spring.", "groundgame.", "management.",
			"logging.");

	BenchmarkOptions {
		if (rate <= 0) {
			throw new IllegalArgumentException("--rate must be positive, not " + rate);
		}
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("--seconds must be positive, not " + duration.toSeconds());
		}
		if (warmUp.isNegative()) {
			throw new IllegalArgumentException("--warmup must not be negative");
		}
		platformProperties = Map.copyOf(platformProperties);
	}

	static BenchmarkOptions defaults() {
		return new BenchmarkOptions(200, Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(60),
				Map.of());
	}

	/**
	 * Reads {@code --name value} or {@code --name=value} arguments over the defaults.
	 * @throws IllegalArgumentException for an unknown option or a bad value
	 */
	static BenchmarkOptions parse(String... args) {
		BenchmarkOptions defaults = defaults();
		int rate = defaults.rate();
		Duration duration = defaults.duration();
		Duration warmUp = defaults.warmUp();
		Duration drain = defaults.drainTimeout();
		Map<String, String> properties = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument: " + arg);
			}
			String name = arg.substring(2);
			String value = null;
			int equals = name.indexOf('=');
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			if (isPlatformProperty(name)) {
				if (value == null) {
					throw new IllegalArgumentException("Give a value as --" + name + "=VALUE");
				}
				properties.put(name, value);
				continue;
			}
			if (value == null) {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("--" + name + " needs a value");
				}
				value = args[++i];
			}
			switch (name) {
				case "rate" -> rate = positiveInt(name, value);
				case "seconds" -> duration = Duration.ofSeconds(positiveInt(name, value));
				case "warmup" -> warmUp = Duration.ofSeconds(nonNegativeInt(name, value));
				case "drain" -> drain = Duration.ofSeconds(positiveInt(name, value));
				default -> throw new IllegalArgumentException("Unknown option --" + name);
			}
		}
		return new BenchmarkOptions(rate, duration, warmUp, drain, properties);
	}

	/**
	 * One option of the gateway's and the pages' command lines: {@code --name=value},
	 * {@code --name value}, or a flag {@code --name}.
	 *
	 * @param name its name, without the dashes
	 * @param value its value; {@code null} for a flag
	 * @param next the index of the argument after it
	 */
	record Argument(String name, String value, int next) {

		/**
		 * The option that starts at {@code args[i]}.
		 * @param args the command line
		 * @param i where the option starts
		 * @param flags the names that take no value
		 * @return the option
		 * @throws IllegalArgumentException if it is not an option, or its value is
		 * missing
		 */
		static Argument at(String[] args, int i, Set<String> flags) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument: " + arg);
			}
			String name = arg.substring(2);
			int equals = name.indexOf('=');
			if (equals >= 0) {
				return new Argument(name.substring(0, equals), name.substring(equals + 1), i + 1);
			}
			if (flags.contains(name)) {
				return new Argument(name, null, i + 1);
			}
			if (i + 1 < args.length) {
				return new Argument(name, args[i + 1], i + 2);
			}
			throw new IllegalArgumentException("--" + name + " needs a value");
		}

	}

	/** How many events the measured phase sends. */
	long measuredEvents() {
		return Math.max(1, this.duration.toNanos() * this.rate / 1_000_000_000L);
	}

	/** How many events the warm-up sends. */
	long warmUpEvents() {
		return this.warmUp.toNanos() * this.rate / 1_000_000_000L;
	}

	private static boolean isPlatformProperty(String name) {
		return PLATFORM_PROPERTY_PREFIXES.stream().anyMatch(name::startsWith);
	}

	static int positiveInt(String name, String value) {
		int number = nonNegativeInt(name, value);
		if (number == 0) {
			throw new IllegalArgumentException("--" + name + " must be positive");
		}
		return number;
	}

	static int nonNegativeInt(String name, String value) {
		try {
			int number = Integer.parseInt(value);
			if (number < 0) {
				throw new IllegalArgumentException("--" + name + " must not be negative");
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " takes a whole number, not " + value, ex);
		}
	}

}

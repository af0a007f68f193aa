package org.groundgame.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;

import org.apache.kafka.common.utils.AppInfoParser;
import org.groundgame.benchmarks.floor.BareKafkaPath;
import org.groundgame.benchmarks.platform.PlatformEventPath;
import org.groundgame.infrastructure.embedded.EmbeddedKafka;
import org.groundgame.infrastructure.embedded.EmbeddedMongo;

/**
 * Measures the latency of the event path, from an aggregate's write to the consuming
 * service's effect, through the platform's own code, and the floor under it: a bare Kafka
 * producer and consumer on the same broker, in the same run. Both run in this JVM against
 * an in-process Kafka broker and MongoDB-wire server, one after the other, at the same
 * fixed rate. See the module's README.
 * <p>
 * The jar's main class: {@code pages} as the first argument runs the
 * {@link PagesBenchmark} instead, {@code gateway} the {@link GatewayBenchmark}.
 */
public final class EventPathBenchmark {

	static final String FLOOR = "floor (bare Kafka)";

	static final String PLATFORM = "platform";

	private EventPathBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length > 0 && args[0].equals("pages")) {
			PagesBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && args[0].equals("gateway")) {
			GatewayBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		BenchmarkOptions options;
		try {
			if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
				System.out.print(BenchmarkOptions.USAGE);
				return;
			}
			options = BenchmarkOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(BenchmarkOptions.USAGE);
			System.exit(2);
			return;
		}
		BenchmarkReport report = run(options, System.out);
		report.print(System.out);
		// The broker's and the clients' threads would otherwise outlive main.
		System.exit(report.complete() ? 0 : 1);
	}

	/**
	 * Starts the broker and the store, measures the floor and then the platform, and
	 * stops everything.
	 * @param options the settings
	 * @param progress where to say what is happening
	 * @return the figures
	 */
	static BenchmarkReport run(BenchmarkOptions options, PrintStream progress) throws InterruptedException {
		Machine machine = Machine.current();
		try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary(); EmbeddedMongo mongo = EmbeddedMongo.inMemory(0)) {
			FixedRateRun run = new FixedRateRun(options, progress);
			PathResult floor = run.run(FLOOR,
					(completions) -> new BareKafkaPath(kafka.bootstrapServers(), completions));
			PathResult platform = run.run(PLATFORM, (completions) -> new PlatformEventPath(kafka.bootstrapServers(),
					mongo.connectionString(), completions, options.platformProperties()));
			return new BenchmarkReport(machine, infrastructure(), options, floor, platform);
		}
	}

	private static String infrastructure() {
		return "Apache Kafka " + AppInfoParser.getVersion()
				+ " broker in this JVM (KRaft, one node, 3 partitions per topic), mongo-java-server in memory in"
				+ " this JVM";
	}

}

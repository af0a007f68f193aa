package org.groundgame.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke test of a few seconds: both paths carry a handful of events at a low rate and
 * the report's figures are sane. The benchmark proper runs from the jar (see README.md).
 */
class EventPathBenchmarkTests {

	@Test
	void bothPathsDeliverEveryEventAndReportOrderedPercentiles() throws InterruptedException {
		BenchmarkOptions options = new BenchmarkOptions(10, Duration.ofSeconds(1), Duration.ZERO,
				Duration.ofSeconds(10), Map.of());
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

		BenchmarkReport report = EventPathBenchmark.run(options, out);
		report.print(out);

		assertThat(report.results()).hasSize(2).allSatisfy((result) -> {
			assertThat(result.sent()).isEqualTo(10);
			assertThat(result.received()).isEqualTo(result.sent());
			assertThat(result.failedSends()).isZero();
			assertThat(result.latencies().getTotalCount()).isEqualTo(result.received());
			assertThat(result.millisAt(50)).isPositive()
				.isLessThanOrEqualTo(result.millisAt(99))
				.isLessThanOrEqualTo(result.millisAt(99.9));
			assertThat(result.millisAt(99.9)).isLessThanOrEqualTo(result.maxMillis()).isLessThan(10_000);
		});
		assertThat(report.complete()).isTrue();
		assertThat(report.ratio(50)).isPositive();
		assertThat(output.toString(StandardCharsets.UTF_8)).contains("p50", "p99", "p99.9", "platform / floor",
				EventPathBenchmark.FLOOR, report.machine().describe());
	}

	@Test
	void optionsTakeSeparateOrJoinedValuesAndPassSpringPropertiesToThePlatform() {
		BenchmarkOptions options = BenchmarkOptions.parse("--rate", "50", "--seconds=5", "--warmup", "0",
				"--groundgame.outbox.poll-interval=100ms");

		assertThat(options.rate()).isEqualTo(50);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.warmUp()).isZero();
		assertThat(options.measuredEvents()).isEqualTo(250);
		assertThat(options.warmUpEvents()).isZero();
		assertThat(options.platformProperties()).containsEntry("groundgame.outbox.poll-interval", "100ms");
	}

}

package org.groundgame.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;
import org.groundgame.benchmarks.floor.BareKafkaPath;
import org.groundgame.benchmarks.platform.PlatformEventPath;

/**
 * The outcome of one run: the machine, the settings and each path's figures, printed as a
 * small table with the platform's latency as a multiple of the floor's.
 *
 * @param machine what it ran on
 * @param infrastructure the broker and store
 * @param options the settings
 * @param floor the bare Kafka producer and consumer
 * @param platform the platform's own event path
 */
record BenchmarkReport(Machine machine, String infrastructure, BenchmarkOptions options, PathResult floor,
		PathResult platform) {

	static final double[] PERCENTILES = { 50, 99, 99.9 };

	/** Below this share of the offered rate, a path is not keeping up. */
	static final double SATURATED = 0.95;

	/** A median latency above this means events waited in a backlog. */
	static final int BEHIND_MILLIS = 1000;

	List<PathResult> results() {
		return List.of(this.floor, this.platform);
	}

	/** Whether every measured event of both paths arrived. */
	boolean complete() {
		return this.floor.complete() && this.platform.complete();
	}

	void print(PrintStream out) {
		out.println();
		out.println("Ground Game event path benchmark");
		out.println("  machine    " + this.machine.describe());
		out.println("  load       " + ((this.machine.loadAverage() >= 0) ? String.format(Locale.ROOT,
				"1-minute load average %.2f when the run began", this.machine.loadAverage()) : "unknown"));
		out.println("  infra      " + this.infrastructure);
		out.printf(Locale.ROOT,
				"  settings   %d events/s for %d s per path, after a %d s warm-up at that rate and its drain; one"
						+ " sending thread;%n             paths one after the other; latency from each event's intended"
						+ " send time (coordinated omission corrected)%n",
				this.options.rate(), this.options.duration().toSeconds(), this.options.warmUp().toSeconds());
		out.println("  floor      " + BareKafkaPath.DESCRIPTION);
		out.println("  platform   " + PlatformEventPath.DESCRIPTION);
		if (!this.options.platformProperties().isEmpty()) {
			out.println("  overrides  " + this.options.platformProperties()
				.entrySet()
				.stream()
				.map((property) -> property.getKey() + "=" + property.getValue())
				.collect(Collectors.joining(", ")));
		}
		out.println();
		out.printf(Locale.ROOT, "%-18s %8s %8s %9s %9s %9s %9s%n", "latency (ms)", "events", "arrived", "p50", "p99",
				"p99.9", "max");
		for (PathResult result : results()) {
			out.printf(Locale.ROOT, "%-18s %8d %8d %9.2f %9.2f %9.2f %9.2f%n", result.name(), result.sent(),
					result.received(), result.millisAt(50), result.millisAt(99), result.millisAt(99.9),
					result.maxMillis());
		}
		out.printf(Locale.ROOT, "%-18s %8s %8s", "platform / floor", "", "");
		for (double percentile : PERCENTILES) {
			out.printf(Locale.ROOT, " %8.1fx", ratio(percentile));
		}
		out.println();
		out.println();
		out.printf(Locale.ROOT, "%-18s %17s %17s %17s%n", "stages (ms)", "send call", "send -> consumer",
				"in consumer");
		out.printf(Locale.ROOT, "%-18s %17s %17s %17s%n", "", "p50 / p99", "p50 / p99", "p50 / p99");
		for (PathResult result : results()) {
			out.printf(Locale.ROOT, "%-18s %17s %17s %17s%n", result.name(), stage(result.sendCalls()),
					stage(result.toConsumer()), stage(result.inConsumer()));
		}
		out.println();
		out.printf(Locale.ROOT, "%-18s %14s %9s %15s %15s%n", "while measuring", "machine busy", "this JVM",
				"sender max lag", "delivered/s");
		for (PathResult result : results()) {
			out.printf(Locale.ROOT, "%-18s %14s %9s %12.2f ms %15.1f%n", result.name(), percent(result.cpu().machine()),
					percent(result.cpu().thisJvm()), result.maxLagNanos() / 1e6, result.deliveredPerSecond());
		}
		for (PathResult result : results()) {
			if (result.deliveredPerSecond() > 0 && result.deliveredPerSecond() < SATURATED * this.options.rate()) {
				out.printf(Locale.ROOT,
						"%s: SATURATED, delivered %.1f events/s of %d offered: the backlog grows for as long as the"
								+ " run lasts, and so do its latencies; lower --rate to measure latency%n",
						result.name(), result.deliveredPerSecond(), this.options.rate());
			}
			else if (result.millisAt(50) > BEHIND_MILLIS) {
				out.printf(Locale.ROOT,
						"%s: BEHIND, half the events took over %d ms: the path fell behind and kept a backlog through"
								+ " the measured phase; its latencies are queueing, not the path's own%n",
						result.name(), BEHIND_MILLIS);
			}
		}
		for (PathResult result : results()) {
			result.notes().forEach((note) -> out.println(result.name() + ": " + note));
		}
		for (PathResult result : results()) {
			if (!result.complete() || result.unexpected() > 0) {
				out.printf(Locale.ROOT, "%s: %d of %d events arrived, %d sends failed, %d redelivered%n", result.name(),
						result.received(), result.sent(), result.failedSends(), result.unexpected());
			}
		}
	}

	/** The platform's latency as a multiple of the floor's at a percentile. */
	double ratio(double percentile) {
		return this.platform.millisAt(percentile) / this.floor.millisAt(percentile);
	}

	private static String stage(Histogram histogram) {
		if (histogram.getTotalCount() == 0) {
			return "-";
		}
		return String.format(Locale.ROOT, "%.2f / %.2f", PathResult.millis(histogram, 50),
				PathResult.millis(histogram, 99));
	}

	private static String percent(double share) {
		return (share >= 0) ? String.format(Locale.ROOT, "%.0f%%", share * 100) : "?";
	}

}

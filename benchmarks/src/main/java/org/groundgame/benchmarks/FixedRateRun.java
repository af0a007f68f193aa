package org.groundgame.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.HdrHistogram.Histogram;

/**
 * Drives one path at a fixed rate from a single sending thread: first one event to learn
 * that the path is connected end to end (partitions assigned), then the warm-up at the
 * rate, a wait until its events have all arrived (so that a backlog left by cold code
 * does not count), then the measured phase, then a wait for the events still in flight.
 * Within a phase, event {@code i} is due at {@code start + i / rate}; a late sender sends
 * at once and the delay counts in the latency.
 */
final class FixedRateRun {

	/** How long a path may take to deliver its first event (group join, assignment). */
	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

	private final BenchmarkOptions options;

	private final PrintStream progress;

	/** What the path carries, in the progress lines: "event", "request". */
	private final String unit;

	FixedRateRun(BenchmarkOptions options, PrintStream progress) {
		this(options, progress, "event");
	}

	FixedRateRun(BenchmarkOptions options, PrintStream progress, String unit) {
		this.options = options;
		this.progress = progress;
		this.unit = unit;
	}

	PathResult run(String name, Function<Completions, EventPath> pathFactory) throws InterruptedException {
		LatencyRecorder recorder = new LatencyRecorder();
		long starting = System.nanoTime();
		try (EventPath path = pathFactory.apply(recorder)) {
			this.progress.printf(Locale.ROOT, "%s: started in %.1f s; waiting for the first %s to arrive%n", name,
					seconds(System.nanoTime() - starting), this.unit);
			connect(name, path, recorder);
			if (this.options.warmUpEvents() > 0) {
				this.progress.printf(Locale.ROOT, "%s: warming up, %d %ss/s for %d s%n", name, this.options.rate(),
						this.unit, this.options.warmUp().toSeconds());
				send(name, path, recorder, this.options.warmUpEvents(), false);
				drain(name, recorder, "warm-up");
			}
			this.progress.printf(Locale.ROOT, "%s: measuring, %d %ss/s for %d s%n", name, this.options.rate(),
					this.unit, this.options.duration().toSeconds());
			CpuUsage.Sample cpuAtStart = CpuUsage.sample();
			Phase measured = send(name, path, recorder, this.options.measuredEvents(), true);
			CpuUsage cpu = CpuUsage.between(cpuAtStart, CpuUsage.sample());
			drain(name, recorder, "measured");
			return new PathResult(name, this.options.measuredEvents() - measured.failedSends(), recorder.received(),
					measured.failedSends(), recorder.unexpected(), recorder.latencies(), measured.sendCalls(),
					recorder.toConsumer(), recorder.inConsumer(), recorder.deliveredPerSecond(), measured.maxLagNanos(),
					cpu, path.notes());
		}
	}

	private void connect(String name, EventPath path, LatencyRecorder recorder) throws InterruptedException {
		long started = System.nanoTime();
		String eventId = UUID.randomUUID().toString();
		recorder.expect(eventId, started, false);
		path.send(eventId);
		if (!recorder.awaitAll(CONNECT_TIMEOUT)) {
			throw new IllegalStateException(
					name + ": the first " + this.unit + " did not arrive within " + CONNECT_TIMEOUT.toSeconds() + " s");
		}
		this.progress.printf(Locale.ROOT, "%s: first %s arrived after %.1f s%n", name, this.unit,
				seconds(System.nanoTime() - started));
	}

	private void drain(String name, LatencyRecorder recorder, String phase) throws InterruptedException {
		long started = System.nanoTime();
		if (!recorder.awaitAll(this.options.drainTimeout())) {
			this.progress.printf(Locale.ROOT, "%s: %ss of the %s phase still missing %d s after its last send%n", name,
					this.unit, phase, this.options.drainTimeout().toSeconds());
		}
		else if (System.nanoTime() - started > 1_000_000_000L) {
			this.progress.printf(Locale.ROOT, "%s: the %s phase's %ss took %.1f s to arrive after its last send%n",
					name, phase, this.unit, seconds(System.nanoTime() - started));
		}
	}

	private Phase send(String name, EventPath path, LatencyRecorder recorder, long count, boolean measured) {
		long rate = this.options.rate();
		Histogram sendCalls = new Histogram(3);
		long failedSends = 0;
		long maxLag = 0;
		long start = System.nanoTime() + 1_000_000;
		for (long i = 0; i < count; i++) {
			long intended = start + i * 1_000_000_000L / rate;
			waitUntil(intended);
			String eventId = UUID.randomUUID().toString();
			recorder.expect(eventId, intended, measured);
			long sending = System.nanoTime();
			try {
				path.send(eventId);
			}
			catch (RuntimeException ex) {
				recorder.forget(eventId);
				if (++failedSends == 1) {
					this.progress.println(name + ": a send failed: " + ex);
				}
				continue;
			}
			long sent = System.nanoTime();
			recorder.sent(eventId, sent);
			sendCalls.recordValue(sent - sending);
			maxLag = Math.max(maxLag, sending - intended);
		}
		return new Phase(sendCalls, failedSends, maxLag);
	}

	private static void waitUntil(long nanoTime) {
		long remaining;
		while ((remaining = nanoTime - System.nanoTime()) > 0) {
			LockSupport.parkNanos(remaining);
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private record Phase(Histogram sendCalls, long failedSends, long maxLagNanos) {
	}

}

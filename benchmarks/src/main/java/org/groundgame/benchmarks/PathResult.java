package org.groundgame.benchmarks;

import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * What one path did in its measured phase. Histograms hold nanoseconds.
 *
 * @param name the path's name in the report
 * @param sent events sent in the measured phase
 * @param received of those, how many reached the consumer's effect
 * @param failedSends sends that threw (their events were never sent)
 * @param unexpected completions of events not (or no longer) expected: redeliveries
 * @param latencies from each event's intended send time to its effect
 * @param sendCalls time in each send call (the save, or {@code KafkaProducer.send})
 * @param toConsumer from the end of the send call to the consumer's code
 * @param inConsumer in the consumer's code up to its effect (empty when the path has no
 * such step)
 * @param deliveredPerSecond measured events delivered per second (from the first intended
 * send to the last effect): below the rate when the path cannot keep up
 * @param maxLagNanos how far the sender fell behind its schedule at worst
 * @param cpu how busy the machine and this JVM were meanwhile
 * @param notes what the path itself measured
 */
record PathResult(String name, long sent, long received, long failedSends, long unexpected, Histogram latencies,
		Histogram sendCalls, Histogram toConsumer, Histogram inConsumer, double deliveredPerSecond, long maxLagNanos,
		CpuUsage cpu, List<String> notes) {

	/** The latency at a percentile, in milliseconds. */
	double millisAt(double percentile) {
		return millis(this.latencies, percentile);
	}

	double maxMillis() {
		return this.latencies.getMaxValue() / 1e6;
	}

	/** Whether every measured event arrived, once. */
	boolean complete() {
		return this.failedSends == 0 && this.received == this.sent;
	}

	static double millis(Histogram histogram, double percentile) {
		return histogram.getValueAtPercentile(percentile) / 1e6;
	}

}

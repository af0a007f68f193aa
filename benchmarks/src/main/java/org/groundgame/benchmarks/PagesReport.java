package org.groundgame.benchmarks;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.groundgame.benchmarks.pages.GatewayGetPath;

/**
 * The outcome of one run of the pages benchmark: the machine, the gateway, the settings
 * and each path's figures, printed as small tables in the event path benchmark's style,
 * with each page's latency as a multiple of the static file's.
 *
 * @param machine what it ran on
 * @param gateway the gateway measured
 * @param target what that gateway is
 * @param schedule the rate, times and drain
 * @param results the static file first, then each page
 */
record PagesReport(Machine machine, URI gateway, String target, BenchmarkOptions schedule, List<Measured> results) {

	static final double[] PERCENTILES = { 50, 90, 99, 99.9 };

	PagesReport {
		results = List.copyOf(results);
	}

	/** The baseline, measured first. */
	Measured staticFile() {
		return this.results.get(0);
	}

	List<Measured> pages() {
		return this.results.subList(1, this.results.size());
	}

	/** Whether every request of every path was answered with a 2xx status, in time. */
	boolean passed() {
		return this.results.stream().allMatch(Measured::passed);
	}

	/** A page's latency as a multiple of the static file's at a percentile. */
	double ratio(Measured page, double percentile) {
		return page.result().millisAt(percentile) / staticFile().result().millisAt(percentile);
	}

	void print(PrintStream out) {
		out.println();
		out.println("Ground Game pages benchmark");
		out.println("  machine    " + this.machine.describe());
		out.println("  load       " + ((this.machine.loadAverage() >= 0) ? String.format(Locale.ROOT,
				"1-minute load average %.2f when the measuring began", this.machine.loadAverage()) : "unknown"));
		out.println("  gateway    " + this.gateway + ": " + this.target);
		out.printf(Locale.ROOT,
				"  settings   %d requests/s for %d s per path, after a %d s warm-up at that rate and its drain; open"
						+ " loop (requests%n             sent on schedule whatever the answers); paths one after the"
						+ " other; latency from each request's%n             intended send time to the end of its"
						+ " answer's body (coordinated omission corrected)%n",
				this.schedule.rate(), this.schedule.duration().toSeconds(), this.schedule.warmUp().toSeconds());
		out.println("  requests   GET, Accept: " + GatewayGetPath.ACCEPT + ", Accept-Language: "
				+ GatewayGetPath.ACCEPT_LANGUAGE + ", HTTP/1.1 (java.net.http.HttpClient), no token, no cookies");
		out.println();
		out.printf(Locale.ROOT, "%-22s %7s %7s %9s %9s %9s %9s %9s%n", "latency (ms)", "count", "errors", "p50", "p90",
				"p99", "p99.9", "max");
		for (Measured measured : this.results) {
			PathResult result = measured.result();
			out.printf(Locale.ROOT, "%-22s %7d %7d %9.2f %9.2f %9.2f %9.2f %9.2f%n", result.name(), result.received(),
					measured.answers().errors(), result.millisAt(50), result.millisAt(90), result.millisAt(99),
					result.millisAt(99.9), result.maxMillis());
		}
		for (Measured page : pages()) {
			out.printf(Locale.ROOT, "%-22s %7s %7s", page.result().name() + " / static", "", "");
			for (double percentile : PERCENTILES) {
				out.printf(Locale.ROOT, " %8.1fx", ratio(page, percentile));
			}
			out.println();
		}
		out.println();
		out.printf(Locale.ROOT, "%-22s %14s %9s %15s %11s %13s%n", "while measuring", "machine busy", "this JVM",
				"sender max lag", "answered/s", "bytes/answer");
		for (Measured measured : this.results) {
			PathResult result = measured.result();
			out.printf(Locale.ROOT, "%-22s %14s %9s %12.2f ms %11.1f %13d%n", result.name(),
					percent(result.cpu().machine()), percent(result.cpu().thisJvm()), result.maxLagNanos() / 1e6,
					result.deliveredPerSecond(), measured.answers().meanBodyBytes());
		}
		for (Measured measured : this.results) {
			PathResult result = measured.result();
			if (result.deliveredPerSecond() > 0
					&& result.deliveredPerSecond() < BenchmarkReport.SATURATED * this.schedule.rate()) {
				out.printf(Locale.ROOT,
						"%s: SATURATED, answered %.1f requests/s of %d offered: the backlog grows for as long as the"
								+ " run lasts, and so do its latencies; lower --rate to measure latency%n",
						result.name(), result.deliveredPerSecond(), this.schedule.rate());
			}
			else if (result.millisAt(50) > BenchmarkReport.BEHIND_MILLIS) {
				out.printf(Locale.ROOT,
						"%s: BEHIND, half the requests took over %d ms: their latencies are queueing, not the"
								+ " page's own%n",
						result.name(), BenchmarkReport.BEHIND_MILLIS);
			}
		}
		for (Measured measured : this.results) {
			if (measured.answers().errors() > 0) {
				out.printf(Locale.ROOT, "%s: FAILED, %d answers not 2xx or missing, warm-up included (%s)%n",
						measured.result().name(), measured.answers().errors(), measured.answers().describeErrors());
			}
			PathResult result = measured.result();
			if (!result.complete() || result.unexpected() > 0) {
				out.printf(Locale.ROOT, "%s: %d of %d requests answered, %d sends failed%n", result.name(),
						result.received(), result.sent(), result.failedSends());
			}
		}
	}

	private static String percent(double share) {
		return (share >= 0) ? String.format(Locale.ROOT, "%.0f%%", share * 100) : "?";
	}

	/**
	 * One path's figures and answers.
	 *
	 * @param page what was measured
	 * @param result the latencies of its measured phase
	 * @param answers the statuses of all its answers, warm-up included
	 */
	record Measured(PagesBenchmark.Page page, PathResult result, GatewayGetPath.Answers answers) {

		boolean passed() {
			return this.result.complete() && this.answers.errors() == 0;
		}

	}

}

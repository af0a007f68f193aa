package org.groundgame.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.groundgame.benchmarks.gateway.ClosedLoop;
import org.groundgame.benchmarks.pages.GatewayGetPath;

/**
 * The outcome of one run of the gateway benchmark: per path (the service directly first,
 * the baseline, then the gateway), the fixed-rate phase's latencies, the saturation
 * phase's throughput and service times, each gateway's figures beside the direct ones
 * (the difference in milliseconds for latencies, the share for throughput), and the CPU
 * time each process spent per request.
 *
 * @param machine what it ran on
 * @param platform what was measured
 * @param options the settings
 * @param auth what the requests carried
 * @param results the direct path first, then each gateway
 */
record GatewayReport(Machine machine, String platform, GatewayOptions options, String auth, List<Measured> results) {

	static final double[] PERCENTILES = { 50, 90, 99, 99.9 };

	GatewayReport {
		results = List.copyOf(results);
	}

	Measured direct() {
		return this.results.get(0);
	}

	boolean passed() {
		return this.results.stream().allMatch(Measured::passed);
	}

	void print(PrintStream out) {
		BenchmarkOptions schedule = this.options.schedule();
		out.println();
		out.println("Ground Game gateway benchmark");
		out.println("  machine    " + this.machine.describe());
		out.println("  load       " + ((this.machine.loadAverage() >= 0) ? String.format(Locale.ROOT,
				"1-minute load average %.2f when the measuring began", this.machine.loadAverage()) : "unknown"));
		out.println("  platform   " + this.platform);
		out.println("  request    GET " + this.options.path() + ", Accept: application/json, " + this.auth
				+ ", HTTP/1.1 (java.net.http.HttpClient)");
		for (Measured measured : this.results) {
			out.println("             " + measured.target());
		}
		out.printf(Locale.ROOT,
				"  fixed rate %d requests/s for %d s per path, after a %d s warm-up and its drain; open loop; latency"
						+ " from each%n             request's intended send time (coordinated omission corrected)%n",
				schedule.rate(), schedule.duration().toSeconds(), schedule.warmUp().toSeconds());
		out.printf(Locale.ROOT,
				"  saturation %d connections, each sending its next request when answered, %d s per path after %d s"
						+ " of warm-up%n",
				this.options.connections(), this.options.saturation().toSeconds(),
				this.options.saturation().dividedBy(4).toSeconds());
		out.println();
		out.printf(Locale.ROOT, "%-22s %7s %7s %9s %9s %9s %9s %9s%n", "fixed rate (ms)", "count", "errors", "p50",
				"p90", "p99", "p99.9", "max");
		for (Measured measured : this.results) {
			PathResult result = measured.fixedRate();
			out.printf(Locale.ROOT, "%-22s %7d %7d %9.2f %9.2f %9.2f %9.2f %9.2f%n", result.name(), result.received(),
					measured.answers().errors(), result.millisAt(50), result.millisAt(90), result.millisAt(99),
					result.millisAt(99.9), result.maxMillis());
		}
		for (Measured gateway : gateways()) {
			String name = gateway.target().name().equals(GatewayBenchmark.COMPARE) ? "compare" : "gateway";
			out.printf(Locale.ROOT, "%-22s %7s %7s", "  " + name + " - direct", "", "");
			for (double percentile : PERCENTILES) {
				out.printf(Locale.ROOT, " %+9.2f",
						gateway.fixedRate().millisAt(percentile) - direct().fixedRate().millisAt(percentile));
			}
			out.println();
		}
		out.println();
		out.printf(Locale.ROOT, "%-22s %11s %9s %9s %9s %9s %7s%n", "saturation", "answered/s", "of direct", "p50 ms",
				"p99 ms", "errors", "busy");
		for (Measured measured : this.results) {
			ClosedLoop.Result result = measured.saturation();
			out.printf(Locale.ROOT, "%-22s %11.1f %9s %9.2f %9.2f %9d %7s%n", measured.target().name(),
					result.throughput(),
					String.format(Locale.ROOT, "%.0f%%",
							100 * result.throughput() / direct().saturation().throughput()),
					result.millisAt(50), result.millisAt(99), result.failed(), percent(result.cpu().machine()));
		}
		out.println();
		out.printf(Locale.ROOT, "%-22s %16s %16s%n", "CPU ms per request", "gateway JVM", "service JVM");
		for (Measured measured : this.results) {
			ClosedLoop.Result result = measured.saturation();
			long requests = result.successful() + result.failed();
			out.printf(Locale.ROOT, "%-22s %16s %16s%n", measured.target().name(),
					millis(result.cpu().millisPerRequest("gateway", requests)),
					millis(result.cpu().millisPerRequest("service", requests)));
		}
		out.println(
				"  (during the saturation phase's measured time; - where the process is not on the path or unknown)");
		out.println();
		out.printf(Locale.ROOT, "%-22s %14s %9s %15s %11s %13s%n", "fixed rate, meanwhile", "machine busy", "this JVM",
				"sender max lag", "answered/s", "bytes/answer");
		for (Measured measured : this.results) {
			PathResult result = measured.fixedRate();
			out.printf(Locale.ROOT, "%-22s %14s %9s %12.2f ms %11.1f %13d%n", result.name(),
					percent(result.cpu().machine()), percent(result.cpu().thisJvm()), result.maxLagNanos() / 1e6,
					result.deliveredPerSecond(), measured.answers().meanBodyBytes());
		}
		for (Measured measured : this.results) {
			PathResult result = measured.fixedRate();
			if (result.deliveredPerSecond() > 0
					&& result.deliveredPerSecond() < BenchmarkReport.SATURATED * schedule.rate()) {
				out.printf(Locale.ROOT,
						"%s: SATURATED at the fixed rate, answered %.1f requests/s of %d offered;"
								+ " lower --rate to measure latency%n",
						result.name(), result.deliveredPerSecond(), schedule.rate());
			}
			if (measured.answers().errors() > 0) {
				out.printf(Locale.ROOT, "%s: FAILED, %d answers not 2xx or missing, warm-ups included (%s)%n",
						result.name(), measured.answers().errors(), measured.answers().describeErrors());
			}
		}
	}

	private List<Measured> gateways() {
		return this.results.subList(1, this.results.size());
	}

	private static String percent(double share) {
		return (share >= 0) ? String.format(Locale.ROOT, "%.0f%%", share * 100) : "?";
	}

	private static String millis(double value) {
		return (value >= 0) ? String.format(Locale.ROOT, "%.3f", value) : "-";
	}

	/**
	 * One path's figures.
	 *
	 * @param target the way to the service
	 * @param fixedRate the fixed-rate phase's latencies
	 * @param saturation the saturation phase's figures, or {@code null} before it ran
	 * @param answers the statuses of all its answers, warm-ups included
	 */
	record Measured(GatewayBenchmark.Target target, PathResult fixedRate, ClosedLoop.Result saturation,
			GatewayGetPath.Answers answers) {

		boolean passed() {
			return this.fixedRate.complete() && this.answers.errors() == 0;
		}

	}

}

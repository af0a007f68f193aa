package org.groundgame.benchmarks.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CPU time of the processes a path runs through (the service, the gateway), read from
 * the operating system ({@link ProcessHandle.Info#totalCpuDuration()}), and how busy the
 * whole machine was ({@code /proc/stat}). CPU time per request is what a process costs,
 * whatever else the machine was doing: the figure to compare on a busy machine, where
 * latencies are mostly waiting for a core.
 */
public final class ProcessCpu {

	private static final Path PROC_STAT = Path.of("/proc/stat");

	private final Map<String, Long> processes;

	/**
	 * @param processes the processes to follow by their name in the report (e.g.
	 * "gateway"), each with its process id
	 */
	public ProcessCpu(Map<String, Long> processes) {
		this.processes = new LinkedHashMap<>(processes);
	}

	public Sample sample() {
		Map<String, Duration> cpu = new LinkedHashMap<>();
		this.processes.forEach((name, pid) -> cpu.put(name, cpuOf(pid).orElse(null)));
		long[] ticks = systemTicks();
		return new Sample(System.nanoTime(), cpu, ticks);
	}

	public Usage since(Sample start) {
		Sample end = sample();
		Map<String, Duration> used = new LinkedHashMap<>();
		start.cpu().forEach((name, before) -> {
			Duration after = end.cpu().get(name);
			if (before != null && after != null) {
				used.put(name, after.minus(before));
			}
		});
		double machine = -1;
		if (start.ticks() != null && end.ticks() != null && end.ticks()[1] > start.ticks()[1]) {
			machine = (double) (end.ticks()[0] - start.ticks()[0]) / (end.ticks()[1] - start.ticks()[1]);
		}
		return new Usage(Duration.ofNanos(end.nanoTime() - start.nanoTime()), used, machine);
	}

	private static Optional<Duration> cpuOf(long pid) {
		return ProcessHandle.of(pid).flatMap((process) -> process.info().totalCpuDuration());
	}

	/**
	 * Busy and total ticks of all cores, from the first line of /proc/stat.
	 * @return the two counts, or {@code null} where there is no /proc/stat
	 */
	public static long[] systemTicks() {
		if (!Files.isReadable(PROC_STAT)) {
			return null;
		}
		try {
			String cpu = Files.readAllLines(PROC_STAT).get(0);
			// cpu user nice system idle iowait irq softirq steal (guest time is counted
			// in user)
			long[] fields = Arrays.stream(cpu.trim().split("\\s+"))
				.skip(1)
				.limit(8)
				.mapToLong(Long::parseLong)
				.toArray();
			long total = Arrays.stream(fields).sum();
			long idle = fields[3] + fields[4];
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	public record Sample(long nanoTime, Map<String, Duration> cpu, long[] ticks) {
	}

	/**
	 * @param wall the time between the samples
	 * @param processes each followed process's CPU time meanwhile (absent where unknown)
	 * @param machine the busy share of all cores, negative where unknown
	 */
	public record Usage(Duration wall, Map<String, Duration> processes, double machine) {

		/** A process's CPU time per request, in milliseconds, or negative if unknown. */
		public double millisPerRequest(String process, long requests) {
			Duration used = this.processes.get(process);
			return (used != null && requests > 0) ? used.toNanos() / 1e6 / requests : -1;
		}

	}

}

package org.groundgame.benchmarks;

import java.lang.management.ManagementFactory;

import org.groundgame.benchmarks.gateway.ProcessCpu;

/**
 * How busy the machine was while a path was measured: all processes together, and this
 * JVM alone, each as a share of all cores. Other work on the machine (builds, other
 * benchmarks) is the difference, and it shows in the tail latencies.
 *
 * @param machine the busy share of all cores, or a negative number where unknown (no
 * {@code /proc/stat})
 * @param thisJvm this JVM's share of all cores, or a negative number where unknown
 */
record CpuUsage(double machine, double thisJvm) {

	static Sample sample() {
		long[] ticks = ProcessCpu.systemTicks();
		return new Sample(System.nanoTime(), processCpuNanos(), (ticks != null) ? ticks[0] : -1,
				(ticks != null) ? ticks[1] : -1);
	}

	static CpuUsage between(Sample start, Sample end) {
		int cores = Runtime.getRuntime().availableProcessors();
		double wall = (double) (end.nanoTime() - start.nanoTime()) * cores;
		double jvm = (start.processCpuNanos() >= 0 && end.processCpuNanos() >= 0 && wall > 0)
				? (end.processCpuNanos() - start.processCpuNanos()) / wall : -1;
		long total = end.totalTicks() - start.totalTicks();
		double machine = (start.totalTicks() >= 0 && end.totalTicks() >= 0 && total > 0)
				? (double) (end.busyTicks() - start.busyTicks()) / total : -1;
		return new CpuUsage(machine, jvm);
	}

	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

	record Sample(long nanoTime, long processCpuNanos, long busyTicks, long totalTicks) {
	}

}

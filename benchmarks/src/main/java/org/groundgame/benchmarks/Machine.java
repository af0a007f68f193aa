package org.groundgame.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What the benchmark ran on.
 *
 * @param cores the processors available to this JVM
 * @param os operating system name, version and architecture
 * @param jvm Java version, vendor and VM
 * @param maxHeapBytes the JVM's maximum heap
 * @param loadAverage the one-minute system load average when the run began, negative
 * where unknown
 */
record Machine(int cores, String os, String jvm, long maxHeapBytes, double loadAverage) {

	static Machine current() {
		return new Machine(Runtime.getRuntime().availableProcessors(),
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
						+ System.getProperty("os.arch") + ")",
				"Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
						+ System.getProperty("java.vm.name") + ")",
				Runtime.getRuntime().maxMemory(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	String describe() {
		return String.format(Locale.ROOT, "%d cores, %s, %s, max heap %.1f GiB", this.cores, this.os, this.jvm,
				this.maxHeapBytes / (1024.0 * 1024 * 1024));
	}

}

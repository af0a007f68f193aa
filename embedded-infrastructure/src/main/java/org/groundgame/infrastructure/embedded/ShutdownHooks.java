package org.groundgame.infrastructure.embedded;

import java.time.Duration;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JVM shutdown hooks for the embedded servers. All hooks of a JVM run at the same time,
 * so a hook that stopped the broker at once would pull it away from Spring contexts still
 * closing their consumers and producers in their own hooks (a consumer then waits out its
 * close timeout for a coordinator that is gone). Our hooks therefore let Spring's
 * shutdown hooks finish first, for a bounded time.
 */
final class ShutdownHooks {

	private static final Logger logger = LoggerFactory.getLogger(ShutdownHooks.class);

	private static final Set<String> SPRING_HOOKS = Set.of("SpringApplicationShutdownHook",
			"SpringContextShutdownHook");

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private ShutdownHooks() {
	}

	static Thread register(String name, Runnable action) {
		Thread hook = new Thread(() -> {
			awaitSpringShutdownHooks();
			action.run();
		}, name);
		Runtime.getRuntime().addShutdownHook(hook);
		return hook;
	}

	static void unregister(Thread hook) {
		if (hook == null || Thread.currentThread() == hook) {
			return;
		}
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// The JVM is already shutting down: the hook runs anyway and is idempotent.
		}
	}

	private static void awaitSpringShutdownHooks() {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (SPRING_HOOKS.contains(thread.getName())) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return;
				}
				try {
					thread.join(Duration.ofNanos(remaining));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				if (thread.isAlive()) {
					logger.debug("Stopping embedded servers while {} is still running", thread.getName());
				}
			}
		}
	}

}

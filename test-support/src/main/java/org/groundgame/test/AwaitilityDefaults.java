package org.groundgame.test;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.pollinterval.PollInterval;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * How every test JVM that has this module on its class path waits with Awaitility: the
 * first look at once, then after 10 ms, doubling to at most every 100 ms.
 * <p>
 * Awaitility's own default looks first after its poll interval (100 ms) and then every
 * 100 ms, so each wait for something that is already true, or true a few milliseconds
 * later, cost 100 to 200 ms; a suite waits thousands of times. The condition, the time
 * limit and {@code during} are the test's own and unchanged; a wait that sets its own
 * poll delay or interval keeps it. Registered as a JUnit Platform
 * {@link LauncherSessionListener} ({@code META-INF/services}), so it holds before the
 * first test class loads.
 */
public final class AwaitilityDefaults implements LauncherSessionListener {

	/** The first pause, after a first look that found the condition false. */
	static final Duration FIRST_PAUSE = Duration.ofMillis(10);

	/** The longest pause: Awaitility's own default interval. */
	static final Duration LONGEST_PAUSE = Duration.ofMillis(100);

	/** Each pause twice the one before, up to {@link #LONGEST_PAUSE}. */
	static final PollInterval DOUBLING = (pollCount, previous) -> (pollCount <= 1) ? FIRST_PAUSE
			: min(previous.multipliedBy(2), LONGEST_PAUSE);

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		apply();
	}

	/** Sets the defaults (also for a caller outside a JUnit launcher session). */
	public static void apply() {
		Awaitility.setDefaultPollDelay(Duration.ZERO);
		Awaitility.setDefaultPollInterval(DOUBLING);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}

package org.groundgame.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherSessionListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AwaitilityDefaultsTests {

	@Test
	void pausesDoubleFromTenMillisecondsToAtMostAwaitilitysOwnHundred() {
		List<Duration> pauses = new ArrayList<>();
		Duration previous = Duration.ZERO;
		for (int pollCount = 1; pollCount <= 6; pollCount++) {
			previous = AwaitilityDefaults.DOUBLING.next(pollCount, previous);
			pauses.add(previous);
		}
		assertThat(pauses).extracting(Duration::toMillis).containsExactly(10L, 20L, 40L, 80L, 100L, 100L);
	}

	@Test
	void everyTestJvmWithThisModuleWaitsThisWay() {
		assertThat(ServiceLoader.load(LauncherSessionListener.class).stream().map(ServiceLoader.Provider::type))
			.contains(AwaitilityDefaults.class);
		List<Duration> pauses = new ArrayList<>();
		AtomicInteger looks = new AtomicInteger();
		await().atMost(Duration.ofSeconds(30))
			.conditionEvaluationListener((condition) -> pauses.add(condition.getPollInterval()))
			.until(() -> looks.incrementAndGet() == 4);
		// No pause before the first look; then the doubling pauses, not a fixed 100 ms.
		assertThat(pauses).extracting(Duration::toMillis).containsExactly(0L, 10L, 20L, 40L);
	}

}

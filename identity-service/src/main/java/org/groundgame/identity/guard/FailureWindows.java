package org.groundgame.identity.guard;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Failures counted per key (a client id, a username, an address) in a window of
 * {@code period} from the key's first failure, in memory, bounded: the shared piece of
 * the token endpoint's guard against guessed client secrets and of the sign-in throttle.
 * A window is written once, when its first failure comes; later failures only count in
 * it, so it is forgotten one period after it opened.
 */
public final class FailureWindows {

	private final Ticker ticker;

	private final long periodNanos;

	private final Cache<String, Window> windows;

	public FailureWindows(Duration period, int maxTrackedKeys, Ticker ticker) {
		this.ticker = ticker;
		this.periodNanos = period.toNanos();
		this.windows = Caffeine.newBuilder()
			.ticker(ticker)
			.expireAfterWrite(period)
			.maximumSize(maxTrackedKeys)
			.build();
	}

	/**
	 * Counts one more failure (or attempt) for the key.
	 * @return the count in the key's window, this one included, and the time left in it
	 */
	public Count add(String key) {
		long now = this.ticker.read();
		Window window = this.windows.get(key, (newKey) -> new Window(now));
		return new Count(window.failures.incrementAndGet(),
				Duration.ofNanos(Math.max(1, window.openedAt + this.periodNanos - now)));
	}

	/** Takes back one count of the key, if its window is still open. */
	public void subtract(String key) {
		Window window = this.windows.getIfPresent(key);
		if (window != null) {
			window.failures.updateAndGet((failures) -> Math.max(0, failures - 1));
		}
	}

	/** Forgets the key's window (the failures before a success, say). */
	public void forget(String key) {
		this.windows.invalidate(key);
	}

	/**
	 * @param count failures in the window so far
	 * @param timeLeft until the window ends
	 */
	public record Count(int count, Duration timeLeft) {

	}

	private static final class Window {

		private final long openedAt;

		private final AtomicInteger failures = new AtomicInteger();

		Window(long openedAt) {
			this.openedAt = openedAt;
		}

	}

}

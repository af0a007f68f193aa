package org.groundgame.identity.guard;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures counted per key (a client id, a username, an address) in a window of
 * {@code period} from the key's first failure: the shared piece of the token endpoint's
 * guard against guessed client secrets and of the sign-in throttle. The windows are kept
 * in the service's store ({@link FailureCounts}, {@link FailureWindowStore}), shared by
 * every instance, so that failures against two instances count once in total, however
 * they are spread and however many come at the same moment. A window is opened with its
 * first failure; later failures only count in it, so it ends one period after it opened.
 * <p>
 * While the store cannot be reached, failures are counted in this instance's memory
 * instead (bounded to {@code maxTrackedKeys} keys, each forgotten one period after its
 * window opened), and {@code groundgame.identity.failure-windows.local} counts them: a
 * guard that let every guess through while the store blips would be none, and one that
 * refused everyone would lock every client out. What was counted in memory is not carried
 * over when the store is back.
 */
public final class FailureWindows {

	private static final Logger log = LoggerFactory.getLogger(FailureWindows.class);

	private final FailureCounts store;

	private final String kind;

	private final Duration period;

	private final LocalWindows local;

	/**
	 * @param store the shared windows
	 * @param kind what the keys are (e.g. {@code secret-guessing-client}), one name per
	 * use: the store keeps every kind apart
	 * @param period each window's length
	 * @param maxTrackedKeys how many keys are tracked in memory, while the store cannot
	 * be reached
	 */
	public FailureWindows(FailureCounts store, String kind, Duration period, int maxTrackedKeys) {
		this(store, kind, period, maxTrackedKeys, Ticker.systemTicker());
	}

	FailureWindows(FailureCounts store, String kind, Duration period, int maxTrackedKeys, Ticker localTicker) {
		this.store = store;
		this.kind = kind;
		this.period = period;
		this.local = new LocalWindows(period, maxTrackedKeys, localTicker);
	}

	/**
	 * Counts one more failure (or attempt) for the key.
	 * @return the count in the key's window, this one included, and the time left in it
	 */
	public Count add(String key) {
		try {
			return this.store.add(this.kind, key, this.period);
		}
		catch (FailureCounts.Unreachable ex) {
			unreachable(ex);
			return this.local.add(key);
		}
	}

	/** Takes back one count of the key, if its window is still open. */
	public void subtract(String key) {
		try {
			this.store.subtract(this.kind, key);
		}
		catch (FailureCounts.Unreachable ex) {
			unreachable(ex);
		}
		this.local.subtract(key);
	}

	/** Forgets the key's window (the failures before a success, say). */
	public void forget(String key) {
		try {
			this.store.forget(this.kind, key);
		}
		catch (FailureCounts.Unreachable ex) {
			unreachable(ex);
		}
		this.local.forget(key);
	}

	private void unreachable(FailureCounts.Unreachable ex) {
		this.store.countedLocally(this.kind);
		// Never the key: it is a username or an address.
		log.warn("Failure windows ({}) counted in this instance's memory: the store could not be reached ({})",
				this.kind, ex.getCause().getClass().getSimpleName());
	}

	/**
	 * @param count failures in the window so far
	 * @param timeLeft until the window ends
	 */
	public record Count(int count, Duration timeLeft) {

	}

	/** The windows of one instance, in memory, bounded. */
	private static final class LocalWindows {

		private final Ticker ticker;

		private final long periodNanos;

		private final Cache<String, Window> windows;

		LocalWindows(Duration period, int maxTrackedKeys, Ticker ticker) {
			this.ticker = ticker;
			this.periodNanos = period.toNanos();
			this.windows = Caffeine.newBuilder()
				.ticker(ticker)
				.expireAfterWrite(period)
				.maximumSize(maxTrackedKeys)
				.build();
		}

		Count add(String key) {
			long now = this.ticker.read();
			Window window = this.windows.get(key, (newKey) -> new Window(now));
			return new Count(window.failures.incrementAndGet(),
					Duration.ofNanos(Math.max(1, window.openedAt + this.periodNanos - now)));
		}

		void subtract(String key) {
			Window window = this.windows.getIfPresent(key);
			if (window != null) {
				window.failures.updateAndGet((failures) -> Math.max(0, failures - 1));
			}
		}

		void forget(String key) {
			this.windows.invalidate(key);
		}

	}

	private static final class Window {

		private final long openedAt;

		private final AtomicInteger failures = new AtomicInteger();

		Window(long openedAt) {
			this.openedAt = openedAt;
		}

	}

}

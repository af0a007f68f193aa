package org.groundgame.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Matches each completion to the time its event was meant to be sent, and records the
 * latency of the events of the measured phase. Latency counts from the intended send time
 * of the fixed-rate schedule, not from the moment the sender got round to it, so a stall
 * on the sending side is charged to every event it delayed (no coordinated omission).
 * Also records where the time went: from the end of the send call to the consumer, and
 * inside the consumer.
 */
final class LatencyRecorder implements Completions {

	private final Map<String, Expected> expected = new HashMap<>();

	private final Histogram latencies = new Histogram(3);

	private final Histogram toConsumer = new Histogram(3);

	private final Histogram inConsumer = new Histogram(3);

	private long received;

	private long firstCompleted = Long.MAX_VALUE;

	private long lastCompleted = Long.MIN_VALUE;

	private long unexpected;

	/** Announces an event before it is sent. */
	synchronized void expect(String eventId, long intendedNanoTime, boolean measured) {
		this.expected.put(eventId, new Expected(intendedNanoTime, measured));
	}

	/** Notes that the send call of an event returned. */
	synchronized void sent(String eventId, long nanoTime) {
		Expected event = this.expected.get(eventId);
		if (event != null) {
			event.sent = nanoTime;
		}
	}

	/** Withdraws an event whose send failed: it will not arrive. */
	synchronized void forget(String eventId) {
		this.expected.remove(eventId);
		notifyAll();
	}

	@Override
	public synchronized void arrived(String eventId, long nanoTime) {
		Expected event = this.expected.get(eventId);
		if (event != null) {
			event.arrived = nanoTime;
		}
	}

	@Override
	public synchronized void completed(String eventId, long nanoTime) {
		Expected event = this.expected.remove(eventId);
		if (event == null) {
			// Delivered twice, or not ours.
			this.unexpected++;
			return;
		}
		if (event.measured) {
			this.latencies.recordValue(Math.max(0, nanoTime - event.intended));
			this.received++;
			this.firstCompleted = Math.min(this.firstCompleted, nanoTime);
			this.lastCompleted = Math.max(this.lastCompleted, nanoTime);
			long arrived = (event.arrived != 0) ? event.arrived : nanoTime;
			if (event.sent != 0 && arrived >= event.sent) {
				this.toConsumer.recordValue(arrived - event.sent);
			}
			if (event.arrived != 0) {
				this.inConsumer.recordValue(nanoTime - event.arrived);
			}
		}
		if (this.expected.isEmpty()) {
			notifyAll();
		}
	}

	/**
	 * Waits until every announced event has arrived.
	 * @return whether they all did within the timeout
	 */
	synchronized boolean awaitAll(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.expected.isEmpty()) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				return false;
			}
			wait(Math.max(1, remaining / 1_000_000));
		}
		return true;
	}

	/** Nanoseconds from intended send time to effect, per measured event. */
	synchronized Histogram latencies() {
		return this.latencies.copy();
	}

	/** Nanoseconds from the end of the send call to the consumer's code. */
	synchronized Histogram toConsumer() {
		return this.toConsumer.copy();
	}

	/** Nanoseconds in the consumer's code, up to its effect; empty if not reported. */
	synchronized Histogram inConsumer() {
		return this.inConsumer.copy();
	}

	/**
	 * The rate at which the measured events reached their effect, from the first to the
	 * last: the sending rate when the path keeps up, its capacity when it does not.
	 */
	synchronized double deliveredPerSecond() {
		if (this.received < 2 || this.lastCompleted <= this.firstCompleted) {
			return 0;
		}
		return (this.received - 1) * 1e9 / (this.lastCompleted - this.firstCompleted);
	}

	synchronized long received() {
		return this.received;
	}

	synchronized long unexpected() {
		return this.unexpected;
	}

	private static final class Expected {

		final long intended;

		final boolean measured;

		long sent;

		long arrived;

		Expected(long intended, boolean measured) {
			this.intended = intended;
			this.measured = measured;
		}

	}

}

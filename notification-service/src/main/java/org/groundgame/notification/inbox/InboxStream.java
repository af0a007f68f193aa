package org.groundgame.notification.inbox;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.groundgame.notification.inbox.InboxStreams.Cursor;
import org.groundgame.notification.inbox.domain.InboxEntry;
import org.groundgame.notification.inbox.domain.Recipient;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream of an inbox. Everything it sends is written by its own virtual thread
 * ({@link #run}), which takes what to send from a queue: entries pushed live and entries
 * found by a catch-up, in batches. A slow client therefore holds up no one else, and the
 * stream's memory of what it sent needs no locking.
 * <p>
 * An entry is sent when it is newer than the start and has not been sent on this stream
 * yet. Entries are sent in the order of delivery ({@link Cursor}) as far as they become
 * known in it; one that became visible late (another instance's) may follow a newer one.
 */
final class InboxStream {

	static final String EVENT_NAME = "notification";

	/** Batches waiting to be sent; when full, the catch-up finds what was dropped. */
	private static final int QUEUE_CAPACITY = 256;

	private final Recipient recipient;

	private final SseEmitter emitter;

	private final InboxStreams streams;

	private final InboxStreamProperties properties;

	private final BlockingQueue<List<InboxEntry>> pending = new LinkedBlockingQueue<>(QUEUE_CAPACITY);

	private volatile Thread writer;

	private volatile boolean stopped;

	/**
	 * The earliest delivery time the catch-up must still look at for this stream;
	 * {@code null} until it has replayed what the client missed.
	 */
	private volatile Instant lookingFrom;

	// Touched by the writer thread only.

	/**
	 * Entries at or before it the client has (the Last-Event-ID one and those before).
	 */
	private Cursor floor;

	/** Nothing delivered before it is sent any more. */
	private Instant lowerBound;

	/** What was sent (or known to the client) from the lower bound on: id to time. */
	private final Map<String, Instant> sent = new HashMap<>();

	InboxStream(Recipient recipient, SseEmitter emitter, InboxStreams streams, InboxStreamProperties properties) {
		this.recipient = recipient;
		this.emitter = emitter;
		this.streams = streams;
		this.properties = properties;
	}

	Recipient recipient() {
		return this.recipient;
	}

	SseEmitter emitter() {
		return this.emitter;
	}

	Instant lookingFrom() {
		return this.lookingFrom;
	}

	/** Entries to send if new to this stream; never blocks. */
	void offer(List<InboxEntry> batch) {
		if (!this.stopped) {
			this.pending.offer(batch);
		}
	}

	/**
	 * Writes the stream until it ends: a comment at once (so that the answer starts, and
	 * a gateway waiting for it need not), the entries missed since the start, then new
	 * ones as they come and a heartbeat comment whenever it was silent for a while.
	 */
	void run(Start start) {
		this.writer = Thread.currentThread();
		try {
			if (this.stopped) {
				return;
			}
			this.emitter.send(SseEmitter.event()
				.comment("inbox " + this.recipient.key())
				.reconnectTime(this.properties.reconnectTime().toMillis()));
			this.floor = start.after();
			this.lowerBound = start.lowerBound();
			this.sent.putAll(start.known());
			if (start.after() != null) {
				replayAfter(start.after());
			}
			this.lookingFrom = this.lowerBound;
			long heartbeat = this.properties.heartbeat().toNanos();
			long lastWrite = System.nanoTime();
			while (!this.stopped) {
				long wait = heartbeat - (System.nanoTime() - lastWrite);
				if (wait <= 0) {
					this.emitter.send(SseEmitter.event().comment("keep-alive"));
					lastWrite = System.nanoTime();
					continue;
				}
				List<InboxEntry> batch = this.pending.poll(wait, TimeUnit.NANOSECONDS);
				if (batch != null && sendNew(batch)) {
					lastWrite = System.nanoTime();
				}
			}
		}
		catch (InterruptedException ex) {
			// Stopped.
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away, or the stream completed (timed out, shut down).
		}
		catch (RuntimeException ex) {
			this.emitter.completeWithError(ex);
		}
		finally {
			this.stopped = true;
			this.streams.closed(this);
		}
	}

	private void replayAfter(Cursor after) throws IOException {
		Cursor from = after;
		List<InboxEntry> batch;
		do {
			batch = this.streams.deliveredAfter(this.recipient, from);
			sendNew(batch);
			if (!batch.isEmpty()) {
				from = Cursor.of(batch.get(batch.size() - 1));
			}
		}
		while (batch.size() == InboxStreams.BATCH && !this.stopped);
	}

	/** Sends the entries of a batch this stream has not sent; true if it sent any. */
	private boolean sendNew(Collection<InboxEntry> batch) throws IOException {
		boolean any = false;
		Instant newest = null;
		for (InboxEntry entry : batch.stream().sorted((a, b) -> Cursor.of(a).compareTo(Cursor.of(b))).toList()) {
			if (entry.deliveredAt().isBefore(this.lowerBound) || this.sent.containsKey(entry.id())
					|| (this.floor != null && Cursor.of(entry).compareTo(this.floor) <= 0)) {
				continue;
			}
			this.emitter.send(SseEmitter.event()
				.id(entry.id())
				.name(EVENT_NAME)
				.data(InboxEntryResponse.of(entry), MediaType.APPLICATION_JSON));
			this.sent.put(entry.id(), entry.deliveredAt());
			newest = (newest == null || entry.deliveredAt().isAfter(newest)) ? entry.deliveredAt() : newest;
			any = true;
		}
		if (newest != null) {
			Instant bound = newest.minus(this.properties.catchUpWindow());
			if (bound.isAfter(this.lowerBound)) {
				this.lowerBound = bound;
				this.sent.values().removeIf((deliveredAt) -> deliveredAt.isBefore(bound));
				if (this.lookingFrom != null) {
					this.lookingFrom = bound;
				}
			}
		}
		return any;
	}

	/** Ends the stream's writer; the emitter is completed by whoever ended it. */
	void stop() {
		this.stopped = true;
		Thread thread = this.writer;
		if (thread != null && thread != Thread.currentThread()) {
			thread.interrupt();
		}
	}

	/** Ends the stream from the server's side (shutting down). */
	void end() {
		stop();
		try {
			this.emitter.complete();
		}
		catch (RuntimeException ex) {
			// Already over.
		}
	}

	/**
	 * Where a stream starts.
	 *
	 * @param after the entry the client received last, or {@code null}
	 * @param lowerBound nothing delivered before it is sent
	 * @param known the entries the client is taken to have already: id to delivery time
	 */
	record Start(Cursor after, Instant lowerBound, Map<String, Instant> known) {

		static Start after(Cursor last) {
			return new Start(last, last.deliveredAt(), Map.of());
		}

		static Start from(Instant lowerBound, Map<String, Instant> known) {
			return new Start(null, lowerBound, known);
		}

	}

}

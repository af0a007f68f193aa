package org.groundgame.notification.inbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.notification.inbox.domain.InboxEntry;
import org.groundgame.notification.inbox.domain.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open inbox streams of this instance, by recipient, and what feeds them.
 * <p>
 * Entries are ordered by {@code (deliveredAt, id)}: when they reached the inbox, ties
 * broken by id. It costs no extra write per delivery (a per-recipient sequence would, and
 * would still not make entries visible in its order), it is the same on every instance,
 * and {@code Last-Event-ID} (an entry's id) finds its place in it with one look-up.
 * <ul>
 * <li>This instance's deliveries are pushed at once: {@link Inbox} hands each new entry
 * to {@link InboxFanOut}, which calls {@link #delivered}.</li>
 * <li>Other instances' (each consumes its own partitions) are pushed as their
 * announcements arrive ({@link #announced}, from {@link InboxFanOut}'s topic).</li>
 * <li>What neither brought (an announcement lost) is found by a catch-up query per
 * recipient with open streams, every {@code catch-up-interval}, for entries delivered
 * since shortly before the newest one each stream sent. The window before it
 * ({@code catch-up-window}) covers writes that became visible late and clocks a little
 * apart; each stream remembers what it sent within the window and never sends an entry
 * twice, whichever way it came.</li>
 * </ul>
 */
@Component
class InboxStreams implements SmartLifecycle {

	static final String OPEN_STREAMS = "groundgame.notification.inbox.streams";

	private static final Logger log = LoggerFactory.getLogger(InboxStreams.class);

	/** Entries read from the store at a time. */
	static final int BATCH = 200;

	private final InboxStore store;

	private final InboxStreamProperties properties;

	private final Clock clock;

	private final Map<String, Listeners> listeners = new ConcurrentHashMap<>();

	/**
	 * Each stream's writer, and each recipient's catch-up, on a virtual thread. Made anew
	 * at each start: the context may be stopped and started again (as the test framework
	 * does with the contexts it keeps).
	 */
	private volatile ExecutorService workers;

	private volatile ScheduledExecutorService ticker;

	private volatile boolean running;

	InboxStreams(InboxStore store, InboxStreamProperties properties, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder(OPEN_STREAMS, this, InboxStreams::openStreams)
			.description("Open inbox streams (Server-Sent Events) on this instance")
			.register(meters);
	}

	/**
	 * Opens a stream of a recipient's inbox: first the entries delivered after
	 * {@code lastEventId}, if it names one of the recipient's, then every new one.
	 * @param lastEventId the id of the last entry the client received, or {@code null}
	 * (or one unknown in this inbox) to hear only of entries delivered from now on
	 * @throws TooManyStreamsException when the recipient has as many open here as allowed
	 */
	SseEmitter open(Recipient recipient, String lastEventId) {
		if (!this.running) {
			throw new IllegalStateException("The inbox streams are stopped");
		}
		InboxStream stream = new InboxStream(recipient, new SseEmitter(this.properties.timeout().toMillis()), this,
				this.properties);
		this.listeners.compute(recipient.key(), (key, present) -> {
			Listeners recipientStreams = (present != null) ? present : new Listeners(recipient);
			if (recipientStreams.streams.size() >= this.properties.maxPerRecipient()) {
				throw new TooManyStreamsException(recipient, this.properties.maxPerRecipient());
			}
			recipientStreams.streams.add(stream);
			return recipientStreams;
		});
		SseEmitter emitter = stream.emitter();
		emitter.onCompletion(() -> closed(stream));
		emitter.onError((ex) -> closed(stream));
		// Ended by us, not answered with an error: the client reconnects with
		// Last-Event-ID.
		emitter.onTimeout(emitter::complete);
		try {
			InboxStream.Start start = startOf(recipient, lastEventId);
			this.workers.execute(() -> stream.run(start));
		}
		catch (RuntimeException ex) {
			// No writer will ever end it: forget it now.
			closed(stream);
			throw ex;
		}
		return emitter;
	}

	/** Where a new stream starts: after the entry the client names, or from now. */
	private InboxStream.Start startOf(Recipient recipient, String lastEventId) {
		if (lastEventId != null && !lastEventId.isBlank()) {
			// Scoped to the recipient: another inbox's entry is as unknown as none.
			var last = this.store.entry(recipient, lastEventId.strip());
			if (last.isPresent()) {
				return InboxStream.Start.after(Cursor.of(last.get()));
			}
		}
		Instant now = this.clock.instant();
		// What was there when the client connected it has read already (GET inbox).
		Map<String, Instant> known = this.store.deliveredBetween(recipient, now.minus(this.properties.catchUpWindow()),
				now);
		return InboxStream.Start.from(now.minus(this.properties.catchUpWindow()), known);
	}

	/** A new entry, pushed to its recipient's open streams here. Never fails. */
	void delivered(InboxEntry entry) {
		try {
			Listeners recipientStreams = this.listeners.get(entry.recipient().key());
			if (recipientStreams != null) {
				push(recipientStreams, entry);
			}
		}
		catch (RuntimeException ex) {
			// The catch-up finds it.
			log.warn("Could not push entry {} to the open streams: {}", entry.id(), ex.toString());
		}
	}

	/**
	 * An entry another instance delivered and announced ({@link InboxFanOut}): read from
	 * the store and pushed to the recipient's open streams here, if there are any
	 * (nothing is read otherwise). Never fails.
	 */
	Announced announced(Recipient recipient, String entryId) {
		Listeners recipientStreams = this.listeners.get(recipient.key());
		if (recipientStreams == null) {
			return Announced.NOT_STREAMED;
		}
		try {
			var entry = this.store.entry(recipient, entryId);
			if (entry.isEmpty()) {
				// Gone since (its subject erased): nothing to send.
				return Announced.GONE;
			}
			push(recipientStreams, entry.get());
			return Announced.PUSHED;
		}
		catch (RuntimeException ex) {
			// The catch-up finds it.
			log.warn("Could not push entry {} to the open streams: {}", entryId, ex.toString());
			return Announced.FAILED;
		}
	}

	/** What became of an entry another instance announced. */
	enum Announced {

		/** Pushed to the recipient's streams here. */
		PUSHED,
		/** The recipient has no stream open here: nothing read. */
		NOT_STREAMED,
		/** No longer in the store. */
		GONE,
		/** Could not be read: left to the catch-up. */
		FAILED

	}

	private void push(Listeners recipientStreams, InboxEntry entry) {
		List<InboxEntry> batch = List.of(entry);
		recipientStreams.streams.forEach((stream) -> stream.offer(batch));
	}

	/** The entries of a recipient after a cursor, oldest first, a batch at a time. */
	List<InboxEntry> deliveredAfter(Recipient recipient, Cursor after) {
		return this.store.deliveredAfter(recipient, after.deliveredAt(), after.id(), BATCH);
	}

	private void catchUp() {
		this.listeners.values().forEach((recipientStreams) -> {
			if (recipientStreams.catchingUp.compareAndSet(false, true)) {
				try {
					this.workers.execute(() -> catchUp(recipientStreams));
				}
				catch (RuntimeException ex) {
					recipientStreams.catchingUp.set(false);
				}
			}
		});
	}

	/**
	 * One query for all of a recipient's streams, from the earliest point any of them
	 * still looks at; each stream keeps what it has not sent.
	 */
	private void catchUp(Listeners recipientStreams) {
		try {
			Instant since = recipientStreams.streams.stream()
				.map(InboxStream::lookingFrom)
				.filter((from) -> from != null)
				.min(Instant::compareTo)
				.orElse(null);
			if (since == null) {
				return;
			}
			Cursor after = new Cursor(since.minusMillis(1), "");
			List<InboxEntry> batch;
			do {
				batch = deliveredAfter(recipientStreams.recipient, after);
				if (!batch.isEmpty()) {
					List<InboxEntry> found = batch;
					recipientStreams.streams.forEach((stream) -> stream.offer(found));
					InboxEntry last = batch.get(batch.size() - 1);
					after = new Cursor(last.deliveredAt(), last.id());
				}
			}
			while (batch.size() == BATCH && this.running);
		}
		catch (RuntimeException ex) {
			log.warn("Catching up the streams of {} failed: {}", recipientStreams.recipient, ex.toString());
		}
		finally {
			recipientStreams.catchingUp.set(false);
		}
	}

	/** Forgets a stream that ended, whatever ended it; safe to call more than once. */
	void closed(InboxStream stream) {
		this.listeners.computeIfPresent(stream.recipient().key(), (key, recipientStreams) -> {
			recipientStreams.streams.remove(stream);
			return recipientStreams.streams.isEmpty() ? null : recipientStreams;
		});
		stream.stop();
	}

	/** The streams open on this instance. */
	int openStreams() {
		return this.listeners.values().stream().mapToInt((recipientStreams) -> recipientStreams.streams.size()).sum();
	}

	int openStreams(Recipient recipient) {
		Listeners recipientStreams = this.listeners.get(recipient.key());
		return (recipientStreams != null) ? recipientStreams.streams.size() : 0;
	}

	@Override
	public void start() {
		this.workers = Executors.newVirtualThreadPerTaskExecutor();
		this.ticker = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("inbox-streams-catch-up").daemon().factory());
		long interval = this.properties.catchUpInterval().toMillis();
		this.ticker.scheduleWithFixedDelay(this::catchUp, interval, interval, TimeUnit.MILLISECONDS);
		this.running = true;
	}

	/**
	 * Ends every stream before the web server shuts down, so that open streams hold
	 * nothing up; their clients reconnect elsewhere with {@code Last-Event-ID}.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.ticker.shutdownNow();
		this.listeners.values()
			.forEach((recipientStreams) -> recipientStreams.streams.forEach((stream) -> stream.end()));
		this.workers.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Stopped first, before the web server's graceful shutdown waits for requests.
		return Integer.MAX_VALUE;
	}

	/**
	 * One open stream of an inbox. Everything it sends is written by its own virtual
	 * thread ({@link #run}), which takes what to send from a queue: entries pushed live
	 * and entries found by a catch-up, in batches. A slow client therefore holds up no
	 * one else, and the stream's memory of what it sent needs no locking.
	 * <p>
	 * An entry is sent when it is newer than the start and has not been sent on this
	 * stream yet. Entries are sent in the order of delivery ({@link Cursor}) as far as
	 * they become known in it; one that became visible late (another instance's) may
	 * follow a newer one.
	 * <p>
	 * Part of this component (it writes Server-Sent Events through Spring's
	 * {@link SseEmitter}), so nested in it.
	 */
	static final class InboxStream {

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
		 * Entries at or before it the client has (the Last-Event-ID one and those
		 * before).
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
		 * Writes the stream until it ends: a comment at once (so that the answer starts,
		 * and a gateway waiting for it need not), the entries missed since the start,
		 * then new ones as they come and a heartbeat comment whenever it was silent for a
		 * while.
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
		 * @param known the entries the client is taken to have already: id to delivery
		 * time
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

	/** A place in the order of delivery: an entry's, or just before one. */
	record Cursor(Instant deliveredAt, String id) implements Comparable<Cursor> {

		static Cursor of(InboxEntry entry) {
			return new Cursor(entry.deliveredAt(), entry.id());
		}

		@Override
		public int compareTo(Cursor other) {
			int byTime = this.deliveredAt.compareTo(other.deliveredAt);
			return (byTime != 0) ? byTime : this.id.compareTo(other.id);
		}

	}

	/** One recipient's open streams on this instance. */
	private static final class Listeners {

		private final Recipient recipient;

		private final Set<InboxStream> streams = ConcurrentHashMap.newKeySet();

		private final AtomicBoolean catchingUp = new AtomicBoolean();

		private Listeners(Recipient recipient) {
			this.recipient = recipient;
		}

	}

}

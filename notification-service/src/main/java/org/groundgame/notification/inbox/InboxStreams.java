package org.groundgame.notification.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * <li>This instance's deliveries are pushed at once: {@link Inbox} calls
 * {@link #delivered} after each insert.</li>
 * <li>Other instances' (each consumes its own partitions) are found by a catch-up query
 * per recipient with open streams, every {@code catch-up-interval}, for entries delivered
 * since shortly before the newest one each stream sent. The window before it
 * ({@code catch-up-window}) covers writes that became visible late and clocks a little
 * apart; each stream remembers what it sent within the window and never sends an entry
 * twice.</li>
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
				List<InboxEntry> batch = List.of(entry);
				recipientStreams.streams.forEach((stream) -> stream.offer(batch));
			}
		}
		catch (RuntimeException ex) {
			// The catch-up finds it.
			log.warn("Could not push entry {} to the open streams: {}", entry.id(), ex.toString());
		}
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

package org.groundgame.notification.inbox;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.groundgame.notification.inbox.domain.InboxEntry;
import org.groundgame.notification.inbox.domain.Recipient;
import org.groundgame.support.broadcast.Broadcasts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Each new entry to the open streams of every instance, not only of the one that wrote it
 * (an event's entries are written by whichever instance of the consumer group consumed
 * it, and a browser's stream may be open on any instance).
 * <p>
 * The instance that writes an entry pushes it to its own streams at once, and announces
 * it on the service's own topic, {@value #TOPIC}, with ids only ({@link NewEntry}: the
 * entry's title and body may hold a person's name). Every instance reads that topic in a
 * consumer group of its own (an anonymous binding, from the end of the topic), ignores
 * what it announced itself (pushed already), and pushes the others' entries, read from
 * the store, to its streams for that recipient, if it has any: one path per instance, so
 * each stream gets each entry once (and a stream never sends an entry twice whatever
 * reaches it). Announcements are keyed by recipient, so an inbox's keep their order.
 * <p>
 * An announcement lost (the broker away, the writer gone before it sent) delays an entry
 * until the streams' catch-up finds it in the store ({@code catch-up-interval}).
 */
@Component
public class InboxFanOut {

	/** The announcements: internal to this service, kept briefly (application.yaml). */
	static final String TOPIC = "groundgame.notification.inbox-entries";

	/** The output binding that {@code application.yaml} points at {@link #TOPIC}. */
	static final String OUTPUT = "inboxEntries-out-0";

	/**
	 * The announcements this instance read, by outcome: {@code own}, or what became of
	 * another's ({@link InboxStreams.Announced}), or {@code unreadable}.
	 */
	static final String ANNOUNCEMENTS = "groundgame.notification.inbox.announcements";

	private static final Logger log = LoggerFactory.getLogger(InboxFanOut.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final InboxStreams streams;

	private final Broadcasts broadcasts;

	/** Tells this instance's announcements from the others'. */
	private final String instance = UUID.randomUUID().toString();

	private final Counter own;

	private final Counter unreadable;

	private final Map<InboxStreams.Announced, Counter> others = new EnumMap<>(InboxStreams.Announced.class);

	InboxFanOut(InboxStreams streams, Broadcasts broadcasts, MeterRegistry meters) {
		this.streams = streams;
		this.broadcasts = broadcasts;
		this.own = announcements(meters, "own");
		this.unreadable = announcements(meters, "unreadable");
		for (InboxStreams.Announced outcome : InboxStreams.Announced.values()) {
			this.others.put(outcome, announcements(meters, outcome.name().toLowerCase(Locale.ROOT).replace('_', '-')));
		}
	}

	private static Counter announcements(MeterRegistry meters, String outcome) {
		return Counter.builder(ANNOUNCEMENTS)
			.description("New inbox entries announced by the instances, as this instance read them, by outcome")
			.tag("outcome", outcome)
			.register(meters);
	}

	/** A new entry, to this instance's streams, then announced. Never fails. */
	void delivered(InboxEntry entry) {
		this.streams.delivered(entry);
		try {
			String recipient = entry.recipient().key();
			this.broadcasts.send(OUTPUT, recipient,
					json.writeValueAsBytes(new NewEntry(this.instance, recipient, entry.id())));
		}
		catch (RuntimeException ex) {
			log.warn("Could not announce entry {}: {}", entry.id(), ex.toString());
		}
	}

	/** The consumer of {@link #TOPIC}: every instance's, in a group of its own. */
	public Consumer<Message<byte[]>> consumer() {
		return (message) -> announced(message.getPayload());
	}

	/** An entry some instance announced; never fails (the catch-up finds it). */
	void announced(byte[] announcement) {
		NewEntry entry;
		Recipient recipient;
		try {
			entry = json.readValue(announcement, NewEntry.class);
			recipient = Recipient.ofKey(entry.recipient());
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			log.warn("Ignored an announcement that is none: {}", ex.toString());
			this.unreadable.increment();
			return;
		}
		if (entry.entryId() == null) {
			this.unreadable.increment();
			return;
		}
		if (this.instance.equals(entry.instance())) {
			// Ours: pushed here when it was written.
			this.own.increment();
			return;
		}
		this.others.get(this.streams.announced(recipient, entry.entryId())).increment();
	}

	/**
	 * A new entry, as announced: ids only, no personal data.
	 *
	 * @param instance the instance that wrote it
	 * @param recipient the inbox's key ({@code chapter:<id>} or {@code staff})
	 * @param entryId the entry's id
	 */
	record NewEntry(String instance, String recipient, String entryId) {
	}

}

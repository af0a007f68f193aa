package org.groundgame.support.consumer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.support.cloudevents.CloudEventHeaders;
import org.groundgame.events.endorsement.CandidateErased;
import org.groundgame.events.training.TraineeErased;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.Message;

/**
 * Builds the functional consumers that Spring Cloud Stream binds to topics. A consumer
 * reads the CloudEvent's type from its {@code ce_type} header, ignores types it has no
 * handler for (tolerant reader: producers may add types), reads the data as the event
 * record (ignoring unknown fields, opening its sealed personal data with the keys this
 * service holds: {@link PersonalDataProtection}), and applies it once per consumer name:
 *
 * <pre class="code">
 * &#64;Bean
 * Consumer&lt;Message&lt;byte[]&gt;&gt; endorsementEvents(EventConsumers consumers, Inbox inbox) {
 *     return consumers.named("notification-inbox").on(EndorsementGranted.class, inbox::endorsementGranted).build();
 * }
 * </pre>
 */
public class EventConsumers {

	private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

	/** The events that destroy personal-data keys. */
	private static final Set<Class<? extends DomainEvent>> ERASURES = Set.of(VolunteerErased.class, TraineeErased.class,
			CandidateErased.class);

	private final PersonalDataProtection personalData;

	private final ProcessedEvents processed;

	private final MeterRegistry meters;

	public EventConsumers(PersonalDataProtection personalData, ProcessedEvents processed, MeterRegistry meters) {
		this.personalData = personalData;
		this.processed = processed;
		this.meters = meters;
	}

	/**
	 * Starts a consumer; the name keys its idempotency records, so keep it stable (one
	 * name per effect, e.g. the binding's group).
	 */
	public Builder named(String consumerName) {
		return new Builder(consumerName);
	}

	public final class Builder {

		private final String name;

		private final Map<Class<? extends DomainEvent>, Consumer<? extends DomainEvent>> handlers = new LinkedHashMap<>();

		private Builder(String name) {
			this.name = name;
		}

		public <E extends DomainEvent> Builder on(Class<E> type, Consumer<E> handler) {
			this.handlers.put(type, handler);
			return this;
		}

		public Consumer<Message<byte[]>> build() {
			return new CloudEventConsumer(this.name, Map.copyOf(this.handlers));
		}

	}

	private final class CloudEventConsumer implements Consumer<Message<byte[]>> {

		private final String name;

		private final Map<Class<? extends DomainEvent>, Consumer<? extends DomainEvent>> handlers;

		CloudEventConsumer(String name, Map<Class<? extends DomainEvent>, Consumer<? extends DomainEvent>> handlers) {
			this.name = name;
			this.handlers = handlers;
		}

		@Override
		public void accept(Message<byte[]> message) {
			String type = CloudEventHeaders.text(message, CloudEventHeaders.TYPE);
			String id = CloudEventHeaders.text(message, CloudEventHeaders.ID);
			if (type == null || id == null) {
				throw new UnreadableEventException("Not a CloudEvent: no ce_type or ce_id header", null);
			}
			Class<? extends DomainEvent> eventClass = EventCatalog.classOf(type).orElse(null);
			if (eventClass != null && ERASURES.contains(eventClass)) {
				// Every consumer drops its copies of the destroyed keys, handler or not.
				EventConsumers.this.personalData.erased(read(message.getPayload(), eventClass, id, type));
			}
			if (eventClass == null || !this.handlers.containsKey(eventClass)) {
				count(type, "ignored");
				log.debug("{} ignores event {} of type {}", this.name, id, type);
				return;
			}
			DomainEvent event = read(message.getPayload(), eventClass, id, type);
			boolean applied = EventConsumers.this.processed.once(this.name, id, () -> dispatch(eventClass, event));
			count(type, applied ? "applied" : "duplicate");
		}

		private DomainEvent read(byte[] payload, Class<? extends DomainEvent> eventClass, String id, String type) {
			try {
				return EventConsumers.this.personalData.read(payload, eventClass);
			}
			catch (RuntimeException ex) {
				throw new UnreadableEventException("Event " + id + " of type " + type + " has unreadable data", ex);
			}
		}

		@SuppressWarnings("unchecked")
		private <E extends DomainEvent> void dispatch(Class<E> eventClass, DomainEvent event) {
			((Consumer<E>) this.handlers.get(eventClass)).accept(eventClass.cast(event));
		}

		private void count(String type, String outcome) {
			EventConsumers.this.meters
				.counter("groundgame.events.consumed", "consumer", this.name, "type", type, "outcome", outcome)
				.increment();
		}

	}

}

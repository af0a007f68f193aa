package org.groundgame.support.outbox;

import java.util.Collection;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.support.audit.AuditActors;
import org.groundgame.support.cloudevents.TraceContexts;
import org.groundgame.support.personaldata.PersonalDataProtection;

/**
 * Puts the events an aggregate returned into its document's outbox. The caller then saves
 * the document: state and events are written together, in one document write, and the
 * relay publishes the events right after. Each event records who caused it and through
 * which request (from the bearer token and the request id of the current request), for
 * the audit trail the relay appends it to. Its personal data is sealed with the key of
 * the person's record ({@link PersonalDataProtection}) before it is stored: neither the
 * outbox nor Kafka ever holds it in clear.
 */
public class Outbox {

	private final TraceContexts traces;

	private final AuditActors actors;

	private final PersonalDataProtection personalData;

	public Outbox(TraceContexts traces, AuditActors actors, PersonalDataProtection personalData) {
		this.traces = traces;
		this.actors = actors;
		this.personalData = personalData;
	}

	public void append(HasOutbox document, Collection<? extends DomainEvent> events) {
		events.forEach((event) -> append(document, event));
	}

	public void append(HasOutbox document, DomainEvent event) {
		document.getOutbox().add(toOutboxEvent(event));
	}

	public OutboxEvent toOutboxEvent(DomainEvent event) {
		PersonalDataProtection.Sealed sealed = this.personalData.seal(event);
		return new OutboxEvent(event.eventId(), EventCatalog.typeOf(event.getClass()),
				EventCatalog.topicOf(event.getClass()), event.aggregateId(), event.occurredAt(), sealed.payload(),
				this.traces.currentTraceparent(), this.actors.current(), this.actors.currentRequestId(), sealed.key(),
				event.erasedPersonalDataSubjects());
	}

}

package org.groundgame.support.outbox;

import java.util.Collection;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.support.cloudevents.EventJson;
import org.groundgame.support.audit.AuditActors;
import org.groundgame.support.cloudevents.TraceContexts;

/**
 * Puts the events an aggregate returned into its document's outbox. The caller then saves
 * the document: state and events are written together, in one document write, and the
 * relay publishes the events right after. Each event records who caused it and through
 * which request (from the bearer token and the request id of the current request), for
 * the audit trail the relay appends it to.
 */
public class Outbox {

	private final EventJson json;

	private final TraceContexts traces;

	private final AuditActors actors;

	public Outbox(EventJson json, TraceContexts traces, AuditActors actors) {
		this.json = json;
		this.traces = traces;
		this.actors = actors;
	}

	public void append(HasOutbox document, Collection<? extends DomainEvent> events) {
		events.forEach((event) -> append(document, event));
	}

	public void append(HasOutbox document, DomainEvent event) {
		document.getOutbox().add(toOutboxEvent(event));
	}

	public OutboxEvent toOutboxEvent(DomainEvent event) {
		return new OutboxEvent(event.eventId(), EventCatalog.typeOf(event.getClass()),
				EventCatalog.topicOf(event.getClass()), event.aggregateId(), event.occurredAt(), this.json.write(event),
				this.traces.currentTraceparent(), this.actors.current(), this.actors.currentRequestId());
	}

}

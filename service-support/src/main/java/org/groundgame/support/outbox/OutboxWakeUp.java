package org.groundgame.support.outbox;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Wakes the relay up right after a document with pending events is saved. */
class OutboxWakeUp extends AbstractMongoEventListener<HasOutbox> {

	private final OutboxRelay relay;

	OutboxWakeUp(OutboxRelay relay) {
		this.relay = relay;
	}

	@Override
	public void onAfterSave(AfterSaveEvent<HasOutbox> event) {
		if (!event.getSource().getOutbox().isEmpty() && event.getDocument() != null) {
			this.relay.wakeUp(event.getCollectionName(), event.getDocument().get("_id"));
		}
	}

}

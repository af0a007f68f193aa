package org.groundgame.support.outbox;

import java.util.List;

/**
 * A MongoDB document that carries the events its last changes caused, not yet published.
 * The relay finds every collection whose document class implements this, and publishes
 * and removes the pending events in order. The list is persisted in the field named
 * {@value #FIELD}.
 */
public interface HasOutbox {

	/** The name of the document field that holds the pending events. */
	String FIELD = "outbox";

	/**
	 * The pending events, oldest first; the application service appends to it before
	 * saving.
	 */
	List<OutboxEvent> getOutbox();

}

package org.groundgame.notification.inbox;

import org.groundgame.notification.inbox.domain.Recipient;

/** A recipient already holds as many open streams as one instance allows. */
class TooManyStreamsException extends RuntimeException {

	TooManyStreamsException(Recipient recipient, int max) {
		super("This inbox already has " + max + " open streams here; close one or try again later", null, false, false);
	}

}

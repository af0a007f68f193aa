package org.groundgame.web.console.signin;

import org.groundgame.session.SharedSession;

import org.springframework.session.MapSession;

/**
 * A console session as {@link StoredSessions} reads and writes it (session-store's
 * {@link SharedSession}).
 */
public final class StoredSession extends SharedSession {

	StoredSession(MapSession state) {
		super(state);
	}

}

package org.groundgame.web.console.signin;

import java.time.Clock;
import java.time.Duration;

import org.groundgame.session.SessionSealing;
import org.groundgame.session.SessionStore;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The console's sessions, kept in the {@code sessions} collection of this module's own
 * database ({@code groundgame-web}) rather than in memory, so that an organizer stays
 * signed in when {@code web} restarts, and every instance of {@code web} behind the
 * gateway answers every session (session-store's {@link SessionStore}, Spring Session's
 * {@code SessionRepository} on MongoDB).
 * <p>
 * A session holds what Spring Security keeps for a signed-in person: the security context
 * and the OAuth2 authorized client (the access and refresh tokens, which never reach the
 * browser), serialized together and sealed with a key derived from the platform's
 * key-encryption key ({@code groundgame.secrets.kek}), so a copy of the database gives no
 * token away.
 */
public class StoredSessions extends SessionStore<StoredSession> {

	static final String COLLECTION = "sessions";

	/**
	 * Sessions whose attributes are stored unsealed: for tests of the store's behaviour
	 * only; the console's sessions are always sealed.
	 */
	public StoredSessions(MongoTemplate store, Duration maxInactive, Clock clock) {
		this(store, maxInactive, clock, null);
	}

	public StoredSessions(MongoTemplate store, Duration maxInactive, Clock clock, SessionSealing sealing) {
		super(store, COLLECTION, maxInactive, clock, sealing, StoredSession::new);
	}

	/**
	 * Removes the sessions that have expired, one conditional delete: every instance runs
	 * it, harmlessly at the same moment.
	 */
	@Override
	@Scheduled(fixedDelayString = "${groundgame.web.console.session-cleanup-interval:PT10M}")
	public void removeExpired() {
		super.removeExpired();
	}

}

package org.groundgame.identity.account;

import java.time.Clock;
import java.time.Duration;

import org.groundgame.session.SessionSealing;
import org.groundgame.session.SessionStore;
import org.groundgame.session.SharedSession;
import org.groundgame.support.secrets.KeyEncryptionProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.MapSession;
import org.springframework.stereotype.Component;

/**
 * The browser sessions of signing in ({@code sessions} in this service's database): the
 * person who gave their password and still owes a one-time code, the authenticator secret
 * being enrolled, the authorization request saved before the sign-in form, the CSRF
 * token, then the signed-in person whom {@code /oauth2/authorize} issues a code to. Kept
 * in the store, so that a browser whose requests the gateway balances over two instances
 * signs in on one and is authorized on the other (session-store's {@link SessionStore},
 * Spring Session's {@code SessionRepository} on MongoDB, behind {@code HttpSession} by
 * {@code @EnableSpringHttpSession}). The attributes are sealed with a key derived from
 * the service's key-encryption key. A session lasts
 * {@code server.servlet.session.timeout} unused (30 minutes unless set), on the system
 * clock, as the servlet container's sessions did.
 */
@Component
class SignInSessionStore extends SessionStore<SharedSession> {

	static final String COLLECTION = "sessions";

	SignInSessionStore(MongoTemplate store, KeyEncryptionProperties keys,
			@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		super(store, COLLECTION, timeout, Clock.systemUTC(),
				SessionSealing.withKeys(keys.kek(), keys.previousKeks(), "groundgame.secrets.kek"), SignInSession::new);
	}

	/**
	 * Removes the sessions that have expired, one delete conditional on the expiry: every
	 * instance runs it, harmlessly at the same moment.
	 */
	@Override
	@Scheduled(fixedDelayString = "${groundgame.identity.sign-in.session-cleanup-interval:PT10M}",
			initialDelayString = "${groundgame.identity.sign-in.session-cleanup-interval:PT10M}")
	public void removeExpired() {
		super.removeExpired();
	}

	/** A sign-in session. */
	static final class SignInSession extends SharedSession {

		SignInSession(MapSession state) {
			super(state);
		}

	}

}

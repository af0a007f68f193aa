package org.groundgame.web.console.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.mongodb.client.MongoClients;
import org.groundgame.test.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's sessions in the real store: what a request put in a session is there for
 * the next request however the process that wrote it ended, a session's id changed at
 * sign-in leaves nothing under the old one, an expired session is gone, and a request
 * that only read its session does not put back attributes that another request of the
 * same person changed meanwhile.
 */
class StoredSessionsTests {

	private static final Instant NOW = Instant.parse("2026-12-06T23:00:00Z");

	private final MongoTemplate store = new MongoTemplate(
			MongoClients.create(TestInfrastructure.get().mongoConnectionString()), "groundgame-web-sessions-tests");

	private MutableClock clock;

	@BeforeEach
	void emptyStore() {
		this.store.dropCollection(StoredSessions.COLLECTION);
		this.clock = new MutableClock(NOW);
	}

	@Test
	void aSessionWrittenByOneProcessIsReadByTheNextOne() {
		StoredSessions before = sessions();
		StoredSession session = before.createSession();
		session.setAttribute("person", "organizer@example.org");
		before.save(session);

		StoredSessions afterRestart = sessions();
		StoredSession found = afterRestart.findById(session.getId());

		assertThat(found).isNotNull();
		assertThat(found.<String>getAttribute("person")).isEqualTo("organizer@example.org");
		assertThat(found.getMaxInactiveInterval()).isEqualTo(Duration.ofHours(8));
	}

	@Test
	void aSessionWhoseIdChangedAtSignInIsNoLongerFoundUnderItsOldId() {
		StoredSessions sessions = sessions();
		StoredSession session = sessions.createSession();
		session.setAttribute("state", "before sign-in");
		sessions.save(session);
		String before = session.getId();

		StoredSession found = sessions.findById(before);
		String after = found.changeSessionId();
		sessions.save(found);

		assertThat(after).isNotEqualTo(before);
		assertThat(sessions.findById(before)).isNull();
		assertThat(sessions.findById(after).<String>getAttribute("state")).isEqualTo("before sign-in");
	}

	@Test
	void aSessionUnusedForLongerThanItsTimeoutIsGone() {
		StoredSessions sessions = sessions();
		StoredSession session = sessions.createSession();
		sessions.save(session);

		this.clock.advance(Duration.ofHours(8).plusSeconds(1));

		assertThat(sessions.findById(session.getId())).isNull();
		assertThat(this.store.getCollection(StoredSessions.COLLECTION).countDocuments()).isZero();
	}

	@Test
	void aRequestThatUsedItsSessionKeepsItAlive() {
		StoredSessions sessions = sessions();
		StoredSession session = sessions.createSession();
		sessions.save(session);

		this.clock.advance(Duration.ofHours(7));
		StoredSession used = sessions.findById(session.getId());
		used.setLastAccessedTime(this.clock.instant());
		sessions.save(used);
		this.clock.advance(Duration.ofHours(7));

		assertThat(sessions.findById(session.getId())).isNotNull();
	}

	@Test
	void removingExpiredSessionsKeepsTheLiveOnes() {
		StoredSessions sessions = sessions();
		StoredSession old = sessions.createSession();
		sessions.save(old);
		this.clock.advance(Duration.ofHours(5));
		StoredSession recent = sessions.createSession();
		sessions.save(recent);
		this.clock.advance(Duration.ofHours(4));

		sessions.removeExpired();

		assertThat(this.store.getCollection(StoredSessions.COLLECTION).countDocuments()).isOne();
		assertThat(sessions.findById(recent.getId())).isNotNull();
	}

	@Test
	void aRequestThatOnlyReadItsSessionDoesNotUndoWhatAnotherRequestChanged() {
		StoredSessions sessions = sessions();
		StoredSession session = sessions.createSession();
		session.setAttribute("token", "first");
		sessions.save(session);

		StoredSession reading = sessions.findById(session.getId());
		StoredSession refreshing = sessions.findById(session.getId());
		refreshing.setAttribute("token", "refreshed");
		sessions.save(refreshing);
		reading.setLastAccessedTime(this.clock.instant());
		sessions.save(reading);

		assertThat(sessions.findById(session.getId()).<String>getAttribute("token")).isEqualTo("refreshed");
	}

	private StoredSessions sessions() {
		return new StoredSessions(this.store, Duration.ofHours(8), this.clock);
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}

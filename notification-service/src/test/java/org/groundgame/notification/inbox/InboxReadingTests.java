package org.groundgame.notification.inbox;

import org.groundgame.security.Caller;
import org.groundgame.support.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Whose inbox a caller reads ({@link Inbox#chapterToRead}). */
class InboxReadingTests {

	private static final Caller COLUMBIA = Caller.chapter("columbia-client", "columbia");

	private static final Caller STAFF = Caller.staff("national-staff");

	@Test
	void aChapterThatNamesNoChapterReadsItsOwnInbox() {
		assertThat(Inbox.chapterToRead(COLUMBIA, null)).isEqualTo("columbia");
		assertThat(Inbox.chapterToRead(COLUMBIA, " ")).isEqualTo("columbia");
	}

	@Test
	void aChapterMayNameItself() {
		assertThat(Inbox.chapterToRead(COLUMBIA, "columbia")).isEqualTo("columbia");
	}

	@Test
	void aChapterMayNotReadAnotherChaptersInbox() {
		for (String other : new String[] { "kansas-city", "Columbia", " columbia", "columbia,kansas-city" }) {
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> Inbox.chapterToRead(COLUMBIA, other));
		}
	}

	@Test
	void staffReadTheInboxOfTheChapterTheyName() {
		assertThat(Inbox.chapterToRead(STAFF, "kansas-city")).isEqualTo("kansas-city");
	}

	@Test
	void staffMustNameAChapter() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Inbox.chapterToRead(STAFF, null))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("chapterId"));
	}

	@Test
	void aTokenWithoutARoleReadsNoInbox() {
		Caller nobodyInParticular = new Caller(null, "some-client", null);
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> Inbox.chapterToRead(nobodyInParticular, null));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> Inbox.chapterToRead(nobodyInParticular, "columbia"));
	}

	@Test
	void withoutATokenNoInboxIsRead() {
		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> Inbox.chapterToRead(Caller.anonymous(), "columbia"));
	}

}

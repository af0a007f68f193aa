package org.groundgame.notification.inbox;

import org.groundgame.notification.inbox.domain.Recipient;
import org.groundgame.security.Caller;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Whose inbox a caller reads ({@link Inbox#recipientToRead}). */
class InboxReadingTests {

	private static final Caller COLUMBIA = Caller.chapter("columbia-client", "columbia");

	private static final Caller STAFF = Caller.staff("national-staff");

	@Test
	void aChapterThatNamesNoChapterReadsItsOwnInbox() {
		assertThat(Inbox.recipientToRead(COLUMBIA, null)).isEqualTo(Recipient.chapter("columbia"));
		assertThat(Inbox.recipientToRead(COLUMBIA, " ")).isEqualTo(Recipient.chapter("columbia"));
	}

	@Test
	void aChapterMayNameItself() {
		assertThat(Inbox.recipientToRead(COLUMBIA, "columbia")).isEqualTo(Recipient.chapter("columbia"));
	}

	@Test
	void aChapterMayNotReadAnotherChaptersInbox() {
		for (String other : new String[] { "kansas-city", "Columbia", " columbia", "columbia,kansas-city" }) {
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> Inbox.recipientToRead(COLUMBIA, other));
		}
	}

	@Test
	void aChapterNeverReadsTheStaffInbox() {
		for (String staffLike : new String[] { "staff", "chapter:staff", "STAFF" }) {
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> Inbox.recipientToRead(COLUMBIA, staffLike));
		}
		// Even a chapter whose id looks like the staff inbox's key reads its own.
		Caller namedStaff = Caller.chapter("odd-client", "staff");
		assertThat(Inbox.recipientToRead(namedStaff, null)).isEqualTo(Recipient.chapter("staff"));
		assertThat(Recipient.chapter("staff").key()).isNotEqualTo(Recipient.staff().key());
	}

	@Test
	void staffReadTheInboxOfTheChapterTheyName() {
		assertThat(Inbox.recipientToRead(STAFF, "kansas-city")).isEqualTo(Recipient.chapter("kansas-city"));
	}

	@Test
	void staffNamingNoChapterReadTheirOwnInbox() {
		assertThat(Inbox.recipientToRead(STAFF, null)).isEqualTo(Recipient.staff());
		assertThat(Inbox.recipientToRead(STAFF, "  ")).isEqualTo(Recipient.staff());
	}

	@Test
	void aTokenWithoutARoleReadsNoInbox() {
		Caller nobodyInParticular = new Caller(null, "some-client", null);
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> Inbox.recipientToRead(nobodyInParticular, null));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> Inbox.recipientToRead(nobodyInParticular, "columbia"));
	}

	@Test
	void withoutATokenNoInboxIsRead() {
		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> Inbox.recipientToRead(Caller.anonymous(), "columbia"));
	}

}

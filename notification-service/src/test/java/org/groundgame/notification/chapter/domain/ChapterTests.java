package org.groundgame.notification.chapter.domain;

import java.time.Instant;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChapterTests {

	private final ChapterRegistered registered = new ChapterRegistered("event-1", Instant.parse("2026-05-01T12:00:00Z"),
			"mobilize-missouri", "Mobilize Missouri", " mo ", "St. Louis", "info@mobilize-missouri.example");

	@Test
	void registeredChapterIsTargetedByItsStateInUpperCase() {
		Chapter chapter = Chapter.registered(this.registered);
		assertThat(chapter.id()).isEqualTo("mobilize-missouri");
		assertThat(chapter.state()).isEqualTo("MO");
		assertThat(chapter.city()).isEqualTo("St. Louis");
	}

	@Test
	void contactAddressNeverAppearsInTheChaptersText() {
		assertThat(Chapter.registered(this.registered)).hasToString("Chapter[id=mobilize-missouri, state=MO]");
	}

}

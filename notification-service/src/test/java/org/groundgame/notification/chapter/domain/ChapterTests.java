package org.groundgame.notification.chapter.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.events.volunteer.ChapterUpdated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChapterTests {

	private static final Instant NOON = Instant.parse("2026-05-01T12:00:00Z");

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
	void registeredChapterKeepsItsParentOrganizationAndSisters() {
		Chapter chapter = Chapter.registered(new ChapterRegistered("event-2", Instant.parse("2026-05-01T12:00:00Z"),
				"mobilize-missouri", "Mobilize Missouri", "MO", "St. Louis", "info@mobilize-missouri.example",
				"Our Revolution", List.of("columbia", "kansas-city")));

		assertThat(chapter.parentOrganization()).isEqualTo("Our Revolution");
		assertThat(chapter.sisterChapterIds()).containsExactly("columbia", "kansas-city");
		assertThat(Chapter.registered(this.registered).sisterChapterIds()).isEmpty();
	}

	@Test
	void updatedChapterHasEveryDetailTheUpdateGives() {
		Chapter chapter = Chapter.updated(new ChapterUpdated("event-3", Instant.parse("2026-05-02T12:00:00Z"),
				"mobilize-missouri", "Mobilize Missouri Action", "mo", "Saint Louis", "hello@mobilize-missouri.example",
				null, List.of("st-joseph")));

		assertThat(chapter).isEqualTo(new Chapter("mobilize-missouri", "Mobilize Missouri Action", "MO", "Saint Louis",
				"hello@mobilize-missouri.example", null, List.of("st-joseph")));
	}

	@Test
	void anEventAboutAnUnknownChapterIsTakenIn() {
		assertThat(Chapter.replaces(NOON, Optional.empty())).isTrue();
	}

	@Test
	void aNewerEventReplacesTheKnownDetailsAndAnOlderOneDoesNot() {
		assertThat(Chapter.replaces(NOON.plusSeconds(1), Optional.of(NOON))).isTrue();
		assertThat(Chapter.replaces(NOON.minusSeconds(1), Optional.of(NOON))).isFalse();
	}

	@Test
	void ofTwoEventsAtTheSameMillisecondTheLaterDeliveredWins() {
		assertThat(Chapter.replaces(NOON, Optional.of(NOON))).isTrue();
		assertThat(Chapter.replaces(NOON.plusNanos(300_000), Optional.of(NOON))).isTrue();
		assertThat(Chapter.replaces(NOON, Optional.of(NOON.plusNanos(300_000)))).isTrue();
	}

	@Test
	void contactAddressNeverAppearsInTheChaptersText() {
		assertThat(Chapter.registered(this.registered)).hasToString("Chapter[id=mobilize-missouri, state=MO]");
	}

}

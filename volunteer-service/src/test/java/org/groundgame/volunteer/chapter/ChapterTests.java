package org.groundgame.volunteer.chapter;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.volunteer.chapter.Chapter.RegisterChapter;
import org.groundgame.volunteer.chapter.Chapter.Registration;
import org.groundgame.support.geography.UsState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChapterTests {

	private static final Instant NOW = Instant.parse("2026-03-02T18:30:00.123456789Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void registeringAChapterAnnouncesItWithEverythingConsumersNeed() {
		Registration registration = Chapter.register(
				new RegisterChapter("Mobilize Missouri", "MO", "St. Louis", "info@mobilizemissouri.org"), this.clock);

		Chapter chapter = registration.chapter();
		assertThat(chapter.id()).isNotBlank();
		assertThat(chapter.name().value()).isEqualTo("Mobilize Missouri");
		assertThat(chapter.state()).isEqualTo(UsState.MO);
		assertThat(chapter.city()).isEqualTo("St. Louis");
		assertThat(chapter.contactEmail().value()).isEqualTo("info@mobilizemissouri.org");
		assertThat(chapter.registeredAt()).isEqualTo(Instant.parse("2026-03-02T18:30:00.123Z"));

		ChapterRegistered event = registration.event();
		assertThat(event.eventId()).isNotBlank().isNotEqualTo(chapter.id());
		assertThat(event.aggregateId()).isEqualTo(chapter.id());
		assertThat(event.occurredAt()).isEqualTo(chapter.registeredAt());
		assertThat(event)
			.extracting(ChapterRegistered::name, ChapterRegistered::state, ChapterRegistered::city,
					ChapterRegistered::contactEmail)
			.containsExactly("Mobilize Missouri", "MO", "St. Louis", "info@mobilizemissouri.org");
	}

	@Test
	void everyRegistrationGetsItsOwnIds() {
		RegisterChapter command = new RegisterChapter("Mid-Missouri Progressives", "MO", "Columbia", "hello@midmo.org");
		Registration first = Chapter.register(command, this.clock);
		Registration second = Chapter.register(command, this.clock);
		assertThat(first.chapter().id()).isNotEqualTo(second.chapter().id());
		assertThat(first.event().eventId()).isNotEqualTo(second.event().eventId());
	}

	@Test
	void inputIsTrimmedAndTheStateCodeNormalized() {
		Chapter chapter = Chapter
			.register(new RegisterChapter("  KC Tenants Rising ", " mo", " Kansas City ", " kc@example.org "),
					this.clock)
			.chapter();
		assertThat(chapter.name().value()).isEqualTo("KC Tenants Rising");
		assertThat(chapter.state()).isEqualTo(UsState.MO);
		assertThat(chapter.city()).isEqualTo("Kansas City");
		assertThat(chapter.contactEmail().value()).isEqualTo("kc@example.org");
	}

	@Test
	void namesThatDifferOnlyInCaseOrSpacingShareOneKey() {
		assertThat(new ChapterName(" mobilize   MISSOURI ").key()).isEqualTo(new ChapterName("Mobilize Missouri").key())
			.isEqualTo("mobilize missouri");
		assertThat(new ChapterName("Mobilize St. Joseph").key())
			.isNotEqualTo(new ChapterName("Mobilize Missouri").key());
	}

	@Test
	void aNameIsRequiredAndAtMostTwoHundredCharacters() {
		assertRejected(new RegisterChapter(" ", "MO", "St. Louis", "a@b.org"), "name");
		assertRejected(new RegisterChapter(null, "MO", "St. Louis", "a@b.org"), "name");
		assertRejected(new RegisterChapter("x".repeat(201), "MO", "St. Louis", "a@b.org"), "name");
		assertThat(Chapter.register(new RegisterChapter("x".repeat(200), "MO", "St. Louis", "a@b.org"), this.clock)
			.chapter()
			.name()
			.value()).hasSize(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "XX", "Missouri", "M0" })
	void theStateMustBeAUsStateOrTerritory(String state) {
		assertRejected(new RegisterChapter("Mobilize Missouri", state, "St. Louis", "a@b.org"), "state");
	}

	@Test
	void aCityIsRequired() {
		assertRejected(new RegisterChapter("Mobilize Missouri", "MO", "  ", "a@b.org"), "city");
		assertRejected(new RegisterChapter("Mobilize Missouri", "MO", "x".repeat(101), "a@b.org"), "city");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "info", "info@", "@example.org", "info@example", "in fo@example.org", "info@@example.org" })
	void theContactEmailMustBeWellFormed(String email) {
		assertRejected(new RegisterChapter("Mobilize Missouri", "MO", "St. Louis", email), "contactEmail");
	}

	@Test
	void aDuplicateNameIsReportedWithTheStateItClashesIn() {
		ChapterAlreadyRegisteredException ex = new ChapterAlreadyRegisteredException(
				new ChapterName("Mobilize Missouri"), UsState.MO);
		assertThat(ex).hasMessage("A chapter named 'Mobilize Missouri' is already registered in MO");
		assertThat(ex.currentState()).isEqualTo("REGISTERED");
	}

	private void assertRejected(RegisterChapter command, String field) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Chapter.register(command, this.clock))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly(field));
	}

}

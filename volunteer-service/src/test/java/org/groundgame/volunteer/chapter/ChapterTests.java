package org.groundgame.volunteer.chapter;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.events.volunteer.ChapterUpdated;
import org.groundgame.volunteer.chapter.Chapter.ChapterRegistry;
import org.groundgame.volunteer.chapter.Chapter.RegisterChapter;
import org.groundgame.volunteer.chapter.Chapter.UpdateChapter;
import org.groundgame.volunteer.chapter.Chapter.Updated;
import org.groundgame.volunteer.chapter.Chapter.Registration;
import org.groundgame.support.geography.UsState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChapterTests {

	private static final Instant NOW = Instant.parse("2026-03-02T18:30:00.123456789Z");

	/** No chapter is registered yet. */
	private static final ChapterRegistry NO_CHAPTERS = (ids) -> Set.of();

	/** Columbia, Kansas City and St. Joseph are registered. */
	private static final ChapterRegistry SISTERS = (ids) -> ids.stream()
		.filter(Set.of("columbia", "kansas-city", "st-joseph")::contains)
		.collect(Collectors.toSet());

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final Clock later = Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC);

	@Test
	void registeringAChapterAnnouncesItWithEverythingConsumersNeed() {
		Registration registration = Chapter.register(
				new RegisterChapter("Mobilize Missouri", "MO", "St. Louis", "info@mobilizemissouri.org"), NO_CHAPTERS,
				this.clock);

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
		Registration first = Chapter.register(command, NO_CHAPTERS, this.clock);
		Registration second = Chapter.register(command, NO_CHAPTERS, this.clock);
		assertThat(first.chapter().id()).isNotEqualTo(second.chapter().id());
		assertThat(first.event().eventId()).isNotEqualTo(second.event().eventId());
	}

	@Test
	void inputIsTrimmedAndTheStateCodeNormalized() {
		Chapter chapter = Chapter
			.register(new RegisterChapter("  KC Tenants Rising ", " mo", " Kansas City ", " kc@example.org "),
					NO_CHAPTERS, this.clock)
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
		assertThat(Chapter
			.register(new RegisterChapter("x".repeat(200), "MO", "St. Louis", "a@b.org"), NO_CHAPTERS, this.clock)
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

	@Test
	void aChapterMayBelongToAParentOrganizationAndNameItsSisters() {
		Registration registration = Chapter
			.register(
					new RegisterChapter("Mobilize Missouri", "MO", "St. Louis", "info@mobilizemissouri.org",
							"  Our Revolution ", List.of("columbia", " kansas-city ", "columbia")),
					SISTERS, this.clock);

		Chapter chapter = registration.chapter();
		assertThat(chapter.parentOrganization()).isEqualTo("Our Revolution");
		assertThat(chapter.sisterChapterIds()).containsExactly("columbia", "kansas-city");
		assertThat(registration.event().parentOrganization()).isEqualTo("Our Revolution");
		assertThat(registration.event().sisterChapterIds()).containsExactly("columbia", "kansas-city");
	}

	@Test
	void aBlankParentOrganizationIsNoneAndALongOneIsRefused() {
		assertThat(Chapter.register(new RegisterChapter("A", "MO", "B", "a@b.org", "  ", null), NO_CHAPTERS, this.clock)
			.chapter()
			.parentOrganization()).isNull();
		assertThat(Chapter
			.register(new RegisterChapter("A", "MO", "B", "a@b.org", "x".repeat(200), null), NO_CHAPTERS, this.clock)
			.chapter()
			.parentOrganization()).hasSize(200);
		assertRejected(new RegisterChapter("A", "MO", "B", "a@b.org", "x".repeat(201), null), "parentOrganization");
	}

	@Test
	void everyUnknownSisterIsNamedByItsPlaceInTheList() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(
					() -> Chapter.register(
							new RegisterChapter("A", "MO", "B", "a@b.org", null,
									Arrays.asList("columbia", "nowhere", null, "columbia", "elsewhere")),
							SISTERS, this.clock))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("sisterChapterIds[1]", "sisterChapterIds[2]", "sisterChapterIds[4]"));
	}

	@Test
	void atMostFiftyDistinctSistersMayBeNamed() {
		List<String> fifty = IntStream.range(0, 50).mapToObj((i) -> "c-" + i).toList();
		ChapterRegistry all = (ids) -> Set.copyOf(ids);
		List<String> fiftyWithRepeats = new ArrayList<>(fifty);
		fiftyWithRepeats.addAll(fifty);
		assertThat(Chapter
			.register(new RegisterChapter("A", "MO", "B", "a@b.org", null, fiftyWithRepeats), all, this.clock)
			.chapter()
			.sisterChapterIds()).hasSize(50);

		List<String> fiftyOne = new ArrayList<>(fifty);
		fiftyOne.add("c-50");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(
				() -> Chapter.register(new RegisterChapter("A", "MO", "B", "a@b.org", null, fiftyOne), all, this.clock))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("sisterChapterIds"));
	}

	@Test
	void everyFieldAtFaultIsNamedAtOnce() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Chapter.register(
					new RegisterChapter(" ", "ZZ", "", "nope", "x".repeat(201), List.of("nowhere")), SISTERS,
					this.clock))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("state", "name", "city", "contactEmail", "parentOrganization", "sisterChapterIds[0]"));
	}

	@Test
	void anUpdateReplacesTheDetailsAndAnnouncesThemAll() {
		Chapter chapter = mobilizeMissouri();

		Updated updated = chapter.update(new UpdateChapter(" Mobilize Missouri Action ", "mo", "Saint Louis",
				"hello@mobilizemissouri.org", "Our Revolution", List.of("st-joseph")), SISTERS, this.later);

		Chapter now = updated.chapter();
		assertThat(now.id()).isEqualTo(chapter.id());
		assertThat(now.state()).isEqualTo(UsState.MO);
		assertThat(now.registeredAt()).isEqualTo(chapter.registeredAt());
		assertThat(now.name().value()).isEqualTo("Mobilize Missouri Action");
		assertThat(now.city()).isEqualTo("Saint Louis");
		assertThat(now.sisterChapterIds()).containsExactly("st-joseph");
		ChapterUpdated event = updated.event();
		assertThat(event.aggregateId()).isEqualTo(chapter.id());
		assertThat(event.occurredAt())
			.isEqualTo(NOW.plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		assertThat(event)
			.extracting(ChapterUpdated::name, ChapterUpdated::state, ChapterUpdated::city, ChapterUpdated::contactEmail,
					ChapterUpdated::parentOrganization, ChapterUpdated::sisterChapterIds)
			.containsExactly("Mobilize Missouri Action", "MO", "Saint Louis", "hello@mobilizemissouri.org",
					"Our Revolution", List.of("st-joseph"));
	}

	@Test
	void whatAnUpdateLeavesOutIsNone() {
		Updated updated = mobilizeMissouri().update(
				new UpdateChapter("Mobilize Missouri", null, "St. Louis", "info@mobilizemissouri.org", null, null),
				SISTERS, this.later);

		assertThat(updated.chapter().parentOrganization()).isNull();
		assertThat(updated.chapter().sisterChapterIds()).isEmpty();
		assertThat(updated.event().sisterChapterIds()).isEmpty();
	}

	@Test
	void aChapterCannotMoveToAnotherState() {
		assertUpdateRejected(new UpdateChapter("Mobilize Missouri", "KS", "Wichita", "a@b.org", null, null), "state");
		assertUpdateRejected(new UpdateChapter("Mobilize Missouri", "Missouri", "St. Louis", "a@b.org", null, null),
				"state");
	}

	@Test
	void aChapterIsNeverItsOwnSister() {
		Chapter chapter = mobilizeMissouri();
		ChapterRegistry everyone = (ids) -> Set.copyOf(ids);

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> chapter.update(new UpdateChapter("Mobilize Missouri", "MO", "St. Louis", "a@b.org", null,
					List.of("columbia", chapter.id())), everyone, this.later))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("sisterChapterIds[1]")));
	}

	@Test
	void anUpdateIsCheckedLikeARegistration() {
		assertUpdateRejected(new UpdateChapter(null, "MO", "St. Louis", "a@b.org", null, null), "name");
		assertUpdateRejected(new UpdateChapter("A", "MO", " ", "a@b.org", null, null), "city");
		assertUpdateRejected(new UpdateChapter("A", "MO", "B", "a@", null, null), "contactEmail");
		assertUpdateRejected(new UpdateChapter("A", "MO", "B", "a@b.org", "x".repeat(201), null), "parentOrganization");
		assertUpdateRejected(new UpdateChapter("A", "MO", "B", "a@b.org", null, List.of("kansas-city", "nowhere")),
				"sisterChapterIds[1]");
	}

	private Chapter mobilizeMissouri() {
		return Chapter
			.register(new RegisterChapter("Mobilize Missouri", "MO", "St. Louis", "info@mobilizemissouri.org", null,
					List.of("columbia", "kansas-city")), SISTERS, this.clock)
			.chapter();
	}

	private void assertUpdateRejected(UpdateChapter command, String field) {
		Chapter chapter = mobilizeMissouri();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> chapter.update(command, SISTERS, this.later))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly(field));
	}

	private void assertRejected(RegisterChapter command, String field) {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Chapter.register(command, NO_CHAPTERS, this.clock))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly(field));
	}

}

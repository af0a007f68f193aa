package org.groundgame.notification.people.domain;

import java.time.Instant;
import java.util.Optional;

import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerSignedUp.Consent;
import org.groundgame.events.volunteer.VolunteerUpdated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignUpTests {

	private static final Instant NOON = Instant.parse("2026-05-01T12:00:00Z");

	@Test
	void signUpGivesThePersonsContactAndConsent() {
		SignUp signUp = SignUp.of(signedUp(NOON, new Consent(true, false)));
		assertThat(signUp.person())
			.isEqualTo(new Person("volunteer-1", "Jane Example", "jane@example.org", true, false, "mobilize-missouri"));
		assertThat(signUp.occurredAt()).isEqualTo(NOON);
	}

	@Test
	void theLanguageTheVolunteerReadsIsKeptAsTheNewestEventSaysIt() {
		SignUp signUp = SignUp.of(new VolunteerSignedUp("event-1", NOON, "volunteer-1", null, "Ana", "ana@example.org",
				"MO", new Consent(true, false), true, " es "));
		SignUp update = SignUp.of(new VolunteerUpdated("event-2", NOON.plusSeconds(60), "volunteer-1", null, null,
				"Ana", "ana@example.org", "MO", new Consent(true, false), "en"));

		assertThat(signUp.person().language()).isEqualTo("es");
		assertThat(update.person().language()).isEqualTo("en");
		assertThat(SignUp.of(signedUp(NOON, new Consent(true, false))).person().language()).isNull();
	}

	@Test
	void anUpdateOfAVolunteersDetailsIsTakenInLikeASignUp() {
		SignUp update = SignUp.of(new VolunteerUpdated("event-2", NOON.plusSeconds(60), "volunteer-1", " columbia ",
				"mobilize-missouri", " Jane Example ", "jane@new.example", "MO", new Consent(false, true)));

		assertThat(update.person())
			.isEqualTo(new Person("volunteer-1", "Jane Example", "jane@new.example", false, true, "columbia"));
		assertThat(update.occurredAt()).isEqualTo(NOON.plusSeconds(60));
		assertThat(update.replaces(Optional.of(SignUp.of(signedUp(NOON, new Consent(true, false)))), Optional.empty()))
			.isTrue();
		assertThat(SignUp
			.of(new VolunteerUpdated("event-3", NOON, "volunteer-1", null, null, "Jane", "jane@example.org", "MO",
					null))
			.person()
			.mayBeEmailed()).isFalse();
	}

	@Test
	void signUpWithoutConsentConsentsToNothing() {
		Person person = SignUp.of(signedUp(NOON, null)).person();
		assertThat(person.emailConsent()).isFalse();
		assertThat(person.smsConsent()).isFalse();
		assertThat(person.mayBeEmailed()).isFalse();
	}

	@Test
	void blanksAreDroppedAndABlankChapterIsNone() {
		VolunteerSignedUp event = new VolunteerSignedUp("event-1", NOON, "volunteer-1", " ", "  Jane Example ",
				" jane@example.org ", "MO", new Consent(true, true), true);
		Person person = SignUp.of(event).person();
		assertThat(person.name()).isEqualTo("Jane Example");
		assertThat(person.email()).isEqualTo("jane@example.org");
		assertThat(person.chapterId()).isNull();
	}

	@Test
	void firstSignUpOfAPersonIsTakenIn() {
		assertThat(signUpAt(NOON).replaces(Optional.empty(), Optional.empty())).isTrue();
	}

	@Test
	void newerSignUpReplacesTheOneKnown() {
		assertThat(signUpAt(NOON.plusSeconds(60)).replaces(Optional.of(signUpAt(NOON)), Optional.empty())).isTrue();
	}

	@Test
	void olderSignUpComingAgainChangesNothing() {
		assertThat(signUpAt(NOON.minusSeconds(60)).replaces(Optional.of(signUpAt(NOON)), Optional.empty())).isFalse();
	}

	@Test
	void ofTwoSignUpsAtTheSameMillisecondTheLaterDeliveredWins() {
		assertThat(signUpAt(NOON.plusNanos(300_000)).replaces(Optional.of(signUpAt(NOON)), Optional.empty())).isTrue();
		assertThat(signUpAt(NOON).replaces(Optional.of(signUpAt(NOON.plusNanos(300_000))), Optional.empty())).isTrue();
	}

	@Test
	void signUpFromBeforeAnErasureDoesNotBringThePersonBack() {
		assertThat(signUpAt(NOON.minusSeconds(60)).replaces(Optional.empty(), Optional.of(NOON))).isFalse();
		assertThat(signUpAt(NOON).replaces(Optional.empty(), Optional.of(NOON))).isFalse();
		assertThat(signUpAt(NOON.plusNanos(300_000)).replaces(Optional.empty(), Optional.of(NOON))).isFalse();
	}

	@Test
	void signUpAfterAnErasureIsANewStart() {
		assertThat(signUpAt(NOON.plusSeconds(60)).replaces(Optional.empty(), Optional.of(NOON))).isTrue();
	}

	@Test
	void neitherTheSignUpNorItsEventNameThePersonInTheirText() {
		VolunteerSignedUp event = signedUp(NOON, new Consent(true, false));
		assertThat(SignUp.of(event).toString()).doesNotContain("Jane", "@").contains("volunteer-1");
		assertThat(event.toString()).doesNotContain("Jane", "@").contains("volunteer-1");
	}

	private static SignUp signUpAt(Instant occurredAt) {
		return SignUp.of(signedUp(occurredAt, new Consent(true, false)));
	}

	private static VolunteerSignedUp signedUp(Instant occurredAt, Consent consent) {
		return new VolunteerSignedUp("event-1", occurredAt, "volunteer-1", "mobilize-missouri", "Jane Example",
				"jane@example.org", "MO", consent, true);
	}

}

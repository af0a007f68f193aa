package org.groundgame.volunteer.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.groundgame.events.volunteer.VolunteerChangeRequested;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerLinkIssued;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerUpdated;
import org.groundgame.support.domain.CapabilityTokens;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.geography.UsState;
import org.groundgame.volunteer.volunteer.Contact.SignUp;
import org.groundgame.volunteer.volunteer.Volunteer.Change;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VolunteerTests {

	private static final Instant NOW = Instant.parse("2026-03-02T18:30:00.123456Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	/**
	 * Links with tokens the test knows: {@code key-1}, {@code key-2}, … and
	 * {@code confirm-1}, ….
	 */
	private final VolunteerLinks links = new VolunteerLinks() {

		private int keys;

		private int confirmations;

		@Override
		public Key newKey(String volunteerId) {
			String token = "key-" + (++this.keys);
			return new Key(CapabilityTokens.hash(token),
					"https://example.org/volunteers/" + volunteerId + "#token=" + token,
					"https://example.org/api/volunteers/" + volunteerId + "/calendar.ics?token=feed");
		}

		@Override
		public Confirmation newConfirmation() {
			String token = "confirm-" + (++this.confirmations);
			return new Confirmation(CapabilityTokens.hash(token),
					"https://example.org/volunteers/confirm#token=" + token);
		}

		@Override
		public String calendarUrl(String volunteerId) {
			return "https://example.org/api/volunteers/" + volunteerId + "/calendar.ics?token=feed";
		}

	};

	@Test
	void aFirstSignUpAnnouncesTheVolunteerWithTheConsentGivenAndNoMoreThanConsumersNeed() {
		Change change = Volunteer.signUp(contact(signUp("Ada@Example.org", "OPT_IN", "OPT_OUT")), this.links,
				this.clock);

		Volunteer volunteer = change.volunteer();
		assertThat(volunteer.id()).isNotBlank();
		assertThat(volunteer.phone()).isEqualTo("+13145550123");
		assertThat(volunteer.emailKey()).isEqualTo("ada@example.org");
		assertThat(volunteer.emailConsent())
			.isEqualTo(new ChannelConsent(ConsentStatus.OPT_IN, Instant.parse("2026-03-02T18:30:00.123Z"), "form"));
		assertThat(change.event()).isInstanceOfSatisfying(VolunteerSignedUp.class, (event) -> {
			assertThat(event.volunteerId()).isEqualTo(volunteer.id());
			assertThat(event.chapterId()).isEqualTo("c-1");
			assertThat(event.name()).isEqualTo("Ada Lovelace");
			assertThat(event.email()).isEqualTo("Ada@Example.org");
			assertThat(event.state()).isEqualTo("MO");
			assertThat(event.consent()).isEqualTo(new VolunteerSignedUp.Consent(true, false));
			assertThat(event.firstSignUp()).isTrue();
			assertThat(event.toString()).doesNotContain("Ada");
		});
	}

	@Test
	void aFirstSignUpGivesTheVolunteerAKeySentToTheirAddressOnly() {
		Change change = Volunteer.signUp(contact(signUp("Ada@Example.org", "OPT_OUT", null)), this.links, this.clock);

		Volunteer volunteer = change.volunteer();
		assertThat(change.events()).hasSize(2);
		assertThat(change.events().get(1)).isInstanceOfSatisfying(VolunteerLinkIssued.class, (event) -> {
			assertThat(event.volunteerId()).isEqualTo(volunteer.id());
			assertThat(event.email()).isEqualTo("Ada@Example.org");
			assertThat(event.name()).isEqualTo("Ada Lovelace");
			assertThat(event.manageUrl()).endsWith("#token=key-1");
			assertThat(event.calendarUrl()).contains("/calendar.ics?token=");
			assertThat(event.toString()).doesNotContain("Ada").doesNotContain("key-1").doesNotContain("token");
		});
		assertThat(volunteer.holdsKey("key-1")).isTrue();
		assertThat(volunteer.holdsKey("key-2")).isFalse();
		assertThat(volunteer.holdsKey(null)).isFalse();
		assertThat(volunteer.manageTokenHash()).isNotEqualTo("key-1");
	}

	@Test
	void aSignUpAgainWithoutProofOnlyAsksThePersonAndChangesNothing() {
		Volunteer first = Volunteer
			.signUp(contact(signUp("ada@example.org", "OPT_IN", "OPT_IN")), this.links, this.clock)
			.volunteer();

		Change asked = first.requestChange(contact(SignUp.of("Mallory", "ADA@example.org")
			.withPhone("(816) 555-0666")
			.livingIn(null, "KS")
			.withConsent("OPT_OUT", "OPT_OUT")), this.links, Duration.ofHours(48), this.clock);

		Volunteer volunteer = asked.volunteer();
		assertThat(volunteer).usingRecursiveComparison().ignoringFields("pendingChange").isEqualTo(first);
		assertThat(volunteer.pendingChange().expiresAt())
			.isEqualTo(Volunteer.now(this.clock).plus(Duration.ofHours(48)));
		assertThat(asked.events()).singleElement().isInstanceOfSatisfying(VolunteerChangeRequested.class, (event) -> {
			assertThat(event.volunteerId()).isEqualTo(first.id());
			assertThat(event.name()).isEqualTo("Ada Lovelace");
			assertThat(event.email()).isEqualTo("ada@example.org");
			assertThat(event.confirmUrl()).endsWith("#token=confirm-1");
			assertThat(event.toString()).doesNotContain("Ada").doesNotContain("confirm-1");
		});
	}

	@Test
	void theChangeAppliesOnlyWithTheTokenOfItsLinkBeforeItExpiresAndRenewsTheKey() {
		Volunteer first = Volunteer.signUp(contact(signUp("ada@example.org", "OPT_IN", null)), this.links, this.clock)
			.volunteer();
		Volunteer asked = first
			.requestChange(contact(SignUp.of("Ada King", "ada@example.org")), this.links, Duration.ofHours(1),
					this.clock)
			.volunteer();

		assertThatExceptionOfType(UnknownLinkException.class)
			.isThrownBy(() -> asked.confirmChange("confirm-2", this.links, this.clock));
		assertThatExceptionOfType(UnknownLinkException.class)
			.isThrownBy(() -> first.confirmChange("confirm-1", this.links, this.clock));
		Clock later = Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC);
		assertThatExceptionOfType(UnknownLinkException.class)
			.isThrownBy(() -> asked.confirmChange("confirm-1", this.links, later));

		Change confirmed = asked.confirmChange("confirm-1", this.links, this.clock);

		assertThat(confirmed.volunteer().name()).isEqualTo("Ada King");
		assertThat(confirmed.volunteer().pendingChange()).isNull();
		assertThat(confirmed.events()).hasSize(2);
		assertThat(confirmed.event()).isInstanceOf(VolunteerUpdated.class);
		assertThat(confirmed.events().get(1)).isInstanceOf(VolunteerLinkIssued.class);
		assertThat(confirmed.volunteer().holdsKey("key-1")).isFalse();
		assertThat(confirmed.volunteer().holdsKey("key-2")).isTrue();
		assertThatExceptionOfType(UnknownLinkException.class)
			.isThrownBy(() -> confirmed.volunteer().confirmChange("confirm-1", this.links, this.clock));
	}

	@Test
	void signingUpAgainUpdatesTheSameVolunteerAndKeepsWhatWasLeftOut() {
		Volunteer first = Volunteer.signUp(contact(signUp("ada@example.org", "OPT_IN", null)), this.links, this.clock)
			.volunteer();

		Change again = first
			.signUpAgain(contact(SignUp.of("Ada King", " ADA@example.org ").withConsent(null, "OPT_IN")), this.clock);

		Volunteer volunteer = again.volunteer();
		assertThat(volunteer.id()).isEqualTo(first.id());
		assertThat(volunteer.name()).isEqualTo("Ada King");
		assertThat(volunteer.phone()).isEqualTo("+13145550123");
		assertThat(volunteer.chapterId()).isEqualTo("c-1");
		assertThat(volunteer.interests()).containsExactlyInAnyOrder(Interest.CANVASSING, Interest.PHONE_BANKING);
		assertThat(volunteer.emailConsent().status()).isEqualTo(ConsentStatus.OPT_IN);
		assertThat(volunteer.smsConsent().status()).isEqualTo(ConsentStatus.OPT_IN);
		assertThat(volunteer.emailKey()).isEqualTo(first.emailKey());
		assertThat(again.event()).isInstanceOfSatisfying(VolunteerUpdated.class, (event) -> {
			assertThat(event.volunteerId()).isEqualTo(first.id());
			assertThat(event.name()).isEqualTo("Ada King");
			assertThat(event.email()).isEqualTo("ADA@example.org");
			assertThat(event.chapterId()).isEqualTo("c-1");
			assertThat(event.previousChapterId()).isEqualTo("c-1");
			assertThat(event.chapterChanged()).isFalse();
			assertThat(event.consent()).isEqualTo(new VolunteerSignedUp.Consent(true, true));
			assertThat(event.toString()).doesNotContain("Ada").doesNotContainIgnoringCase("example.org");
		});
	}

	@Test
	void movingToAnotherChapterIsAnUpdateThatNamesTheChapterLeft() {
		Volunteer volunteer = Volunteer.signUp(contact(signUp("a@b.org", null, null)), this.links, this.clock)
			.volunteer();

		Change moved = volunteer.moveTo("c-2", this.clock);

		assertThat(moved.volunteer().chapterId()).isEqualTo("c-2");
		assertThat(moved.event()).isInstanceOfSatisfying(VolunteerUpdated.class, (event) -> {
			assertThat(event.chapterId()).isEqualTo("c-2");
			assertThat(event.previousChapterId()).isEqualTo("c-1");
			assertThat(event.chapterChanged()).isTrue();
			assertThat(event.consent()).isEqualTo(VolunteerSignedUp.Consent.NONE);
		});
	}

	@Test
	void signingUpAgainInAnotherChapterIsAMoveToo() {
		Volunteer volunteer = Volunteer.signUp(contact(signUp("a@b.org", null, null)), this.links, this.clock)
			.volunteer();

		Change again = volunteer.signUpAgain(Contact.of(SignUp.of("Ada", "a@b.org").inChapter("c-2"),
				(chapterId) -> true, "form", Volunteer.now(this.clock)), this.clock);

		assertThat(again.event()).isInstanceOfSatisfying(VolunteerUpdated.class, (event) -> {
			assertThat(event.chapterId()).isEqualTo("c-2");
			assertThat(event.previousChapterId()).isEqualTo("c-1");
		});
	}

	@Test
	void erasureKeepsNothingThatNamesOrReachesThePerson() {
		Volunteer volunteer = Volunteer
			.signUp(contact(signUp("ada@example.org", "OPT_IN", "OPT_IN")), this.links, this.clock)
			.volunteer();

		Change erased = volunteer.erase(this.clock);

		Volunteer tombstone = erased.volunteer();
		assertThat(tombstone.erased()).isTrue();
		assertThat(tombstone)
			.extracting(Volunteer::name, Volunteer::email, Volunteer::phone, Volunteer::zip, Volunteer::source,
					Volunteer::referralCode)
			.containsOnlyNulls();
		assertThat(tombstone.emailKey()).isEqualTo("erased:" + volunteer.id());
		assertThat(tombstone.manageTokenHash()).isNull();
		assertThat(tombstone.holdsKey("key-1")).isFalse();
		assertThat(erased.event()).isInstanceOfSatisfying(VolunteerErased.class,
				(event) -> assertThat(event.volunteerId()).isEqualTo(volunteer.id()));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> tombstone.erase(this.clock));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> tombstone.moveTo("c-2", this.clock));
	}

	@ParameterizedTest
	@ValueSource(strings = { "(314) 555-0123", "314-555-0123", "314.555.0123", "3145550123", "+1 314 555 0123",
			"1-314-555-0123", "+13145550123" })
	void commonUsPhoneFormatsAreStoredInE164(String phone) {
		assertThat(Contact.phone(phone, new java.util.ArrayList<>())).isEqualTo("+13145550123");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			email    | not-an-address
			email    | a@b
			phone    | 555-0123
			phone    | (014) 555-0123
			phone    | call me
			zip      | 6310
			state    | ZZ
			chapterId| unknown
			""")
	void aFieldAtFaultIsNamed(String field, String value) {
		SignUp valid = signUp("a@b.org", null, null);
		SignUp signUp = switch (field.strip()) {
			case "email" -> SignUp.of("N", value);
			case "phone" -> SignUp.of("N", "a@b.org").withPhone(value);
			case "zip" -> SignUp.of("N", "a@b.org").livingIn(value, null);
			case "state" -> SignUp.of("N", "a@b.org").livingIn(null, value);
			default -> SignUp.of("N", "a@b.org").inChapter(value);
		};
		assertThat(valid).isNotNull();
		assertRejected(signUp, field.strip());
	}

	@Test
	void everyFieldAtFaultIsNamedAtOnce() {
		SignUp signUp = SignUp.of(" ", "nope")
			.withPhone("12")
			.livingIn("x", "Missouri")
			.inChapter("unknown")
			.withInterests(List.of("CANVASSING", "KNITTING"))
			.withConsent("MAYBE", "YES")
			.from("s".repeat(101), "r".repeat(65));

		assertRejected(signUp, "name", "email", "phone", "zip", "state", "chapterId", "interests", "consent.email",
				"consent.sms", "source", "referralCode");
	}

	@Test
	void oversizeTextIsRefused() {
		assertRejected(SignUp.of("n".repeat(201), "a@b.org"), "name");
		assertRejected(SignUp.of("N", "a".repeat(250) + "@b.org"), "email");
	}

	@Test
	void anAbsentConsentIsUnspecifiedAndInterestsIgnoreCase() {
		Contact contact = contact(SignUp.of("N", "a@b.org")
			.livingIn("63101-1234", "mo")
			.withInterests(List.of("deep_canvassing", " Data "))
			.withConsent(null, "unspecified"));

		assertThat(contact.emailConsent()).isEqualTo(ChannelConsent.UNSPECIFIED);
		assertThat(contact.smsConsent()).isEqualTo(ChannelConsent.UNSPECIFIED);
		assertThat(contact.interests()).isEqualTo(Set.of(Interest.DEEP_CANVASSING, Interest.DATA));
		assertThat(contact.state()).isEqualTo(UsState.MO);
		assertThat(contact.zip()).isEqualTo("63101-1234");
	}

	@Test
	void aVolunteerReadsEnglishUnlessTheySayOtherwiseAndTheEventsOfTheirEmailsSayWhich() {
		Change english = Volunteer.signUp(contact(signUp("en@example.org", null, null)), this.links, this.clock);
		Change spanish = Volunteer.signUp(contact(withLanguage(signUp("es@example.org", null, null), " ES ")),
				this.links, this.clock);

		assertThat(english.volunteer().language()).isEqualTo(Language.EN);
		assertThat(english.events())
			.extracting((event) -> (event instanceof VolunteerSignedUp signedUp) ? signedUp.language()
					: ((VolunteerLinkIssued) event).language())
			.containsExactly("en", "en");
		assertThat(spanish.volunteer().language()).isEqualTo(Language.ES);
		assertThat(spanish.events())
			.extracting((event) -> (event instanceof VolunteerSignedUp signedUp) ? signedUp.language()
					: ((VolunteerLinkIssued) event).language())
			.containsExactly("es", "es");
		assertRejected(withLanguage(signUp("fr@example.org", null, null), "fr"), "language");
	}

	@Test
	void aChangeOfLanguageWaitsForConfirmationAndTheRequestIsWrittenInTheLanguageKnown() {
		Volunteer first = Volunteer.signUp(contact(signUp("ada@example.org", null, null)), this.links, this.clock)
			.volunteer();

		Change asked = first.requestChange(contact(withLanguage(signUp("ada@example.org", null, null), "es")),
				this.links, Duration.ofHours(48), this.clock);

		assertThat(asked.volunteer().language()).isEqualTo(Language.EN);
		assertThat(((VolunteerChangeRequested) asked.event()).language()).isEqualTo("en");
		Change confirmed = asked.volunteer().confirmChange("confirm-1", this.links, this.clock);
		assertThat(confirmed.volunteer().language()).isEqualTo(Language.ES);
		assertThat(((VolunteerUpdated) confirmed.event()).language()).isEqualTo("es");
		assertThat(((VolunteerLinkIssued) confirmed.events().get(1)).language()).isEqualTo("es");
		// A later change that does not say its language keeps the one known.
		Change again = confirmed.volunteer().signUpAgain(contact(signUp("ada@example.org", null, null)), this.clock);
		assertThat(again.volunteer().language()).isEqualTo(Language.ES);
	}

	@Test
	void placesHeldWithRequestsAccumulateUntilTheNewestLinkDeclinesThemAll() {
		Volunteer first = Volunteer.signUp(contact(signUp("ada@example.org", null, null)), this.links, this.clock)
			.volunteer();
		VolunteerShifts.Place seat = new VolunteerShifts.Place("shift-1", "signup-1", "REGISTERED", null, true,
				"REGISTERED", null, null);
		VolunteerShifts.Place line = new VolunteerShifts.Place("shift-2", "signup-2", "WAITLISTED", 3, true,
				"WAITLISTED", 3, null);

		Change once = first.requestChange(contact(signUp("ada@example.org", null, null)), seat, this.links,
				Duration.ofHours(48), this.clock);
		Change twice = once.volunteer()
			.requestChange(contact(signUp("ada@example.org", null, null)), line, this.links, Duration.ofHours(48),
					this.clock);
		Change thrice = twice.volunteer()
			.requestChange(contact(signUp("ada@example.org", null, null)), line, this.links, Duration.ofHours(48),
					this.clock);

		assertThat(((VolunteerChangeRequested) twice.event()).heldShifts())
			.containsExactly(new VolunteerChangeRequested.HeldShift("shift-2", "WAITLISTED", 3, null));
		assertThat(thrice.volunteer().pendingChange().held()).containsExactly(
				new VolunteerShifts.HeldSignup("shift-1", "signup-1"),
				new VolunteerShifts.HeldSignup("shift-2", "signup-2"));
		assertThatExceptionOfType(UnknownLinkException.class).isThrownBy(() -> thrice.volunteer().decline("confirm-1"));
		Change declined = thrice.volunteer().decline("confirm-3");
		assertThat(declined.events()).isEmpty();
		assertThat(declined.volunteer().pendingChange()).isNull();
		assertThat(declined.volunteer()).usingRecursiveComparison().isEqualTo(first);
		assertThatExceptionOfType(UnknownLinkException.class)
			.isThrownBy(() -> declined.volunteer().decline("confirm-3"));
		// Confirming keeps the places: they are the person's.
		assertThat(thrice.volunteer().confirmChange("confirm-3", this.links, this.clock).volunteer().pendingChange())
			.isNull();
	}

	@Test
	void theOneStepFormRequiresAPhoneAndTheGreetingIsTheFirstName() {
		SignUp withoutPhone = SignUp.of("Ada Lovelace", "a@b.org").withPhoneRequired();

		assertRejected(withoutPhone, "phone");
		assertRejected(SignUp.of("Ada", "a@b.org").withPhone("call me").withPhoneRequired(), "phone");
		assertThat(Volunteer.signUp(contact(signUp("a@b.org", null, null)), this.links, this.clock)
			.volunteer()
			.firstName()).isEqualTo("Ada");
	}

	private static SignUp withLanguage(SignUp signUp, String language) {
		return signUp.inLanguage(language);
	}

	private static SignUp signUp(String email, String emailConsent, String smsConsent) {
		return SignUp.of("Ada Lovelace", email)
			.withPhone("(314) 555-0123")
			.livingIn("63101", "MO")
			.inChapter("c-1")
			.withInterests(List.of("CANVASSING", "PHONE_BANKING"))
			.withConsent(emailConsent, smsConsent)
			.from("website", "REF1");
	}

	private Contact contact(SignUp signUp) {
		return Contact.of(signUp, "c-1"::equals, "form", Volunteer.now(this.clock));
	}

	private void assertRejected(SignUp signUp, String... fields) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> contact(signUp))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactlyInAnyOrder(fields));
	}

}

package org.groundgame.volunteer.opportunity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.events.TopicEvents;
import org.groundgame.test.events.TopicEvents.Event;
import org.groundgame.test.security.TestTokens;
import org.groundgame.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What chapter organizers do from the console, over the real broker and store: edit an
 * opportunity, cancel or move a shift (its volunteers and waitlist named in the event
 * that tells them), cancel an opportunity with its shifts, check people in on the day
 * (two organizers at once: one result) and add walk-ins.
 */
@VolunteerServiceIntegrationTest
class OrganizerShiftIntegrationTests {

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

	private ShiftApi api;

	private String chapter;

	@BeforeEach
	void registerAChapter() {
		this.api = new ShiftApi(this.client);
		this.chapter = this.api.registerChapter("MO");
	}

	@Test
	void aCancelledShiftTellsItsRosterAndWaitlistAndTakesNoRsvp() {
		String shift = this.api.openShift(this.chapter, 1);
		String ada = this.api.signUp(this.chapter);
		String grace = this.api.signUp(this.chapter);
		ShiftApi.expect(this.api.rsvp(shift, ada), 201);
		ShiftApi.expect(this.api.rsvp(shift, grace), 201);

		try (TopicEvents events = ShiftApi.events(this.protection)) {
			JsonNode cancelled = this.api.body(ShiftApi.expect(this.api.call(HttpMethod.POST,
					"/api/shifts/" + shift + "/cancel", own(), Map.of("reason", "Thunderstorm warning")), 200));

			assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
			Event told = events.awaitEvents(shift, "ShiftCancelled", 1)
				.stream()
				.filter((event) -> event.is("ShiftCancelled"))
				.findFirst()
				.orElseThrow();
			assertThat(told.text("reason")).isEqualTo("Thunderstorm warning");
			assertThat(told.data().get("withOpportunity").asBoolean()).isFalse();
			assertThat(told.data().get("volunteerIds").valueStream().map(JsonNode::asString)).containsExactly(ada,
					grace);
			assertThat(told.data().has("name")).isFalse();
		}
		String carl = this.api.signUp(this.chapter);
		assertThat(this.api.rsvp(shift, carl)).hasStatus(409);
		assertThat(this.api.call(HttpMethod.POST, "/api/shifts/" + shift + "/rsvps", null, Map.of("name", "Dee Example",
				"email", "dee-" + UUID.randomUUID() + "@example.org", "phone", "(314) 555-0100")))
			.hasStatus(409);
		assertThat(this.api.call(HttpMethod.POST, "/api/shifts/" + shift + "/cancel", own(), Map.of("reason", "again")))
			.hasStatus(409);
		assertThat(this.api.call(HttpMethod.PUT, "/api/shifts/" + shift + "/capacity", own(), Map.of("capacity", 5)))
			.hasStatus(409);
		assertThat(this.api.roster(shift).get("content").valueStream().map((entry) -> entry.get("status").asString()))
			.containsExactly("REGISTERED", "WAITLISTED");
		assertThat(new String(ShiftApi.expect(this.api.call(HttpMethod.GET, "/actuator/prometheus", null, null), 200)
			.getExchangeResult()
			.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8))
			.contains("groundgame_volunteer_shifts_cancelled_total");
	}

	@Test
	void aCancellationWithoutAReasonIsRefusedAndChangesNothing() {
		String shift = this.api.openShift(this.chapter, 3);

		RestTestClientResponse refused = this.api.call(HttpMethod.POST, "/api/shifts/" + shift + "/cancel", own(),
				Map.of("reason", "  "));

		assertThat(refused).hasStatus(400);
		assertThat(this.api.body(refused).get("errors").get(0).get("field").asString()).isEqualTo("reason");
		assertThat(shiftStatus(shift)).isEqualTo("SCHEDULED");
	}

	@Test
	void aCancelledOpportunityCancelsItsShiftsTellingEachRosterAndTakesNoMoreEdits() {
		JsonNode opportunity = this.api.createOpportunity(TestTokens.staff(),
				ShiftApi.opportunity(this.chapter, "MO", false, 2, 2));
		String id = opportunity.get("id").asString();
		String first = opportunity.get("shifts").get(0).get("id").asString();
		String second = opportunity.get("shifts").get(1).get("id").asString();
		String ada = this.api.signUp(this.chapter);
		ShiftApi.expect(this.api.rsvp(first, ada), 201);

		try (TopicEvents events = ShiftApi.events(this.protection)) {
			JsonNode cancelled = this.api.body(ShiftApi.expect(this.api.call(HttpMethod.POST,
					"/api/opportunities/" + id + "/cancel", own(), Map.of("reason", "The candidate withdrew")), 200));

			assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
			assertThat(cancelled.get("shifts").valueStream().map((shift) -> shift.get("status").asString()))
				.containsExactly("CANCELLED", "CANCELLED");
			Event announced = only(events.awaitEvents(id, "OpportunityCancelled", 1), "OpportunityCancelled");
			assertThat(announced.data().get("shiftsCancelled").asInt()).isEqualTo(2);
			assertThat(announced.text("reason")).isEqualTo("The candidate withdrew");
			Event firstTold = only(events.awaitEvents(first, "ShiftCancelled", 1), "ShiftCancelled");
			assertThat(firstTold.data().get("withOpportunity").asBoolean()).isTrue();
			assertThat(firstTold.data().get("volunteerIds").valueStream().map(JsonNode::asString)).containsExactly(ada);
			assertThat(
					only(events.awaitEvents(second, "ShiftCancelled", 1), "ShiftCancelled").data().get("volunteerIds"))
				.isEmpty();
		}
		assertThat(this.api.call(HttpMethod.POST, "/api/opportunities/" + id + "/cancel", own(),
				Map.of("reason", "again")))
			.hasStatus(409);
		assertThat(this.api.call(HttpMethod.PUT, "/api/opportunities/" + id, own(), edit("New title"))).hasStatus(409);
		assertThat(
				this.api
					.call(HttpMethod.POST, "/api/opportunities/" + id + "/shifts", own(),
							ShiftApi.shift(Instant.now().plus(Duration.ofDays(5)),
									Instant.now().plus(Duration.ofDays(5)).plus(Duration.ofHours(2)), 3)))
			.hasStatus(409);
		assertThat(this.api.call(HttpMethod.GET, "/api/opportunities/" + id, null, null)).hasStatus(404);
	}

	@Test
	void anEditedOpportunityShowsItsNewTitleOnItsShiftsAndBadInputNamesEveryField() {
		JsonNode opportunity = this.api.createOpportunity(TestTokens.staff(),
				ShiftApi.opportunity(this.chapter, "MO", false, 4));
		String id = opportunity.get("id").asString();
		String shift = opportunity.get("shifts").get(0).get("id").asString();

		JsonNode edited = this.api.body(ShiftApi.expect(
				this.api.call(HttpMethod.PUT, "/api/opportunities/" + id, own(), edit("Phone bank for Sarah")), 200));

		assertThat(edited.get("title").asString()).isEqualTo("Phone bank for Sarah");
		assertThat(edited.get("type").asString()).isEqualTo("PHONE_BANK");
		assertThat(edited.get("state").asString()).isEqualTo("MO");
		assertThat(edited.get("chapterId").asString()).isEqualTo(this.chapter);
		JsonNode read = this.api
			.body(ShiftApi.expect(this.api.call(HttpMethod.GET, "/api/shifts/" + shift, null, null), 200));
		assertThat(read.get("title").asString()).isEqualTo("Phone bank for Sarah");
		assertThat(read.get("type").asString()).isEqualTo("PHONE_BANK");

		RestTestClientResponse refused = this.api.call(HttpMethod.PUT, "/api/opportunities/" + id, own(),
				Map.of("title", "", "type", "picnic", "virtualLink", "http://insecure.example.org"));
		assertThat(refused).hasStatus(400);
		assertThat(this.api.body(refused).get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("title", "type", "virtualLink");
		assertThat(this.api
			.body(ShiftApi.expect(this.api.call(HttpMethod.GET, "/api/opportunities/" + id, null, null), 200))
			.get("title")
			.asString()).isEqualTo("Phone bank for Sarah");
	}

	@Test
	void aRescheduledShiftTellsItsVolunteersAndTheirFeedShowsTheNewTime() {
		String shift = this.api.openShift(this.chapter, 1);
		String ada = this.api.signUp(this.chapter);
		String grace = this.api.signUp(this.chapter);
		ShiftApi.expect(this.api.rsvp(shift, ada), 201);
		ShiftApi.expect(this.api.rsvp(shift, grace), 201);
		Instant startsAt = Instant.now().plus(Duration.ofDays(6)).truncatedTo(ChronoUnit.HOURS);

		try (TopicEvents events = ShiftApi.events(this.protection)) {
			JsonNode moved = this.api.body(ShiftApi.expect(this.api.call(HttpMethod.POST,
					"/api/shifts/" + shift + "/reschedule", own(), Map.of("startsAt", startsAt.toString(), "endsAt",
							startsAt.plus(Duration.ofHours(2)).toString(), "location", "Forest Park, St. Louis")),
					200));

			assertThat(Instant.parse(moved.get("startsAt").asString())).isEqualTo(startsAt);
			assertThat(moved.get("location").asString()).isEqualTo("Forest Park, St. Louis");
			Event told = only(events.awaitEvents(shift, "ShiftRescheduled", 1), "ShiftRescheduled");
			assertThat(told.data().get("volunteerIds").valueStream().map(JsonNode::asString)).containsExactly(ada,
					grace);
			assertThat(told.text("previousLocation")).isEqualTo("Tower Grove Park, St. Louis");
			assertThat(Instant.parse(told.data().get("shift").get("startsAt").asString())).isEqualTo(startsAt);
		}
		String feed = new String(ShiftApi
			.expect(this.api.call(HttpMethod.GET, "/api/volunteers/" + ada + "/calendar.ics", TestTokens.staff(), null),
					200)
			.getExchangeResult()
			.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(feed)
			.contains("DTSTART:" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
				.withZone(java.time.ZoneOffset.UTC)
				.format(startsAt))
			.contains("Forest Park");
		assertThat(this.api.roster(shift).get("content").valueStream().map((entry) -> entry.get("status").asString()))
			.containsExactly("REGISTERED", "WAITLISTED");

		RestTestClientResponse refused = this.api.call(HttpMethod.POST, "/api/shifts/" + shift + "/reschedule", own(),
				Map.of("startsAt", "soon", "virtualLink", "ftp://example.org"));
		assertThat(refused).hasStatus(400);
		assertThat(this.api.body(refused).get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("startsAt", "endsAt", "virtualLink");
	}

	/**
	 * Two organizers check the same volunteer in at once: every answer is the same
	 * record, and only one {@code AttendanceRecorded} is published; a later correction is
	 * a second one (read back in order, since the shift's events share its key).
	 */
	@Test
	void organizersCheckingOnePersonInAtOnceMakeOneRecord() throws Exception {
		String shift = startedShift(5);
		String ada = this.api.signUp(this.chapter);
		String signup = this.api.body(ShiftApi.expect(this.api.rsvp(shift, ada), 201)).get("id").asString();
		String path = "/api/shifts/" + shift + "/signups/" + signup + "/attendance";

		try (TopicEvents events = ShiftApi.events(this.protection)) {
			List<RestTestClientResponse> answers = atOnce(8,
					() -> this.api.call(HttpMethod.POST, path, own(), Map.of("attended", true)));
			for (RestTestClientResponse answer : answers) {
				assertThat(answer).hasStatus(200);
				assertThat(this.api.body(answer).get("status").asString()).isEqualTo("ATTENDED");
			}
			ShiftApi.expect(
					this.api.call(HttpMethod.POST, path, TestTokens.staff(), Map.of("attended", true, "hours", 1.5)),
					200);

			List<Event> recorded = events
				.awaitEvents(shift, (all) -> all.stream()
					.anyMatch((event) -> event.is("AttendanceRecorded") && event.data().get("hours").asDouble() == 1.5))
				.stream()
				.filter((event) -> event.is("AttendanceRecorded"))
				.toList();
			assertThat(recorded).extracting((event) -> event.data().get("hours").asDouble()).containsExactly(3.0, 1.5);
		}
	}

	/**
	 * Two organizers add the same walk-in at once: one volunteer, one signup attended,
	 * one {@code 201} and the others {@code 200} with the same signup.
	 */
	@Test
	void aWalkInAddedByTwoOrganizersAtOnceIsOnePersonCheckedInOnce() throws Exception {
		String shift = startedShift(1);
		ShiftApi.expect(this.api.rsvp(shift, this.api.signUp(this.chapter)), 201);
		String email = "walk-in-" + UUID.randomUUID() + "@example.org";

		try (TopicEvents events = ShiftApi.events(this.protection)) {
			List<RestTestClientResponse> answers = atOnce(8, () -> this.api.call(HttpMethod.POST,
					"/api/shifts/" + shift + "/walk-ins", own(), walkIn("Walk In", email, null)));

			assertThat(answers.stream().filter((answer) -> answer.getExchangeResult().getStatus().value() == 201))
				.hasSize(1);
			assertThat(answers.stream().map((answer) -> this.api.body(answer).get("signupId").asString()).distinct())
				.hasSize(1);
			JsonNode volunteers = this.api.body(ShiftApi.expect(
					this.api.call(HttpMethod.GET, "/api/volunteers?email=" + email, TestTokens.staff(), null), 200));
			assertThat(volunteers.get("content")).hasSize(1);
			String volunteer = volunteers.get("content").get(0).get("id").asString();
			assertThat(volunteers.get("content").get(0).get("chapterId").asString()).isEqualTo(this.chapter);
			JsonNode roster = this.api.roster(shift).get("content");
			assertThat(roster).hasSize(2);
			assertThat(roster.get(1).get("volunteerId").asString()).isEqualTo(volunteer);
			assertThat(roster.get(1).get("status").asString()).isEqualTo("ATTENDED");
			assertThat(this.api
				.body(ShiftApi.expect(this.api.call(HttpMethod.GET, "/api/shifts/" + shift, TestTokens.staff(), null),
						200))
				.get("capacity")
				.asInt()).isEqualTo(2);
			ShiftApi.expect(this.api.call(HttpMethod.POST,
					"/api/shifts/" + shift + "/signups/" + roster.get(1).get("id").asString() + "/attendance",
					TestTokens.staff(), Map.of("attended", true, "hours", 1.5)), 200);
			List<Event> recorded = events
				.awaitEvents(shift, (all) -> all.stream()
					.anyMatch((event) -> event.is("AttendanceRecorded") && event.data().get("hours").asDouble() == 1.5))
				.stream()
				.filter((event) -> event.is("AttendanceRecorded"))
				.toList();
			assertThat(recorded).hasSize(2);
			assertThat(events.awaitEvents(volunteer, "VolunteerSignedUp", 1)
				.stream()
				.filter((event) -> event.is("VolunteerSignedUp"))).hasSize(1);
		}
	}

	/**
	 * A walk-in with a known address is checked in as that volunteer and changes nothing
	 * of them: the details typed wait for their confirmation from their mailbox.
	 */
	@Test
	void aWalkInWithAKnownAddressIsCheckedInAsThatVolunteerChangingNothingOfThem() {
		String shift = startedShift(3);
		String email = "known-" + UUID.randomUUID() + "@example.org";
		String known = this.api
			.body(ShiftApi.expect(this.api.call(HttpMethod.POST, "/api/volunteers", TestTokens.staff(),
					Map.of("name", "Ada Lovelace", "email", email, "chapterId", this.chapter)), 201))
			.get("id")
			.asString();

		try (TopicEvents events = ShiftApi.events(this.protection)) {
			JsonNode checkedIn = this.api.body(ShiftApi.expect(this.api.call(HttpMethod.POST,
					"/api/shifts/" + shift + "/walk-ins", own(), walkIn("Somebody Else", email, 2.0)), 201));

			assertThat(checkedIn.get("volunteerId").asString()).isEqualTo(known);
			assertThat(checkedIn.get("status").asString()).isEqualTo("ATTENDED");
			assertThat(checkedIn.get("hours").asDouble()).isEqualTo(2.0);
			events.awaitEvents(known, "VolunteerChangeRequested", 1);
		}
		assertThat(this.api
			.body(ShiftApi.expect(this.api.call(HttpMethod.GET, "/api/volunteers/" + known, TestTokens.staff(), null),
					200))
			.get("name")
			.asString()).isEqualTo("Ada Lovelace");
	}

	@Test
	void aWalkInWithBadInputOrBeforeTheStartStoresNothing() {
		String started = startedShift(3);
		String email = "nobody-" + UUID.randomUUID() + "@example.org";

		RestTestClientResponse refused = this.api.call(HttpMethod.POST, "/api/shifts/" + started + "/walk-ins", own(),
				Map.of("name", "", "email", email, "phone", "12", "hours", 30));
		assertThat(refused).hasStatus(400);
		assertThat(this.api.body(refused).get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("name", "phone", "hours");

		String upcoming = this.api.openShift(this.chapter, 3);
		assertThat(this.api.call(HttpMethod.POST, "/api/shifts/" + upcoming + "/walk-ins", own(),
				walkIn("Early Bird", email, null)))
			.hasStatus(409);
		assertThat(this.api.roster(started).get("content")).isEmpty();
		assertThat(this.api.roster(upcoming).get("content")).isEmpty();
		assertThat(this.api
			.body(ShiftApi
				.expect(this.api.call(HttpMethod.GET, "/api/volunteers?email=" + email, TestTokens.staff(), null), 200))
			.get("content")).isEmpty();
	}

	@Test
	void aMembersHistoryShowsTheirShiftsAndHoursToTheirChapter() {
		String started = startedShift(3);
		String upcoming = this.api.openShift(this.chapter, 3);
		String ada = this.api.signUp(this.chapter);
		String signup = this.api.body(ShiftApi.expect(this.api.rsvp(started, ada), 201)).get("id").asString();
		ShiftApi.expect(this.api.rsvp(upcoming, ada), 201);
		ShiftApi.expect(this.api.call(HttpMethod.POST, "/api/shifts/" + started + "/signups/" + signup + "/attendance",
				own(), Map.of("attended", true, "hours", 2.5)), 200);

		JsonNode history = this.api.body(ShiftApi
			.expect(this.api.call(HttpMethod.GET, "/api/volunteers/" + ada + "/history", own(), null), 200));

		assertThat(history.get("volunteerId").asString()).isEqualTo(ada);
		assertThat(history.get("hours").asDouble()).isEqualTo(2.5);
		assertThat(history.get("shiftsAttended").asInt()).isEqualTo(1);
		assertThat(history.get("upcoming")).hasSize(2);
		assertThat(history.get("upcoming").valueStream().map((entry) -> entry.get("status").asString()))
			.containsExactlyInAnyOrder("ATTENDED", "REGISTERED");
		assertThat(history.has("name")).isFalse();
	}

	@Test
	void membersAreFilteredByWhatTheySaidToEachChannel() {
		String chapter = this.api.registerChapter("MO");
		String yes = signUpWithConsent(chapter, true, false);
		String no = signUpWithConsent(chapter, false, true);
		String unsaid = signUpWithConsent(chapter, null, null);

		assertThat(members(chapter, "emailConsent=OPT_IN")).containsExactly(yes);
		assertThat(members(chapter, "emailConsent=false")).containsExactly(no);
		assertThat(members(chapter, "emailConsent=UNSPECIFIED")).containsExactly(unsaid);
		assertThat(members(chapter, "smsConsent=true")).containsExactly(no);
		assertThat(members(chapter, "emailConsent=true&smsConsent=OPT_IN")).isEmpty();
		RestTestClientResponse refused = this.api.call(HttpMethod.GET,
				"/api/volunteers?chapterId=" + chapter + "&emailConsent=maybe&smsConsent=2", TestTokens.staff(), null);
		assertThat(refused).hasStatus(400);
		assertThat(this.api.body(refused).get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("emailConsent", "smsConsent");
	}

	@Test
	void aListAskedWithAnUnknownInterestAndAnUnknownConsentNamesBothInOneAnswer() {
		String chapter = this.api.registerChapter("MO");

		RestTestClientResponse refused = this.api.call(HttpMethod.GET,
				"/api/volunteers?chapterId=" + chapter + "&interest=knitting&emailConsent=maybe", TestTokens.staff(),
				null);

		assertThat(refused).hasStatus(400);
		assertThat(this.api.body(refused).get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("interest", "emailConsent");
	}

	private List<String> members(String chapter, String filter) {
		return this.api
			.body(ShiftApi.expect(this.api.call(HttpMethod.GET, "/api/volunteers?chapterId=" + chapter + "&" + filter,
					TestTokens.chapter(chapter), null), 200))
			.get("content")
			.valueStream()
			.map((volunteer) -> volunteer.get("id").asString())
			.toList();
	}

	private String signUpWithConsent(String chapter, Boolean email, Boolean sms) {
		Map<String, Object> consent = new HashMap<>();
		if (email != null) {
			consent.put("email", email);
		}
		if (sms != null) {
			consent.put("sms", sms);
		}
		return this.api.body(ShiftApi.expect(this.api.call(HttpMethod.POST, "/api/volunteers", TestTokens.staff(),
				Map.of("name", "Consent Example", "email", "consent-" + UUID.randomUUID() + "@example.org", "chapterId",
						chapter, "consent", consent)),
				201))
			.get("id")
			.asString();
	}

	/** An open shift of the chapter that started an hour ago and ends in two. */
	private String startedShift(int capacity) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> body = ShiftApi.opportunity(this.chapter, "MO", false);
		body.put("shifts",
				List.of(ShiftApi.shift(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), capacity)));
		return this.api.createOpportunity(TestTokens.staff(), body).get("shifts").get(0).get("id").asString();
	}

	private String shiftStatus(String shift) {
		return this.api
			.body(ShiftApi.expect(this.api.call(HttpMethod.GET, "/api/shifts/" + shift, TestTokens.staff(), null), 200))
			.get("status")
			.asString();
	}

	private String own() {
		return TestTokens.chapter(this.chapter);
	}

	private static Map<String, Object> edit(String title) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("type", "phone_bank");
		body.put("description", "Calls to voters in Ward 8");
		body.put("location", "4140 Gravois Ave, St. Louis");
		return body;
	}

	static Map<String, Object> walkIn(String name, String email, Double hours) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("email", email);
		body.put("phone", "(314) 555-0199");
		body.put("consent", Map.of("email", true, "sms", false));
		body.put("language", "es");
		if (hours != null) {
			body.put("hours", hours);
		}
		return body;
	}

	private static Event only(List<Event> events, String type) {
		List<Event> found = events.stream().filter((event) -> event.is(type)).toList();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static List<RestTestClientResponse> atOnce(int callers,
			java.util.concurrent.Callable<RestTestClientResponse> call) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<RestTestClientResponse>> futures = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(callers)) {
			for (int i = 0; i < callers; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<RestTestClientResponse> answers = new ArrayList<>();
			for (Future<RestTestClientResponse> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
	}

}

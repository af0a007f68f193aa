package org.groundgame.volunteer.opportunity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.security.TestTokens;
import org.groundgame.volunteer.VolunteerServiceIntegrationTest;
import org.groundgame.test.events.TopicEvents.Event;
import org.groundgame.test.events.TopicEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RSVPs, the waitlist, cancellations, confirmation, capacity, attendance and erasure,
 * over the real broker and store; the events are read back from the topic.
 */
@VolunteerServiceIntegrationTest
class ShiftRsvpIntegrationTests {

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private MeterRegistry meters;

	private ShiftApi api;

	private TopicEvents events;

	private String chapter;

	@BeforeEach
	void registerAChapterAndListen() {
		this.api = new ShiftApi(this.client);
		this.events = ShiftApi.events(this.protection);
		this.chapter = this.api.registerChapter("MO");
	}

	@AfterEach
	void stopListening() {
		this.events.close();
	}

	@Test
	void twoHundredConcurrentRsvpsFillTwentySeatsAndLineTheRestUpInArrivalOrderThenCancellationsPromoteInThatOrder()
			throws Exception {
		String shift = this.api.openShift(this.chapter, 20);
		List<String> volunteers = signUpMany(200);
		double promotionsBefore = count("groundgame.volunteer.waitlist.promotions");

		CountDownLatch start = new CountDownLatch(1);
		List<Callable<RestTestClientResponse>> rsvps = new ArrayList<>();
		for (String volunteer : volunteers) {
			rsvps.add(() -> {
				start.await();
				return this.api.rsvp(shift, volunteer);
			});
		}
		List<JsonNode> answers = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(200)) {
			List<Future<RestTestClientResponse>> futures = rsvps.stream().map(executor::submit).toList();
			start.countDown();
			for (Future<RestTestClientResponse> future : futures) {
				answers.add(this.api.body(ShiftApi.expect(future.get(), 201)));
			}
		}

		assertThat(answers).filteredOn((answer) -> answer.get("status").asString().equals("REGISTERED")).hasSize(20);
		assertThat(answers).filteredOn((answer) -> answer.get("status").asString().equals("WAITLISTED")).hasSize(180);
		assertThat(answers)
			.allSatisfy((answer) -> assertThat(answer.has("manageToken") || answer.has("calendarUrl")).isFalse());
		List<JsonNode> roster = rosterBySequence(shift);
		assertThat(roster).hasSize(200);
		assertThat(roster).extracting((entry) -> entry.get("sequence").asLong())
			.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 200).boxed().toList());
		// The first 20 to arrive have the seats; the others wait in exactly their order.
		assertThat(roster.subList(0, 20))
			.allSatisfy((entry) -> assertThat(entry.get("status").asString()).isEqualTo("REGISTERED"));
		List<JsonNode> line = roster.subList(20, 200);
		for (int i = 0; i < line.size(); i++) {
			assertThat(line.get(i).get("status").asString()).isEqualTo("WAITLISTED");
			assertThat(line.get(i).get("waitlistPosition").asInt()).isEqualTo(i + 1);
		}
		// Each answer told the volunteer the place they have in the roster.
		for (JsonNode answer : answers) {
			JsonNode entry = roster.stream()
				.filter((candidate) -> candidate.get("id").asString().equals(answer.get("id").asString()))
				.findFirst()
				.orElseThrow();
			assertThat(answer.path("waitlistPosition").asInt(0)).isEqualTo(entry.path("waitlistPosition").asInt(0));
		}
		List<Event> waitlisted = this.events.awaitEvents(shift, "ShiftWaitlisted", 180);
		assertThat(waitlisted).extracting((event) -> event.data().get("position").asInt())
			.containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 180).boxed().toList());
		assertThat(this.events.awaitEvents(shift, "ShiftSignupConfirmed", 20)).hasSize(20);

		// Five volunteers with a seat cancel, one after the other: the first five in line
		// are promoted, in their order.
		List<String> expectedPromoted = line.subList(0, 5).stream().map((entry) -> entry.get("id").asString()).toList();
		for (JsonNode seated : roster.subList(3, 8)) {
			ShiftApi.expect(this.api.call(HttpMethod.DELETE,
					"/api/shifts/" + shift + "/signups/" + seated.get("id").asString(), TestTokens.staff(), null), 200);
		}
		List<Event> promoted = this.events.awaitEvents(shift, "ShiftSignupPromoted", 5);
		assertThat(promoted).extracting((event) -> event.text("signupId")).containsExactlyElementsOf(expectedPromoted);
		List<Event> cancelled = this.events.awaitEvents(shift, "ShiftSignupCancelled", 5);
		assertThat(cancelled).allSatisfy((event) -> {
			assertThat(event.text("reason")).isEqualTo("ORGANIZER");
			assertThat(event.data().get("wasWaitlisted").asBoolean()).isFalse();
		});
		List<JsonNode> after = rosterBySequence(shift);
		assertThat(after).filteredOn((entry) -> entry.get("status").asString().equals("REGISTERED")).hasSize(20);
		assertThat(after).filteredOn((entry) -> entry.get("status").asString().equals("WAITLISTED"))
			.extracting((entry) -> entry.get("waitlistPosition").asInt())
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 175).boxed().toList());
		assertThat(count("groundgame.volunteer.waitlist.promotions")).isEqualTo(promotionsBefore + 5);
		JsonNode seen = this.api
			.body(ShiftApi.expect(this.api.call(HttpMethod.GET, "/api/shifts/" + shift, null, null), 200));
		assertThat(seen.get("seatsLeft").asInt()).isZero();
		assertThat(seen.get("waitlistLength").asInt()).isEqualTo(175);
	}

	@Test
	void concurrentRsvpsOfOneVolunteerLeaveOneSignup() throws Exception {
		String shift = this.api.openShift(this.chapter, 5);
		String volunteer = this.api.signUp(this.chapter);
		double registeredBefore = rsvps("registered");
		double duplicatesBefore = rsvps("duplicate");

		CountDownLatch start = new CountDownLatch(1);
		List<Future<RestTestClientResponse>> futures = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(16)) {
			for (int i = 0; i < 16; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return this.api.rsvp(shift, volunteer);
				}));
			}
			start.countDown();
			List<RestTestClientResponse> answers = new ArrayList<>();
			for (Future<RestTestClientResponse> future : futures) {
				answers.add(future.get());
			}
			assertThat(answers).filteredOn((answer) -> answer.getExchangeResult().getStatus().value() == 201)
				.hasSize(1);
			assertThat(answers).filteredOn((answer) -> answer.getExchangeResult().getStatus().value() == 200)
				.hasSize(15)
				.allSatisfy((answer) -> assertThat(this.api.body(answer).has("manageToken")).isFalse());
			assertThat(answers).extracting((answer) -> this.api.body(answer).get("id").asString())
				.containsOnly(this.api.body(answers.get(0)).get("id").asString());
		}
		assertThat(rosterBySequence(shift)).hasSize(1);
		assertThat(this.events.awaitEvents(shift, "ShiftSignupConfirmed", 1)).hasSize(1);
		assertThat(rsvps("registered")).isEqualTo(registeredBefore + 1);
		assertThat(rsvps("duplicate")).isEqualTo(duplicatesBefore + 15);
	}

	@Test
	void theShiftIsStoredInTheShapeOtherFeaturesReadRaw() {
		String shift = this.api.openShift(this.chapter, 1);
		String volunteer = this.api.signUp(this.chapter);
		ShiftApi.expect(this.api.rsvp(shift, volunteer), 201);
		ShiftApi.expect(this.api.rsvp(shift, this.api.signUp(null)), 201);

		Document raw = this.mongo.findById(shift, Document.class, "shifts");

		assertThat(raw).isNotNull();
		assertThat(raw.get("opportunityId")).isInstanceOf(String.class);
		assertThat(raw.get("title")).isEqualTo("Canvass for Sarah Unsicker");
		assertThat(raw.get("type")).isEqualTo("CANVASS");
		assertThat(raw.get("state")).isEqualTo("MO");
		assertThat(raw.get("chapterId")).isEqualTo(this.chapter);
		assertThat(raw.get("startsAt")).isInstanceOf(Date.class);
		assertThat(raw.get("endsAt")).isInstanceOf(Date.class);
		assertThat(raw.get("location")).isEqualTo("Tower Grove Park, St. Louis");
		assertThat(raw.get("capacity")).isEqualTo(1);
		assertThat(raw.get("status")).isEqualTo("SCHEDULED");
		assertThat(raw.get("nextSequence")).isEqualTo(3L);
		assertThat(raw.get("version")).isInstanceOf(Long.class);
		List<Document> signups = raw.getList("signups", Document.class);
		assertThat(signups).hasSize(2);
		Document first = signups.get(0);
		assertThat(first.get("id")).isInstanceOf(String.class);
		assertThat(first.get("volunteerId")).isEqualTo(volunteer);
		assertThat(first.get("volunteerChapterId")).isEqualTo(this.chapter);
		assertThat(first.get("status")).isEqualTo("REGISTERED");
		assertThat(first.get("sequence")).isEqualTo(1L);
		assertThat(first.get("signedUpAt")).isInstanceOf(Date.class);
		assertThat(first.get("registeredAt")).isInstanceOf(Date.class);
		// Signups hold no token of their own any more: the volunteer's key manages them.
		assertThat(first).doesNotContainKey("manageTokenHash");
		assertThat(first).doesNotContainKey("_class");
		assertThat(signups.get(1).get("status")).isEqualTo("WAITLISTED");
		Document opportunity = this.mongo.findById(raw.getString("opportunityId"), Document.class, "opportunities");
		assertThat(opportunity).isNotNull();
		assertThat(opportunity.get("status")).isEqualTo("OPEN");
		assertThat(opportunity.get("type")).isEqualTo("CANVASS");
		assertThat(opportunity.get("state")).isEqualTo("MO");
		assertThat(opportunity.get("createdAt")).isInstanceOf(Date.class);
		assertThat(opportunity.get("publishedAt")).isInstanceOf(Date.class);
	}

	/**
	 * Attack 3 of issue 15: knowing a volunteer's id used to be enough to sign them up,
	 * and the answer handed out their manage token and their calendar feed, which showed
	 * every shift they were on.
	 */
	@Test
	void knowingAVolunteersIdIsNoProofAndTheAnswerHandsOutNeitherTokenNorFeed() {
		String shift = this.api.openShift(this.chapter, 3);
		String ada = this.api.signUp(this.chapter);
		String other = this.api.registerChapter("MO");
		String mallory = this.api.signUp(other);
		String malloryKey = ShiftApi.keyOf(this.events, mallory);

		assertThat(this.api.rsvpWithKey(shift, ada, null)).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.api.rsvpWithKey(shift, ada, "guessed")).hasStatus(403);
		// Another volunteer's key is not this one's; nor is a chapter's token that does
		// not
		// organize the shift; nor does an unknown volunteer answer otherwise.
		assertThat(this.api.rsvpWithKey(shift, ada, malloryKey)).hasStatus(403);
		assertThat(this.api.call(HttpMethod.POST, "/api/shifts/" + shift + "/signups", TestTokens.chapter(other),
				Map.of("volunteerId", ada)))
			.hasStatus(403);
		assertThat(this.api.rsvpWithKey(shift, "no-such-volunteer", null)).hasStatus(401);
		assertThat(this.api.rsvpWithKey(shift, "no-such-volunteer", malloryKey)).hasStatus(403);
		assertThat(rosterBySequence(shift)).isEmpty();
		// Ada's own calendar feed needs its token, which no answer gave out.
		assertThat(this.api.call(HttpMethod.GET, "/api/volunteers/" + ada + "/calendar.ics", null, null))
			.hasStatus(401);

		// Ada herself, with the key from her e-mail; the organizing chapter too.
		RestTestClientResponse own = this.api.rsvpWithKey(shift, ada, ShiftApi.keyOf(this.events, ada));
		assertThat(own).hasStatus(201);
		assertThat(this.api.body(own).has("manageToken") || this.api.body(own).has("calendarUrl")).isFalse();
		RestTestClientResponse byOrganizers = this.api.call(HttpMethod.POST, "/api/shifts/" + shift + "/signups",
				TestTokens.chapter(this.chapter), Map.of("volunteerId", this.api.signUp(null)));
		assertThat(byOrganizers).hasStatus(201);
		assertThat(this.api.body(byOrganizers).has("manageToken") || this.api.body(byOrganizers).has("calendarUrl"))
			.isFalse();
		assertThat(rosterBySequence(shift)).hasSize(2);
	}

	@Test
	void theVolunteerCancelsWithTheirKeyAndTheFirstInLineIsPromoted() {
		String shift = this.api.openShift(this.chapter, 1);
		String adaId = this.api.signUp(this.chapter);
		String graceId = this.api.signUp(this.chapter);
		String adaKey = ShiftApi.keyOf(this.events, adaId);
		String graceKey = ShiftApi.keyOf(this.events, graceId);
		JsonNode ada = this.api.body(ShiftApi.expect(this.api.rsvpWithKey(shift, adaId, adaKey), 201));
		JsonNode grace = this.api.body(ShiftApi.expect(this.api.rsvpWithKey(shift, graceId, graceKey), 201));
		assertThat(grace.get("status").asString()).isEqualTo("WAITLISTED");
		assertThat(grace.get("waitlistPosition").asInt()).isEqualTo(1);
		String adaSignup = "/api/shifts/" + shift + "/signups/" + ada.get("id").asString();

		assertThat(this.api.call(HttpMethod.DELETE, adaSignup, null, null)).hasStatus(401);
		assertThat(this.api.call(HttpMethod.DELETE, adaSignup, null, null, graceKey)).hasStatus(403);
		RestTestClientResponse cancelled = this.api.call(HttpMethod.DELETE, adaSignup, null, null, adaKey);

		assertThat(cancelled).hasStatus(200);
		assertThat(cancelled).bodyJson().extractingPath("$.status").isEqualTo("CANCELLED");
		assertThat(this.api.call(HttpMethod.DELETE, adaSignup, null, null, adaKey)).hasStatus(409);
		Event event = this.events.awaitEvents(shift, "ShiftSignupCancelled", 1).get(0);
		assertThat(event.text("reason")).isEqualTo("VOLUNTEER");
		assertThat(this.events.awaitEvents(shift, "ShiftSignupPromoted", 1).get(0).text("signupId"))
			.isEqualTo(grace.get("id").asString());

		// The promoted volunteer says they will be there.
		RestTestClientResponse confirmed = this.api.call(HttpMethod.POST,
				"/api/shifts/" + shift + "/signups/" + grace.get("id").asString() + "/confirm", null, null, graceKey);
		assertThat(confirmed).hasStatus(200);
		assertThat(confirmed).bodyJson().extractingPath("$.status").isEqualTo("CONFIRMED");

		// Back again: a fresh place at the end of the line, under the same signup.
		RestTestClientResponse again = this.api.rsvpWithKey(shift, adaId, adaKey);
		assertThat(again).hasStatus(201);
		assertThat(this.api.body(again).get("id").asString()).isEqualTo(ada.get("id").asString());
		assertThat(this.api.body(again).get("status").asString()).isEqualTo("WAITLISTED");
	}

	@Test
	void moreCapacityPromotesAndLessThanTheSeatsTakenIsRefused() {
		String shift = this.api.openShift(this.chapter, 1);
		for (int i = 0; i < 3; i++) {
			ShiftApi.expect(this.api.rsvp(shift, this.api.signUp(this.chapter)), 201);
		}

		RestTestClientResponse raised = this.api.call(HttpMethod.PUT, "/api/shifts/" + shift + "/capacity",
				TestTokens.chapter(this.chapter), Map.of("capacity", 3));

		assertThat(raised).hasStatus(200);
		assertThat(raised).bodyJson().extractingPath("$.seatsLeft").isEqualTo(0);
		assertThat(raised).bodyJson().extractingPath("$.waitlistLength").isEqualTo(0);
		assertThat(this.events.awaitEvents(shift, "ShiftSignupPromoted", 2)).hasSize(2);
		assertThat(this.api.call(HttpMethod.PUT, "/api/shifts/" + shift + "/capacity", TestTokens.staff(),
				Map.of("capacity", 2)))
			.hasStatus(409);
		assertThat(this.api.call(HttpMethod.PUT, "/api/shifts/" + shift + "/capacity", TestTokens.staff(),
				Map.of("capacity", 0)))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("capacity");
	}

	@Test
	void rsvpsNeedAKnownVolunteerAndAnOpenOpportunity() {
		String shift = this.api.openShift(this.chapter, 3);
		assertThat(this.api.rsvp(shift, "no-such-volunteer")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("volunteerId");
		assertThat(this.api.rsvp("no-such-shift", this.api.signUp(null))).hasStatus(404);
		JsonNode draft = this.api.createOpportunity(TestTokens.staff(),
				ShiftApi.opportunity(this.chapter, "MO", true, 3));
		assertThat(this.api.rsvp(draft.get("shifts").get(0).get("id").asString(), this.api.signUp(null)))
			.hasStatus(409);
	}

	@Test
	void attendanceIsRecordedOnceTheShiftStartedWithItsLengthAsHoursByDefault() {
		Instant startsAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
		Map<String, Object> body = ShiftApi.opportunity(this.chapter, "MO", false);
		body.put("shifts", List.of(ShiftApi.shift(startsAt, startsAt.plus(Duration.ofMinutes(90)), 2)));
		String shift = this.api.createOpportunity(TestTokens.chapter(this.chapter), body)
			.get("shifts")
			.get(0)
			.get("id")
			.asString();
		String volunteer = this.api.signUp(this.chapter);
		String signup = this.api.body(ShiftApi.expect(this.api.rsvp(shift, volunteer), 201)).get("id").asString();
		String attendance = "/api/shifts/" + shift + "/signups/" + signup + "/attendance";
		assertThat(this.api.call(HttpMethod.POST, attendance, TestTokens.staff(), Map.of("attended", true)))
			.hasStatus(409);
		await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(startsAt.plusMillis(100)));

		RestTestClientResponse attended = this.api.call(HttpMethod.POST, attendance, TestTokens.chapter(this.chapter),
				Map.of("attended", true));

		assertThat(attended).hasStatus(200);
		assertThat(attended).bodyJson().extractingPath("$.status").isEqualTo("ATTENDED");
		assertThat(attended).bodyJson().extractingPath("$.hours").isEqualTo(1.5);
		Event event = this.events.awaitEvents(shift, "AttendanceRecorded", 1).get(0);
		assertThat(event.data().get("attended").asBoolean()).isTrue();
		assertThat(event.data().get("hours").asDouble()).isEqualTo(1.5);
		assertThat(event.text("volunteerChapterId")).isEqualTo(this.chapter);
		assertThat(event.text("volunteerId")).isEqualTo(volunteer);

		RestTestClientResponse corrected = this.api.call(HttpMethod.POST, attendance, TestTokens.staff(),
				Map.of("attended", true, "hours", 2.25));
		assertThat(corrected).bodyJson().extractingPath("$.hours").isEqualTo(2.25);
		assertThat(
				this.api.call(HttpMethod.POST, attendance, TestTokens.staff(), Map.of("attended", true, "hours", 25)))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("hours");
		JsonNode roster = rosterBySequence(shift).get(0);
		assertThat(roster.get("hours").asDouble()).isEqualTo(2.25);
		assertThat(roster.get("name").asString()).isEqualTo("Shift Volunteer");
	}

	@Test
	void anErasedVolunteerGivesUpTheirSeatToTheFirstInLineAndTheRosterNamesThemNoMore() {
		String shift = this.api.openShift(this.chapter, 1);
		String ada = this.api.signUp(this.chapter);
		JsonNode seat = this.api.body(ShiftApi.expect(this.api.rsvp(shift, ada), 201));
		JsonNode waiting = this.api.body(ShiftApi.expect(this.api.rsvp(shift, this.api.signUp(this.chapter)), 201));

		ShiftApi.expect(this.api.call(HttpMethod.DELETE, "/api/volunteers/" + ada, TestTokens.staff(), null), 204);

		Event cancelled = this.events.awaitEvents(shift, "ShiftSignupCancelled", 1).get(0);
		assertThat(cancelled.text("reason")).isEqualTo("ERASURE");
		assertThat(cancelled.text("signupId")).isEqualTo(seat.get("id").asString());
		assertThat(this.events.awaitEvents(shift, "ShiftSignupPromoted", 1).get(0).text("signupId"))
			.isEqualTo(waiting.get("id").asString());
		JsonNode erased = rosterBySequence(shift).get(0);
		assertThat(erased.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(erased.get("name").isNull()).isTrue();
	}

	private List<JsonNode> rosterBySequence(String shift) {
		List<JsonNode> entries = new ArrayList<>();
		this.api.roster(shift).get("content").forEach(entries::add);
		entries.sort(Comparator.comparingLong((entry) -> entry.get("sequence").asLong()));
		return entries;
	}

	private List<String> signUpMany(int count) throws Exception {
		List<String> ids = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
			List<Future<String>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(executor.submit(() -> this.api.signUp(this.chapter)));
			}
			for (Future<String> future : futures) {
				ids.add(future.get());
			}
		}
		return ids;
	}

	private double rsvps(String outcome) {
		var counter = this.meters.find("groundgame.volunteer.rsvps").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double count(String name) {
		var counter = this.meters.find(name).counter();
		return (counter != null) ? counter.count() : 0;
	}

}

package org.groundgame.volunteer.opportunity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.bson.Document;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.events.TopicEvents;
import org.groundgame.test.events.TopicEvents.Event;
import org.groundgame.test.security.TestTokens;
import org.groundgame.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public RSVP in one step ({@code POST /api/shifts/{id}/rsvps}), "My shifts" and the
 * confirmation or refusal of what an RSVP with a known address asked, over the real
 * broker and store; the links e-mailed are read back from the topic, as the e-mails carry
 * them.
 */
@VolunteerServiceIntegrationTest
class OneStepRsvpIntegrationTests {

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	private ShiftApi api;

	private TopicEvents events;

	private String chapter;

	private String suffix;

	@BeforeEach
	void registerAChapterAndListen() {
		this.api = new ShiftApi(this.client);
		this.events = ShiftApi.events(this.protection);
		this.chapter = this.api.registerChapter("MO");
		this.suffix = UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void stopListening() {
		this.events.close();
	}

	@Test
	void aNewAddressRsvpsInOneStepAndItsLinkOpensMyShiftsWithThePlaceHeld() {
		String shift = this.api.openShift(this.chapter, 2);
		String email = "rosa-" + this.suffix + "@example.org";

		RestTestClientResponse response = rsvp(shift, form("Rosa Parks", email, "(314) 555-0199", "ES"));

		assertThat(response).hasStatus(202);
		assertThat(response.getExchangeResult().getResponseHeaders().getLocation()).isNull();
		JsonNode answer = this.api.body(response);
		assertThat(answer.propertyNames()).containsExactlyInAnyOrder("shiftId", "status");
		assertThat(answer.get("shiftId").asString()).isEqualTo(shift);
		assertThat(answer.get("status").asString()).isEqualTo("REGISTERED");
		Document stored = volunteerWith(email);
		String id = stored.getString("_id");
		assertThat(stored.get("name")).isEqualTo("Rosa Parks");
		assertThat(stored.get("phone")).isEqualTo("+13145550199");
		assertThat(stored.get("language")).isEqualTo("es");
		assertThat(stored.get("chapterId")).isEqualTo(this.chapter);
		Event signedUp = this.events.awaitEvents(id, "VolunteerSignedUp", 1).get(0);
		assertThat(signedUp.text("language")).isEqualTo("es");
		Event link = this.events.awaitEvents(id, "VolunteerLinkIssued", 1).get(0);
		assertThat(link.text("language")).isEqualTo("es");
		assertThat(link.text("manageUrl")).startsWith("http://localhost:8080/volunteers/" + id + "#token=");
		String key = ShiftApi.keyOf(this.events, id);

		JsonNode mine = this.api.body(ShiftApi.expect(myShifts(id, key), 200));

		assertThat(mine.get("volunteerId").asString()).isEqualTo(id);
		assertThat(mine.get("firstName").asString()).isEqualTo("Rosa");
		assertThat(mine.get("language").asString()).isEqualTo("es");
		assertThat(mine.get("calendarUrl").asString()).isEqualTo(link.text("calendarUrl"))
			.startsWith("http://localhost:8080/api/volunteers/" + id + "/calendar.ics?token=");
		assertThat(mine.has("email") || mine.has("phone") || mine.has("name")).isFalse();
		assertThat(mine.get("past")).isEmpty();
		assertThat(mine.get("upcoming")).hasSize(1);
		JsonNode booking = mine.get("upcoming").get(0);
		assertThat(booking.get("shiftId").asString()).isEqualTo(shift);
		assertThat(booking.get("title").asString()).isEqualTo("Canvass for Sarah Unsicker");
		assertThat(booking.get("type").asString()).isEqualTo("CANVASS");
		assertThat(booking.get("location").asString()).isEqualTo("Tower Grove Park, St. Louis");
		assertThat(booking.get("status").asString()).isEqualTo("REGISTERED");
		assertThat(booking.get("cancellable").asBoolean()).isTrue();
		assertThat(booking.get("confirmable").asBoolean()).isTrue();
		assertThat(booking.get("opportunityId").asString()).isNotBlank();
		assertThat(booking.get("signupId").asString())
			.isEqualTo(this.api.roster(shift).get("content").get(0).get("id").asString());
	}

	/**
	 * Issue 16's stranger: they know an address and type it with their own name and
	 * phone. The answer is the one a new address gets; the stored person does not change;
	 * the place is held for the person, who is told, and who may give it up with the link
	 * that went to their mailbox.
	 */
	@Test
	void anRsvpWithAKnownAddressChangesNothingTellsNothingAndThePersonMayGiveThePlaceUp() {
		String shift = this.api.openShift(this.chapter, 5);
		String email = "ada-" + this.suffix + "@example.org";
		ShiftApi.expect(rsvp(shift, form("Ada King", email, "(314) 555-0123", null)), 202);
		String id = volunteerWith(email).getString("_id");
		String key = ShiftApi.keyOf(this.events, id);
		String otherShift = this.api.openShift(this.chapter, 5);
		JsonNode newcomer = this.api.body(ShiftApi.expect(
				rsvp(otherShift, form("New Person", "new-" + this.suffix + "@example.org", "(314) 555-0100", "es")),
				202));

		RestTestClientResponse response = rsvp(otherShift,
				form("Mallory", " ADA-" + this.suffix + "@EXAMPLE.org ", "(816) 555-0666", "es"));

		assertThat(response).hasStatus(202);
		JsonNode answer = this.api.body(response);
		assertThat(answer).as("the same answer as for a new address").isEqualTo(newcomer);
		Document stored = volunteerWith(email);
		assertThat(stored.getString("_id")).isEqualTo(id);
		assertThat(stored.get("name")).isEqualTo("Ada King");
		assertThat(stored.get("phone")).isEqualTo("+13145550123");
		assertThat(stored.get("language")).isEqualTo("en");
		// The place is held for the person at once, under their own id.
		assertThat(this.api.roster(otherShift).get("content"))
			.anySatisfy((entry) -> assertThat(entry.get("volunteerId").asString()).isEqualTo(id));
		Event requested = this.events.awaitEvents(id, "VolunteerChangeRequested", 1).get(0);
		assertThat(requested.text("name")).isEqualTo("Ada King");
		assertThat(requested.text("language")).as("the language the person is known to read").isEqualTo("en");
		assertThat(requested.data().get("heldShifts")).hasSize(1);
		JsonNode held = requested.data().get("heldShifts").get(0);
		assertThat(held.get("shiftId").asString()).isEqualTo(otherShift);
		assertThat(held.get("status").asString()).isEqualTo("REGISTERED");
		assertThat(held.get("shift").get("title").asString()).isEqualTo("Canvass for Sarah Unsicker");
		// The person sees it on their page, with the key they already hold.
		assertThat(this.api.body(myShifts(id, key)).get("upcoming")).hasSize(2);

		String token = tokenOf(requested.text("confirmUrl"));
		JsonNode declined = this.api.body(ShiftApi.expect(confirmation(HttpMethod.DELETE, token), 200));

		assertThat(declined.get("releasedPlaces").asInt()).isEqualTo(1);
		assertThat(this.api.roster(otherShift).get("content"))
			.filteredOn((entry) -> entry.get("volunteerId").asString().equals(id))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.get("status").asString()).isEqualTo("CANCELLED"));
		assertThat(this.events.awaitEvents(otherShift, "ShiftSignupCancelled", 1).get(0).text("reason"))
			.isEqualTo("VOLUNTEER");
		assertThat(volunteerWith(email).get("name")).isEqualTo("Ada King");
		assertThat(volunteerWith(email)).doesNotContainKey("pendingChange");
		// The link is spent: it neither confirms nor declines again.
		assertThat(confirmation(HttpMethod.POST, token)).hasStatus(404);
		assertThat(confirmation(HttpMethod.DELETE, token)).hasStatus(404);
		// The key the person held still works; the first place is still theirs.
		JsonNode mine = this.api.body(ShiftApi.expect(myShifts(id, key), 200));
		assertThat(mine.get("upcoming")).filteredOn((entry) -> entry.get("shiftId").asString().equals(shift))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.get("status").asString()).isEqualTo("REGISTERED"));
	}

	@Test
	void whenThePersonConfirmsTheDetailsApplyThePlaceStaysAndANewKeyIsSent() {
		String shift = this.api.openShift(this.chapter, 5);
		String email = "grace-" + this.suffix + "@example.org";
		ShiftApi.expect(this.api.call(HttpMethod.POST, "/api/volunteers", null,
				Map.of("name", "Grace Hopper", "email", email, "language", "en")), 202);
		String id = volunteerWith(email).getString("_id");
		String oldKey = ShiftApi.keyOf(this.events, id);

		ShiftApi.expect(rsvp(shift, form("Grace B. Hopper", email, "(573) 555-0101", "es")), 202);
		Event requested = this.events.awaitEvents(id, "VolunteerChangeRequested", 1).get(0);
		ShiftApi.expect(confirmation(HttpMethod.POST, tokenOf(requested.text("confirmUrl"))), 200);

		Document stored = volunteerWith(email);
		assertThat(stored.get("name")).isEqualTo("Grace B. Hopper");
		assertThat(stored.get("phone")).isEqualTo("+15735550101");
		assertThat(stored.get("language")).isEqualTo("es");
		Event updated = this.events.awaitEvents(id, "VolunteerUpdated", 1).get(0);
		assertThat(updated.text("language")).isEqualTo("es");
		List<Event> links = this.events.awaitEvents(id, "VolunteerLinkIssued", 2);
		assertThat(links.get(1).text("language")).isEqualTo("es");
		String newKey = tokenOf(links.get(1).text("manageUrl"));
		assertThat(myShifts(id, oldKey)).hasStatus(404);
		JsonNode mine = this.api.body(ShiftApi.expect(myShifts(id, newKey), 200));
		assertThat(mine.get("firstName").asString()).isEqualTo("Grace");
		assertThat(mine.get("upcoming")).singleElement()
			.satisfies((entry) -> assertThat(entry.get("status").asString()).isEqualTo("REGISTERED"));
	}

	/**
	 * The answer to a repeated RSVP is what the shift offers anyone at that moment, not
	 * the place the address holds: otherwise "REGISTERED" on a full shift would tell a
	 * stranger that the person has a seat.
	 */
	@Test
	void aRepeatedRsvpKeepsOneSignupAndIsAnsweredAsANewOneWouldBe() {
		String shift = this.api.openShift(this.chapter, 1);
		String email = "twice-" + this.suffix + "@example.org";
		assertThat(this.api.body(ShiftApi.expect(rsvp(shift, form("Twice", email, "(314) 555-0111", null)), 202))
			.get("status")
			.asString()).isEqualTo("REGISTERED");
		String id = volunteerWith(email).getString("_id");

		JsonNode again = this.api.body(ShiftApi.expect(rsvp(shift, form("Twice", email, "(314) 555-0111", null)), 202));

		assertThat(again.get("status").asString()).isEqualTo("WAITLISTED");
		assertThat(again.get("waitlistPosition").asInt()).isEqualTo(1);
		JsonNode roster = this.api.roster(shift).get("content");
		assertThat(roster).singleElement()
			.satisfies((entry) -> assertThat(entry.get("status").asString()).isEqualTo("REGISTERED"));
		assertThat(roster.get(0).get("volunteerId").asString()).isEqualTo(id);
		// The person is asked to confirm the details; declining gives up nothing they
		// had.
		Event requested = this.events.awaitEvents(id, "VolunteerChangeRequested", 1).get(0);
		assertThat(requested.data().get("heldShifts")).isEmpty();
		assertThat(this.api.body(confirmation(HttpMethod.DELETE, tokenOf(requested.text("confirmUrl"))))
			.get("releasedPlaces")
			.asInt()).isZero();
		assertThat(this.api.roster(shift).get("content").get(0).get("status").asString()).isEqualTo("REGISTERED");
	}

	@Test
	void sixtyConcurrentRsvpsInOneStepFillTenSeatsAndLineTheRestUpInOrder() throws Exception {
		String shift = this.api.openShift(this.chapter, 10);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<RestTestClientResponse>> futures = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(60)) {
			for (int i = 0; i < 60; i++) {
				Map<String, Object> form = form("Volunteer " + i, "crowd-" + i + "-" + this.suffix + "@example.org",
						"(314) 555-01" + String.format("%02d", i), null);
				futures.add(executor.submit(() -> {
					start.await();
					return rsvp(shift, form);
				}));
			}
			start.countDown();
			List<JsonNode> answers = new ArrayList<>();
			for (Future<RestTestClientResponse> future : futures) {
				answers.add(this.api.body(ShiftApi.expect(future.get(), 202)));
			}
			assertThat(answers).filteredOn((answer) -> answer.get("status").asString().equals("REGISTERED"))
				.hasSize(10);
			assertThat(answers).filteredOn((answer) -> answer.get("status").asString().equals("WAITLISTED"))
				.extracting((answer) -> answer.get("waitlistPosition").asInt())
				.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
		}
		List<JsonNode> roster = new ArrayList<>();
		this.api.roster(shift).get("content").forEach(roster::add);
		assertThat(roster).hasSize(60);
		assertThat(roster.subList(0, 10))
			.allSatisfy((entry) -> assertThat(entry.get("status").asString()).isEqualTo("REGISTERED"));
		for (int i = 10; i < 60; i++) {
			assertThat(roster.get(i).get("status").asString()).isEqualTo("WAITLISTED");
			assertThat(roster.get(i).get("waitlistPosition").asInt()).isEqualTo(i - 9);
		}
		assertThat(this.mongo.count(Query.query(Criteria.where("emailKey").regex("^crowd-.*-" + this.suffix + "@")),
				"volunteers"))
			.isEqualTo(60);
	}

	@Test
	void concurrentRsvpsWithOneNewAddressLeaveOneVolunteerAndOneSignup() throws Exception {
		String shift = this.api.openShift(this.chapter, 3);
		String email = "eager-" + this.suffix + "@example.org";
		CountDownLatch start = new CountDownLatch(1);
		List<Future<RestTestClientResponse>> futures = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(12)) {
			for (int i = 0; i < 12; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return rsvp(shift, form("Eager", email, "(314) 555-0142", null));
				}));
			}
			start.countDown();
			for (Future<RestTestClientResponse> future : futures) {
				ShiftApi.expect(future.get(), 202);
			}
		}
		assertThat(this.mongo.count(Query.query(Criteria.where("emailKey").is(email)), "volunteers")).isOne();
		String id = volunteerWith(email).getString("_id");
		assertThat(this.api.roster(shift).get("content")).singleElement()
			.satisfies((entry) -> assertThat(entry.get("volunteerId").asString()).isEqualTo(id));
		assertThat(this.events.awaitEvents(id, "VolunteerSignedUp", 1)).hasSize(1);
	}

	@Test
	void aCancellationFromMyShiftsPromotesTheFirstInLineWhoSeesItOnTheirOwnPage() {
		String shift = this.api.openShift(this.chapter, 1);
		String first = "first-" + this.suffix + "@example.org";
		String second = "second-" + this.suffix + "@example.org";
		ShiftApi.expect(rsvp(shift, form("First", first, "(314) 555-0131", null)), 202);
		JsonNode waiting = this.api
			.body(ShiftApi.expect(rsvp(shift, form("Second", second, "(314) 555-0132", null)), 202));
		assertThat(waiting.get("status").asString()).isEqualTo("WAITLISTED");
		assertThat(waiting.get("waitlistPosition").asInt()).isEqualTo(1);
		String firstId = volunteerWith(first).getString("_id");
		String secondId = volunteerWith(second).getString("_id");
		String firstKey = ShiftApi.keyOf(this.events, firstId);
		String secondKey = ShiftApi.keyOf(this.events, secondId);
		JsonNode line = this.api.body(myShifts(secondId, secondKey)).get("upcoming").get(0);
		assertThat(line.get("status").asString()).isEqualTo("WAITLISTED");
		assertThat(line.get("waitlistPosition").asInt()).isEqualTo(1);
		assertThat(line.get("confirmable").asBoolean()).isFalse();
		String signup = this.api.body(myShifts(firstId, firstKey)).get("upcoming").get(0).get("signupId").asString();

		ShiftApi.expect(
				this.api.call(HttpMethod.DELETE, "/api/shifts/" + shift + "/signups/" + signup, null, null, firstKey),
				200);

		JsonNode cancelled = this.api.body(myShifts(firstId, firstKey)).get("upcoming").get(0);
		assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("cancellable").asBoolean()).isFalse();
		JsonNode promoted = this.api.body(myShifts(secondId, secondKey)).get("upcoming").get(0);
		assertThat(promoted.get("status").asString()).isEqualTo("REGISTERED");
		assertThat(promoted.has("waitlistPosition")).isFalse();
		assertThat(this.events.awaitEvents(shift, "ShiftSignupPromoted", 1).get(0).text("volunteerId"))
			.isEqualTo(secondId);
	}

	/**
	 * Issue 16's stranger with an id: another volunteer's id with one's own key, a
	 * guessed key, no key, an unknown id, an erased volunteer: nothing, and the refusals
	 * do not tell one case from another.
	 */
	@Test
	void myShiftsOpensOnlyToTheVolunteersOwnKeyAndRefusesAlikeWhateverTheStrangerHolds() {
		String shift = this.api.openShift(this.chapter, 3);
		ShiftApi.expect(rsvp(shift, form("Victim", "victim-" + this.suffix + "@example.org", "(314) 555-0151", null)),
				202);
		ShiftApi.expect(
				rsvp(shift, form("Stranger", "stranger-" + this.suffix + "@example.org", "(314) 555-0152", null)), 202);
		String victim = volunteerWith("victim-" + this.suffix + "@example.org").getString("_id");
		String stranger = volunteerWith("stranger-" + this.suffix + "@example.org").getString("_id");
		String strangersKey = ShiftApi.keyOf(this.events, stranger);

		RestTestClientResponse othersId = myShifts(victim, strangersKey);
		RestTestClientResponse guessed = myShifts(victim, "a".repeat(43));
		RestTestClientResponse unknown = myShifts("no-such-volunteer", strangersKey);

		assertThat(othersId).hasStatus(404);
		assertThat(guessed).hasStatus(404);
		assertThat(unknown).hasStatus(404);
		String detail = this.api.body(othersId).get("detail").asString();
		assertThat(this.api.body(guessed).get("detail").asString()).isEqualTo(detail);
		assertThat(this.api.body(unknown).get("detail").asString()).isEqualTo(detail);
		assertThat(detail).doesNotContain(victim).doesNotContain("Victim");
		assertThat(myShifts(victim, null)).hasStatus(401);
		// A bearer token opens nobody's page either: it is the volunteer's alone.
		assertThat(this.api.call(HttpMethod.GET, "/api/volunteers/" + victim + "/shifts", TestTokens.staff(), null))
			.hasStatus(401);
		ShiftApi.expect(this.api.call(HttpMethod.DELETE, "/api/volunteers/" + stranger, TestTokens.staff(), null), 204);
		assertThat(myShifts(stranger, strangersKey)).hasStatus(404);
	}

	@Test
	void badInputIsAProblemNamingEveryFieldAtFaultAndNothingIsStoredOrHeld() {
		String shift = this.api.openShift(this.chapter, 3);
		Map<String, Object> form = new HashMap<>();
		form.put("name", " ");
		form.put("email", "bad-" + this.suffix);
		form.put("zip", "x");
		form.put("language", "fr");
		form.put("consent", Map.of("email", "maybe"));

		assertThat(rsvp(shift, form)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("name", "email", "phone", "zip", "language", "consent.email");
		assertThat(this.api.roster(shift).get("content")).isEmpty();
		assertThat(this.mongo.count(Query.query(Criteria.where("emailKey").is("bad-" + this.suffix)), "volunteers"))
			.isZero();
		assertThat(this.api.call(HttpMethod.POST, "/api/volunteers", null,
				Map.of("name", "N", "email", "n-" + this.suffix + "@example.org", "language", "de")))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("language");
	}

	@Test
	void onlyShiftsOpenToThePublicTakeRsvpsAndAShiftThatCannotCreatesNobody() {
		JsonNode draft = this.api.createOpportunity(TestTokens.staff(),
				ShiftApi.opportunity(this.chapter, "MO", true, 3));
		String draftShift = draft.get("shifts").get(0).get("id").asString();
		String email = "early-" + this.suffix + "@example.org";

		assertThat(rsvp(draftShift, form("Early", email, "(314) 555-0161", null))).hasStatus(404);
		assertThat(rsvp("no-such-shift", form("Early", email, "(314) 555-0161", null))).hasStatus(404);
		assertThat(this.mongo.count(Query.query(Criteria.where("emailKey").is(email)), "volunteers")).isZero();
	}

	@Test
	void theOpportunityPagesFiltersAndPublicViewShowSeatsAndTheLineButNobody() {
		String otherChapter = this.api.registerChapter("MO");
		String shift = this.api.openShift(this.chapter, 1);
		this.api.openShift(otherChapter, 1);
		ShiftApi.expect(rsvp(shift, form("Seated", "seated-" + this.suffix + "@example.org", "(314) 555-0171", null)),
				202);
		ShiftApi.expect(rsvp(shift, form("Waiting", "waiting-" + this.suffix + "@example.org", "(314) 555-0172", null)),
				202);

		JsonNode listed = this.api.body(ShiftApi.expect(
				this.api.call(HttpMethod.GET, "/api/opportunities?state=MO&chapterId=" + this.chapter, null, null),
				200));

		assertThat(listed.get("content"))
			.allSatisfy((opportunity) -> assertThat(opportunity.get("chapterId").asString()).isEqualTo(this.chapter));
		String opportunity = this.api.body(this.api.call(HttpMethod.GET, "/api/shifts/" + shift, null, null))
			.get("opportunityId")
			.asString();
		RestTestClientResponse view = ShiftApi
			.expect(this.api.call(HttpMethod.GET, "/api/opportunities/" + opportunity, null, null), 200);
		JsonNode seen = this.api.body(view).get("shifts").get(0);
		assertThat(seen.get("seatsLeft").asInt()).isZero();
		assertThat(seen.get("waitlistLength").asInt()).isEqualTo(1);
		String raw = new String(view.getExchangeResult().getResponseBodyContent(), StandardCharsets.UTF_8);
		assertThat(raw).doesNotContain("Seated")
			.doesNotContain("Waiting")
			.doesNotContain("@example.org")
			.doesNotContain("volunteerId")
			.doesNotContain("signups");
	}

	private RestTestClientResponse rsvp(String shiftId, Map<String, Object> form) {
		return this.api.call(HttpMethod.POST, "/api/shifts/" + shiftId + "/rsvps", null, form);
	}

	private RestTestClientResponse myShifts(String volunteerId, String key) {
		return this.api.call(HttpMethod.GET, "/api/volunteers/" + volunteerId + "/shifts", null, null, key);
	}

	private RestTestClientResponse confirmation(HttpMethod method, String token) {
		return RestTestClientResponse.from(this.client.method(method)
			.uri("/api/volunteers/confirmations")
			.header("X-Confirmation-Token", token)
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
			.exchange());
	}

	private Map<String, Object> form(String name, String email, String phone, String language) {
		Map<String, Object> form = new HashMap<>();
		form.put("name", name);
		form.put("email", email);
		form.put("phone", phone);
		form.put("chapterId", this.chapter);
		form.put("consent", Map.of("email", true, "sms", false));
		if (language != null) {
			form.put("language", language);
		}
		return form;
	}

	private Document volunteerWith(String email) {
		Document found = this.mongo.findOne(Query.query(Criteria.where("emailKey").is(email.strip().toLowerCase())),
				Document.class, "volunteers");
		assertThat(found).as("the volunteer with %s", email).isNotNull();
		return found;
	}

	private static String tokenOf(String link) {
		assertThat(link).contains("#token=");
		return link.substring(link.indexOf("#token=") + "#token=".length());
	}

}

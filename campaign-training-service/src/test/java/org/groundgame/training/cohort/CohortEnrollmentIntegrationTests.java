package org.groundgame.training.cohort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.events.TopicEvents;
import org.groundgame.test.security.TestTokens;
import org.groundgame.training.CampaignTrainingServiceIntegrationTest;
import org.groundgame.training.VolunteerTopic;
import org.groundgame.support.chapter.RegisteredChapters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@CampaignTrainingServiceIntegrationTest
class CohortEnrollmentIntegrationTests {

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

	@Autowired
	private RegisteredChapters chapters;

	private TrainingApi api;

	private TopicEvents events;

	@BeforeEach
	void setUp() {
		this.api = new TrainingApi(this.client);
		this.events = TrainingApi.events(this.protection);
	}

	@AfterEach
	void tearDown() {
		this.events.close();
	}

	@Test
	void staffOpenACohortThatIsListedWithItsSeatsAndAnnounced() {
		JsonNode cohort = this.api.openCohort(12);
		String id = cohort.get("id").asString();

		assertThat(cohort.get("track").asString()).isEqualTo("CANDIDATE");
		assertThat(cohort.get("sessions")).hasSize(3);
		assertThat(cohort.get("location").asString()).isEqualTo("Online");
		JsonNode listed = listed(id);
		assertThat(listed.get("seatsLeft").asInt()).isEqualTo(12);
		assertThat(listed.get("waitlistLength").asInt()).isZero();
		assertThat(listed.get("offerHours").asInt()).isEqualTo(48);
		TopicEvents.Event opened = this.events.awaitEvents(id, "CohortOpened", 1).get(0);
		assertThat(opened.data().get("capacity").asInt()).isEqualTo(12);
		assertThat(opened.data().get("cohort").get("name").asString()).isEqualTo(cohort.get("name").asString());
	}

	@Test
	void aBadCohortIsOneProblemNamingEveryFieldAtFault() {
		Map<String, Object> body = TrainingApi.cohort(0);
		body.put("track", "MAYOR");
		body.put("sessions", List.of("2031-03-14", "2031-03-07"));
		body.put("applicationDeadline", "2031-04-01");
		body.put("format", "IN_PERSON");

		RestTestClientResponse response = this.api.call(HttpMethod.POST, "/api/training/cohorts", TestTokens.staff(),
				body);

		assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("capacity", "track", "sessions", "location");
	}

	@Test
	void aDeadlineAfterTheStartIsNamed() {
		Map<String, Object> body = TrainingApi.cohort(5);
		body.put("applicationDeadline", "2099-01-01");

		RestTestClientResponse response = this.api.call(HttpMethod.POST, "/api/training/cohorts", TestTokens.staff(),
				body);

		assertThat(response).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(response).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("applicationDeadline");
	}

	@Test
	void applicantsAreEnrolledThenWaitlistedEachFindingTheirApplicationByTheLinkEmailedToThem() {
		String cohort = this.api.openCohort(1).get("id").asString();

		JsonNode enrolled = this.api.applied(this.events, cohort, email());
		JsonNode waitlisted = this.api.applied(this.events, cohort, email());

		assertThat(enrolled.get("status").asString()).isEqualTo("ENROLLED");
		assertThat(waitlisted.get("status").asString()).isEqualTo("WAITLISTED");
		assertThat(waitlisted.get("waitlistPosition").asInt()).isEqualTo(1);
		JsonNode listed = listed(cohort);
		assertThat(listed.get("seatsLeft").asInt()).isZero();
		assertThat(listed.get("waitlistLength").asInt()).isEqualTo(1);
		List<TopicEvents.Event> published = this.events.awaitEvents(cohort, "TraineeWaitlisted", 1);
		assertThat(published.get(0).data().get("position").asInt()).isEqualTo(1);
		assertThat(published.get(0).text("manageUrl"))
			.startsWith("http://localhost:8080/training/enrollments/" + waitlisted.get("id").asString() + "#token=");
		assertThat(this.events.awaitEvents(cohort, "TraineeApplied", 2)).hasSize(2);
	}

	/**
	 * The attack: a stranger who knows someone's address applies with it, hoping the
	 * answer tells them whether that person applied, hands them the enrollment, or lets
	 * them change it. The answer is the same as to a first application; nothing of the
	 * application changes; its owner is e-mailed a new link, and the old one stops
	 * working.
	 */
	@Test
	void applyingAgainWithSomeonesAddressTellsNothingChangesNothingAndMailsItsOwnerANewLink() {
		String cohort = this.api.openCohort(1).get("id").asString();
		String owner = email();
		JsonNode mine = this.api.applied(this.events, cohort, owner);
		String firstLink = TrainingApi.mailedLinks(this.events, cohort, owner, 1).get(0);

		Map<String, Object> stranger = TrainingApi.application(" " + owner.toUpperCase(Locale.ROOT));
		stranger.put("name", "Someone Else");
		stranger.put("plansToRun", false);
		stranger.remove("office");
		RestTestClientResponse repeat = this.api.call(HttpMethod.POST,
				"/api/training/cohorts/" + cohort + "/applications", null, stranger);
		RestTestClientResponse fresh = this.api.apply(cohort, email());

		JsonNode repeatAnswer = this.api.expectReceived(repeat, cohort);
		JsonNode freshAnswer = this.api.expectReceived(fresh, cohort);
		assertThat(repeatAnswer).isEqualTo(freshAnswer);
		assertThat(repeat.getExchangeResult().getResponseHeaders().getLocation()).isNull();
		assertThat(new String(repeat.getExchangeResult().getResponseBodyContent(), StandardCharsets.UTF_8))
			.doesNotContain(mine.get("id").asString());

		List<String> links = TrainingApi.mailedLinks(this.events, cohort, owner, 2);
		assertThat(links).hasSize(2);
		TopicEvents.Event newLink = this.events.awaitEvents(cohort, "ManageLinkIssued", 1)
			.stream()
			.filter((event) -> owner.equals(event.text("email")))
			.findFirst()
			.orElseThrow();
		assertThat(newLink.text("name")).isEqualTo("Trainee");
		assertThat(newLink.text("status")).isEqualTo("ENROLLED");
		JsonNode byNewLink = this.api.followLink(links.get(1));
		assertThat(byNewLink.get("id").asString()).isEqualTo(mine.get("id").asString());
		assertThat(byNewLink.get("name").asString()).isEqualTo("Trainee");
		assertThat(byNewLink.get("plansToRun").asBoolean()).isTrue();
		assertThat(byNewLink.get("office").asString()).isEqualTo("City Council");
		assertThat(byNewLink.get("status").asString()).isEqualTo("ENROLLED");
		assertThat(this.api.call(HttpMethod.GET, "/api/training/enrollments/" + mine.get("id").asString(), null, null,
				TrainingApi.tokenOf(firstLink)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(listed(cohort).get("seatsLeft").asInt()).isZero();
		assertThat(listed(cohort).get("waitlistLength").asInt()).isEqualTo(1);
		assertThat(this.events.awaitEvents(cohort, "TraineeApplied", 2)).hasSize(2);

		// Again at once: the same answer, and no other link to fill the owner's mailbox
		// (the cohort's events are in order: once a later applicant's link is out, any
		// link for this repeat would be too).
		this.api.expectReceived(
				this.api.call(HttpMethod.POST, "/api/training/cohorts/" + cohort + "/applications", null, stranger),
				cohort);
		String later = email();
		this.api.applied(this.events, cohort, later);
		assertThat(TrainingApi.mailedLinks(this.events, cohort, owner, 1)).hasSize(2);
	}

	@Test
	void anApplicationNamingAChapterThatIsNotRegisteredIsAProblemNamingTheField() {
		String cohort = this.api.openCohort(1).get("id").asString();
		Map<String, Object> body = TrainingApi.application(email());
		body.put("chapterId", "no-such-chapter-" + UUID.randomUUID());

		RestTestClientResponse response = this.api.call(HttpMethod.POST,
				"/api/training/cohorts/" + cohort + "/applications", null, body);

		assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("chapterId");
		assertThat(listed(cohort).get("seatsLeft").asInt()).isEqualTo(1);
	}

	@Test
	void anApplicationNamingAChapterIsTakenOnceVolunteerServiceAnnouncedIt() {
		String cohort = this.api.openCohort(1).get("id").asString();
		String chapterId;
		try (VolunteerTopic volunteers = new VolunteerTopic()) {
			chapterId = volunteers.registerChapter("MO");
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.chapters.isRegistered(chapterId));
		Map<String, Object> body = TrainingApi.application(email());
		body.put("chapterId", chapterId);

		this.api.expectReceived(
				this.api.call(HttpMethod.POST, "/api/training/cohorts/" + cohort + "/applications", null, body),
				cohort);

		assertThat(this.events.awaitEvents(cohort, "TraineeEnrolled", 1).get(0).text("chapterId")).isEqualTo(chapterId);
	}

	@Test
	void aMalformedApplicationIsAProblemNamingTheFields() {
		String cohort = this.api.openCohort(1).get("id").asString();
		Map<String, Object> body = TrainingApi.application("not an address");
		body.put("name", " ");

		RestTestClientResponse response = this.api.call(HttpMethod.POST,
				"/api/training/cohorts/" + cohort + "/applications", null, body);

		assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("name", "email");
	}

	@Test
	void anApplicationToAnUnknownCohortIsNotFound() {
		assertThat(this.api.apply("no-such-cohort", email())).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void theManageTokenShowsTheEnrollmentAndAnyOtherTokenFindsNothing() {
		String cohort = this.api.openCohort(1).get("id").asString();
		JsonNode enrolled = this.api.applied(this.events, cohort, email());
		JsonNode other = this.api.applied(this.events, cohort, email());
		String path = "/api/training/enrollments/" + enrolled.get("id").asString();

		RestTestClientResponse mine = this.api.call(HttpMethod.GET, path, null, null,
				enrolled.get("manageToken").asString());
		RestTestClientResponse wrong = this.api.call(HttpMethod.GET, path, null, null,
				other.get("manageToken").asString());

		assertThat(mine).hasStatusOk();
		assertThat(mine).bodyJson().extractingPath("$.status").isEqualTo("ENROLLED");
		assertThat(mine).bodyJson().extractingPath("$.cohortId").isEqualTo(cohort);
		assertThat(mine).bodyJson().doesNotHavePath("$.manageToken");
		assertThat(wrong).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		// Knowing an id proves nothing: without a token a real one and a made-up one
		// answer alike.
		assertThat(this.api.call(HttpMethod.GET, path, null, null)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.api.call(HttpMethod.GET, "/api/training/enrollments/" + UUID.randomUUID(), null, null))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.api.call(HttpMethod.POST, path + "/withdraw", null, null)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aWithdrawalOffersTheSeatToTheFirstInLineWhoAcceptsIt() {
		String cohort = this.api.openCohort(1).get("id").asString();
		JsonNode seated = this.api.applied(this.events, cohort, email());
		JsonNode first = this.api.applied(this.events, cohort, email());
		JsonNode second = this.api.applied(this.events, cohort, email());

		RestTestClientResponse withdrawn = act(seated, "withdraw");
		assertThat(withdrawn).hasStatusOk();
		assertThat(withdrawn).bodyJson().extractingPath("$.status").isEqualTo("WITHDRAWN");
		JsonNode offered = this.api.enrollment(first.get("id").asString());
		assertThat(offered.get("status").asString()).isEqualTo("OFFERED");
		assertThat(offered.get("offerExpiresAt").asString()).isNotBlank();
		assertThat(this.api.enrollment(second.get("id").asString()).get("waitlistPosition").asInt()).isEqualTo(1);

		RestTestClientResponse accepted = act(first, "accept-offer");
		assertThat(accepted).hasStatusOk();
		assertThat(accepted).bodyJson().extractingPath("$.status").isEqualTo("ENROLLED");
		assertThat(act(first, "accept-offer")).hasStatus(HttpStatus.CONFLICT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(act(seated, "withdraw")).hasStatus(HttpStatus.CONFLICT);

		List<TopicEvents.Event> published = this.events.awaitEvents(cohort,
				(all) -> all.stream().filter((event) -> event.is("TraineeEnrolled")).count() >= 2);
		assertThat(published).extracting(TopicEvents.Event::type)
			.containsSubsequence(type("TraineeWithdrew"), type("SeatOffered"), type("TraineeEnrolled"));
		TopicEvents.Event offer = published.stream().filter((event) -> event.is("SeatOffered")).findFirst().get();
		assertThat(offer.text("enrollmentId")).isEqualTo(first.get("id").asString());
		assertThat(offer.text("expiresAt")).isNotBlank();
		assertThat(offer.text("email")).endsWith("@example.org");
		String link = offer.text("acceptUrl");
		assertThat(link)
			.startsWith("http://localhost:8080/training/enrollments/" + first.get("id").asString() + "#token=");
		RestTestClientResponse byLink = this.api.call(HttpMethod.GET,
				"/api/training/enrollments/" + first.get("id").asString(), null, null,
				link.substring(link.indexOf("#token=") + "#token=".length()));
		assertThat(byLink).hasStatusOk();
		assertThat(byLink).bodyJson().extractingPath("$.status").isEqualTo("ENROLLED");
	}

	@Test
	void aDeclinedOfferGoesToTheNextInLine() {
		String cohort = this.api.openCohort(1).get("id").asString();
		JsonNode seated = this.api.applied(this.events, cohort, email());
		JsonNode first = this.api.applied(this.events, cohort, email());
		JsonNode second = this.api.applied(this.events, cohort, email());
		act(seated, "withdraw");

		RestTestClientResponse declined = act(first, "decline-offer");

		assertThat(declined).bodyJson().extractingPath("$.status").isEqualTo("DECLINED");
		assertThat(this.api.enrollment(second.get("id").asString()).get("status").asString()).isEqualTo("OFFERED");
		assertThat(this.events.awaitEvents(cohort, "OfferDeclined", 1)).hasSize(1);
	}

	@Test
	void staffEnrollSomeoneOutOfTurnOverCapacityWithTheReasonRecorded() {
		String cohort = this.api.openCohort(1).get("id").asString();
		this.api.applied(this.events, cohort, email());
		this.api.applied(this.events, cohort, email());
		JsonNode last = this.api.applied(this.events, cohort, email());
		String path = "/api/training/enrollments/" + last.get("id").asString() + "/enroll";

		RestTestClientResponse noReason = this.api.call(HttpMethod.POST, path, TestTokens.staff(), Map.of());
		RestTestClientResponse enrolled = this.api.call(HttpMethod.POST, path, TestTokens.staff(),
				Map.of("reason", "Filing deadline before the next cohort"));

		assertThat(noReason).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(noReason).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("reason");
		assertThat(enrolled).hasStatusOk();
		assertThat(enrolled).bodyJson().extractingPath("$.status").isEqualTo("ENROLLED");
		assertThat(enrolled).bodyJson()
			.extractingPath("$.overrideReason")
			.isEqualTo("Filing deadline before the next cohort");
		assertThat(listed(cohort).get("waitlistLength").asInt()).isEqualTo(1);
	}

	@Test
	void moreCapacityOffersTheNewSeatsToThoseInLine() {
		String cohort = this.api.openCohort(1).get("id").asString();
		this.api.applied(this.events, cohort, email());
		JsonNode waiting = this.api.applied(this.events, cohort, email());

		RestTestClientResponse resized = this.api.call(HttpMethod.PUT, "/api/training/cohorts/" + cohort + "/capacity",
				TestTokens.staff(), Map.of("capacity", 2));
		RestTestClientResponse invalid = this.api.call(HttpMethod.PUT, "/api/training/cohorts/" + cohort + "/capacity",
				TestTokens.staff(), Map.of("capacity", 0));

		assertThat(resized).hasStatusOk();
		assertThat(resized).bodyJson().extractingPath("$.capacity").isEqualTo(2);
		assertThat(this.api.enrollment(waiting.get("id").asString()).get("status").asString()).isEqualTo("OFFERED");
		assertThat(invalid).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(invalid).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("capacity");
	}

	@Test
	void anApplicantsLanguageIsKeptAndCarriedToEveryMessageForThemAndAnyOtherIsNamed() {
		String cohort = this.api.openCohort(1).get("id").asString();
		Map<String, Object> spanish = TrainingApi.application(email());
		spanish.put("language", "es");
		Map<String, Object> french = TrainingApi.application(email());
		french.put("language", "fr");

		JsonNode seated = this.api.applied(this.events, cohort, spanish);
		JsonNode english = this.api.applied(this.events, cohort, email());
		RestTestClientResponse frenchRefused = this.api.call(HttpMethod.POST,
				"/api/training/cohorts/" + cohort + "/applications", null, french);
		act(seated, "withdraw");

		assertThat(frenchRefused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(frenchRefused).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("language");
		assertThat(seated.get("language").asString()).isEqualTo("es");
		assertThat(english.get("language").asString()).isEqualTo("en");
		List<TopicEvents.Event> toTheSpaniard = this.events
			.awaitEvents(cohort, (events) -> events.stream().anyMatch((event) -> event.is("TraineeWithdrew")))
			.stream()
			.filter((event) -> seated.get("id").asString().equals(event.text("enrollmentId")))
			.filter((event) -> event.is("TraineeApplied") || event.is("TraineeEnrolled"))
			.toList();
		assertThat(toTheSpaniard).hasSize(2).allSatisfy((event) -> assertThat(event.text("language")).isEqualTo("es"));
		TopicEvents.Event offer = this.events.awaitEvents(cohort, "SeatOffered", 1).get(0);
		assertThat(offer.text("enrollmentId")).isEqualTo(english.get("id").asString());
		assertThat(offer.text("language")).isEqualTo("en");
	}

	@Test
	void theListSaysWhatTheSchoolsPageShowsAndFiltersByTrackAndWhetherApplicationsAreOpen() {
		Map<String, Object> organizers = TrainingApi.cohort(3);
		organizers.put("track", "ORGANIZER");
		organizers.put("format", "HYBRID");
		organizers.put("location", "4144 Lindell Blvd, St. Louis");
		String organizerId = this.api
			.body(TrainingApi
				.expect(this.api.call(HttpMethod.POST, "/api/training/cohorts", TestTokens.staff(), organizers), 201))
			.get("id")
			.asString();
		String candidateId = this.api.openCohort(1).get("id").asString();
		this.api.applied(this.events, organizerId, email());

		List<String> organizerTrack = ids("?track=ORGANIZER");
		List<String> openOrganizers = ids("?track=ORGANIZER&open=true");
		List<String> closed = ids("?open=false");
		RestTestClientResponse badTrack = this.api.call(HttpMethod.GET, "/api/training/cohorts?track=MAYOR", null,
				null);

		assertThat(organizerTrack).contains(organizerId).doesNotContain(candidateId);
		assertThat(openOrganizers).contains(organizerId);
		assertThat(closed).doesNotContain(organizerId, candidateId);
		assertThat(badTrack).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode listed = listed(organizerId);
		assertThat(listed.get("track").asString()).isEqualTo("ORGANIZER");
		assertThat(listed.get("name").asString()).isEqualTo(organizers.get("name"));
		assertThat(listed.get("startsOn").asString()).isEqualTo(((List<?>) organizers.get("sessions")).get(0));
		assertThat(listed.get("endsOn").asString()).isEqualTo(((List<?>) organizers.get("sessions")).get(2));
		assertThat(listed.get("applicationDeadline").asString()).isEqualTo(organizers.get("applicationDeadline"));
		assertThat(listed.get("format").asString()).isEqualTo("HYBRID");
		assertThat(listed.get("location").asString()).isEqualTo("4144 Lindell Blvd, St. Louis");
		assertThat(listed.get("seatsLeft").asInt()).isEqualTo(2);
		assertThat(listed.get("waitlistLength").asInt()).isZero();
		assertThat(listed.get("open").asBoolean()).isTrue();
		assertThat(listed.get("completed").asBoolean()).isFalse();
		assertThat(listed.toString()).doesNotContain("@example.org");
		JsonNode one = this.api.body(TrainingApi
			.expect(this.api.call(HttpMethod.GET, "/api/training/cohorts/" + organizerId, null, null), 200));
		assertThat(one).isEqualTo(listed);
		assertThat(this.api.call(HttpMethod.GET, "/api/training/cohorts/no-such-cohort", null, null))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	/** Every id the list gives for the query, page after page. */
	private List<String> ids(String query) {
		List<String> ids = new java.util.ArrayList<>();
		for (int number = 0;; number++) {
			JsonNode page = this.api.body(TrainingApi.expect(this.api.call(HttpMethod.GET,
					"/api/training/cohorts" + query + "&size=100&page=" + number, null, null), 200));
			if (page.get("content").isEmpty()) {
				return ids;
			}
			page.get("content").forEach((cohort) -> ids.add(cohort.get("id").asString()));
		}
	}

	private RestTestClientResponse act(JsonNode enrollment, String action) {
		return this.api.call(HttpMethod.POST,
				"/api/training/enrollments/" + enrollment.get("id").asString() + "/" + action, null, null,
				enrollment.get("manageToken").asString());
	}

	private JsonNode listed(String cohortId) {
		for (int number = 0;; number++) {
			JsonNode page = this.api.body(TrainingApi.expect(
					this.api.call(HttpMethod.GET, "/api/training/cohorts?size=100&page=" + number, null, null), 200));
			for (JsonNode cohort : page.get("content")) {
				if (cohort.get("id").asString().equals(cohortId)) {
					return cohort;
				}
			}
			if (page.get("content").isEmpty()) {
				throw new AssertionError("Cohort " + cohortId + " is not listed");
			}
		}
	}

	private static String type(String simpleName) {
		return TrainingApi.EVENT_TYPE.formatted(simpleName);
	}

	private static String email() {
		return "trainee-" + UUID.randomUUID() + "@example.org";
	}

}

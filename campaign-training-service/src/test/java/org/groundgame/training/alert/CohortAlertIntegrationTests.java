package org.groundgame.training.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.groundgame.events.EventCatalog;
import org.groundgame.events.training.CohortOpened;
import org.groundgame.events.training.CohortSummary;
import org.groundgame.support.cloudevents.EventJson;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.events.TopicEvents;
import org.groundgame.test.security.TestTokens;
import org.groundgame.training.CampaignTrainingServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestBodySpec;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Tell me when the next cohort opens" over HTTP, the real store and the real broker:
 * each owner follows the link read from the event that e-mails it, as
 * notification-service would send it. Each test asks on addresses of its own, so that the
 * openings of other tests (which spend only the alerts asked for before them) leave its
 * alerts alone.
 */
@CampaignTrainingServiceIntegrationTest
class CohortAlertIntegrationTests {

	private static final String PATH = "/api/training/cohort-alerts";

	private static final String TOPIC = "groundgame.training.events";

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

	@Autowired
	private CohortAlertStore store;

	@Autowired
	private CohortAlertService alerts;

	@Autowired
	private MongoTemplate mongo;

	private final JsonMapper json = JsonMapper.builder().build();

	private TopicEvents events;

	@BeforeEach
	void setUp() {
		EventJson eventJson = new EventJson();
		this.events = new TopicEvents(TOPIC, "org.groundgame.training.%s.v1",
				(type, data) -> eventJson.tree(this.protection.read(data, EventCatalog.classOf(type).orElseThrow())));
	}

	@AfterEach
	void tearDown() {
		this.events.close();
	}

	@Test
	void askingAnswersAlikeForANewAddressAndARepeatWhichChangesNothingAndSendsNothingMoreSoon() {
		String email = email();

		RestTestClientResponse first = ask(email, "CANDIDATE", "es");
		RestTestClientResponse repeat = ask(" " + email.toUpperCase() + " ", "candidate", "en");

		for (RestTestClientResponse answer : List.of(first, repeat)) {
			assertThat(answer).hasStatus(HttpStatus.ACCEPTED);
			JsonNode body = body(answer);
			assertThat(body.propertyNames()).containsExactly("track");
			assertThat(body.get("track").asString()).isEqualTo("CANDIDATE");
		}
		String alertId = alertId(email, "CANDIDATE");
		List<TopicEvents.Event> requested = this.events.awaitEvents(alertId, "CohortAlertRequested", 1);
		TopicEvents.Event confirmation = requested.get(0);
		assertThat(confirmation.text("email")).isEqualTo(email);
		assertThat(confirmation.text("language")).isEqualTo("es");
		assertThat(confirmation.text("track")).isEqualTo("CANDIDATE");
		assertThat(confirmation.text("cancelUrl")).startsWith("http://localhost:8080/training/alerts#token=");
		assertThat(confirmation.data().get("repeated").asBoolean()).isFalse();
		// The repeat (in another language) changed nothing: still one alert, in Spanish.
		assertThat(this.mongo.count(Query.query(Criteria.where("slot").is("CANDIDATE:" + email)),
				CohortAlertDocument.class))
			.isOne();
		JsonNode shown = body(expect(call(HttpMethod.GET, tokenOf(confirmation.text("cancelUrl"))), 200));
		assertThat(shown.get("language").asString()).isEqualTo("es");
		// Nothing of the person travels in clear.
		assertThat(confirmation.onTheTopic().get("email").asString()).doesNotContain(email);
		assertThat(confirmation.onTheTopic().get("cancelUrl").asString()).doesNotContain("token=");
	}

	@Test
	void manyAskingAtOnceWithOneAddressMakeOneAlertAndSendOneConfirmation() throws Exception {
		String email = email();
		int askers = 12;
		CountDownLatch start = new CountDownLatch(1);
		List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
		try (ExecutorService pool = Executors.newFixedThreadPool(askers)) {
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < askers; i++) {
				String spelling = (i % 2 == 0) ? email : " " + email.toUpperCase() + " ";
				runs.add(pool.submit(() -> {
					start.await();
					statuses.add(ask(spelling, "ORGANIZER", null).getExchangeResult().getStatus().value());
					return null;
				}));
			}
			start.countDown();
			for (Future<?> run : runs) {
				run.get();
			}
		}

		assertThat(statuses).hasSize(askers).containsOnly(202);
		assertThat(this.mongo.count(Query.query(Criteria.where("email").is(email)), CohortAlertDocument.class)).isOne();
		String alertId = alertId(email, "ORGANIZER");
		assertThat(this.events.awaitEvents(alertId, "CohortAlertRequested", 1)).hasSize(1);
	}

	@Test
	void badInputIsOneProblemNamingEveryFieldAndStoresNothing() {
		String email = email();
		Map<String, Object> body = new HashMap<>();
		body.put("email", email);
		body.put("track", "MAYOR");
		body.put("language", "fr");
		body.put("consent", false);

		RestTestClientResponse refused = post(body);
		body.remove("consent");
		body.put("track", "ORGANIZER");
		body.put("language", "en");
		RestTestClientResponse noConsent = post(body);
		body.put("consent", "true");
		RestTestClientResponse consentAsText = post(body);

		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("track", "language", "consent");
		assertThat(noConsent).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(noConsent).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("consent");
		assertThat(consentAsText).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mongo.count(Query.query(Criteria.where("email").is(email)), CohortAlertDocument.class))
			.isZero();
	}

	@Test
	void theLinkAloneShowsAndStopsTheAlertAndNeitherTheAddressNorAnotherTokenDoesAnything() {
		String email = email();
		expect(ask(email, "CAMPAIGN_MANAGER", null), 202);
		String alertId = alertId(email, "CAMPAIGN_MANAGER");
		String token = tokenOf(this.events.awaitEvents(alertId, "CohortAlertRequested", 1).get(0).text("cancelUrl"));

		JsonNode shown = body(expect(call(HttpMethod.GET, token), 200));
		RestTestClientResponse noToken = call(HttpMethod.GET, null);
		RestTestClientResponse wrongToken = call(HttpMethod.GET, "not-" + token);
		RestTestClientResponse stopWithWrongToken = call(HttpMethod.DELETE, "not-" + token);
		RestTestClientResponse stopWithoutToken = call(HttpMethod.DELETE, null);

		assertThat(shown.propertyNames()).containsExactlyInAnyOrder("track", "language", "requestedAt");
		assertThat(shown.get("track").asString()).isEqualTo("CAMPAIGN_MANAGER");
		assertThat(shown.get("language").asString()).isEqualTo("en");
		assertThat(noToken).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(noToken).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("X-Alert-Token");
		assertThat(wrongToken).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(stopWithWrongToken).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(stopWithoutToken).hasStatus(HttpStatus.BAD_REQUEST);
		// The wrong token stopped nothing.
		expect(call(HttpMethod.GET, token), 200);

		expect(call(HttpMethod.DELETE, token), 204);
		expect(call(HttpMethod.DELETE, token), 204);

		assertThat(call(HttpMethod.GET, token)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.store.byId(alertId)).isEmpty();
		// Asking again with the address is a new alert with a new link; the old one stays
		// useless.
		expect(ask(email, "CAMPAIGN_MANAGER", null), 202);
		String again = alertId(email, "CAMPAIGN_MANAGER");
		assertThat(again).isNotEqualTo(alertId);
		assertThat(call(HttpMethod.GET, token)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aRepeatAfterTheIntervalSendsANewLinkAndTheOldOneStopsWorking() {
		String email = email();
		expect(ask(email, "ORGANIZER", null), 202);
		String alertId = alertId(email, "ORGANIZER");
		String oldToken = tokenOf(this.events.awaitEvents(alertId, "CohortAlertRequested", 1).get(0).text("cancelUrl"));
		// As if the link had gone longer ago than the interval.
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(alertId)),
				new org.springframework.data.mongodb.core.query.Update().set("linkSentAt",
						Instant.now().minus(CohortAlert.LINK_RESEND_INTERVAL).minusSeconds(1)),
				CohortAlertDocument.class);

		expect(ask(email, "ORGANIZER", null), 202);

		TopicEvents.Event repeated = this.events.awaitEvents(alertId, "CohortAlertRequested", 2).get(1);
		assertThat(repeated.data().get("repeated").asBoolean()).isTrue();
		String newToken = tokenOf(repeated.text("cancelUrl"));
		assertThat(newToken).isNotEqualTo(oldToken);
		assertThat(call(HttpMethod.GET, oldToken)).hasStatus(HttpStatus.NOT_FOUND);
		expect(call(HttpMethod.GET, newToken), 200);
		expect(call(HttpMethod.DELETE, newToken), 204);
	}

	@Test
	void aCohortOpeningSendsEachAlertOfItsTrackOneEmailAndSpendsIt() {
		String waiting = email();
		String otherTrack = email();
		expect(ask(waiting, "CAMPAIGN_MANAGER", "es"), 202);
		expect(ask(otherTrack, "ORGANIZER", null), 202);
		String alertId = alertId(waiting, "CAMPAIGN_MANAGER");
		String otherId = alertId(otherTrack, "ORGANIZER");
		String token = tokenOf(this.events.awaitEvents(alertId, "CohortAlertRequested", 1).get(0).text("cancelUrl"));
		String otherToken = tokenOf(
				this.events.awaitEvents(otherId, "CohortAlertRequested", 1).get(0).text("cancelUrl"));

		JsonNode cohort = openCohort("CAMPAIGN_MANAGER");
		String cohortId = cohort.get("id").asString();

		TopicEvents.Event due = this.events.awaitEvents(alertId, "CohortAlertDue", 1).get(0);
		assertThat(due.text("email")).isEqualTo(waiting);
		assertThat(due.text("language")).isEqualTo("es");
		assertThat(due.text("track")).isEqualTo("CAMPAIGN_MANAGER");
		assertThat(due.data().get("cohort").get("cohortId").asString()).isEqualTo(cohortId);
		assertThat(due.text("applicationDeadline")).isEqualTo(cohort.get("applicationDeadline").asString());
		assertThat(due.text("applyUrl")).isEqualTo("http://localhost:8080/training/cohorts/" + cohortId);
		assertThat(due.onTheTopic().get("email").asString()).doesNotContain(waiting);
		// Spent: its link opens nothing, and the store forgets the address (what is left
		// goes once the event is published).
		assertThat(call(HttpMethod.GET, token)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mongo.count(Query.query(Criteria.where("email").is(waiting)), CohortAlertDocument.class))
			.isZero();
		await().until(() -> {
			this.alerts.deleteClosed();
			return this.store.byId(alertId).isEmpty();
		});
		// The other track's alert still waits.
		expect(call(HttpMethod.GET, otherToken), 200);
	}

	@Test
	void redeliveredAndConcurrentOpeningsSendEachAlertExactlyOneEmail() throws Exception {
		List<String> alertIds = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String email = email();
			expect(ask(email, "ORGANIZER", null), 202);
			alertIds.add(alertId(email, "ORGANIZER"));
		}
		CohortOpened opened = new CohortOpened(UUID.randomUUID().toString(), Instant.now(),
				"cohort-" + UUID.randomUUID(), new CohortSummary("c", "Organizers 2027", "ORGANIZER",
						LocalDate.now().plusMonths(2), "ONLINE", "Online"),
				20, LocalDate.now().plusMonths(1), List.of(LocalDate.now().plusMonths(2)), 48);

		// The same opening handled by eight consumers at once (instances, redeliveries),
		// past the consumers' own idempotency records.
		int handlers = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<String> spent = Collections.synchronizedList(new ArrayList<>());
		try (ExecutorService pool = Executors.newFixedThreadPool(handlers)) {
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < handlers; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					spent.addAll(this.alerts.cohortOpened(opened));
					return null;
				}));
			}
			start.countDown();
			for (Future<?> run : runs) {
				run.get();
			}
		}
		// And once more, later, as a redelivery would.
		spent.addAll(this.alerts.cohortOpened(opened));

		assertThat(spent.stream().filter(alertIds::contains).toList()).containsExactlyInAnyOrderElementsOf(alertIds);
		for (String alertId : alertIds) {
			List<TopicEvents.Event> due = this.events.awaitEvents(alertId, "CohortAlertDue", 1);
			assertThat(due).hasSize(1);
			assertThat(due.get(0).data().get("cohort").get("name").asString()).isEqualTo("Organizers 2027");
		}
	}

	@Test
	void anAlertAskedForAfterACohortOpenedWaitsForTheNextOne() {
		String email = email();
		CohortOpened earlier = new CohortOpened(UUID.randomUUID().toString(), Instant.now().minusSeconds(1),
				"cohort-" + UUID.randomUUID(),
				new CohortSummary("c", "Earlier", "CANDIDATE", LocalDate.now().plusMonths(2), "ONLINE", "Online"), 20,
				LocalDate.now().plusMonths(1), List.of(LocalDate.now().plusMonths(2)), 48);
		expect(ask(email, "CANDIDATE", null), 202);
		String alertId = alertId(email, "CANDIDATE");

		List<String> spent = this.alerts.cohortOpened(earlier);

		assertThat(spent).doesNotContain(alertId);
		assertThat(this.store.byId(alertId).map(CohortAlertDocument::toAlert)).isPresent();
	}

	@Test
	void erasingATraineeErasesTheAlertsOfTheirAddressAndNoOneElses() {
		String cohortId = openCohort("CANDIDATE").get("id").asString();
		String email = email();
		String someoneElse = email();
		Map<String, Object> application = new HashMap<>();
		application.put("name", "Ada");
		application.put("email", email);
		expect(RestTestClientResponse.from(this.client.post()
			.uri("/api/training/cohorts/" + cohortId + "/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(application)
			.exchange()), 202);
		TopicEvents.Event enrolled = this.events
			.awaitEvents(cohortId, (events) -> events.stream().anyMatch((event) -> email.equals(event.text("email"))))
			.stream()
			.filter((event) -> email.equals(event.text("email")) && event.text("manageUrl") != null)
			.findFirst()
			.orElseThrow();
		expect(ask(email, "CANDIDATE", null), 202);
		expect(ask(email.toUpperCase(), "ORGANIZER", null), 202);
		expect(ask(someoneElse, "CANDIDATE", null), 202);
		List<String> tokens = new ArrayList<>();
		for (String alertId : List.of(alertId(email, "CANDIDATE"), alertId(email, "ORGANIZER"),
				alertId(someoneElse, "CANDIDATE"))) {
			tokens.add(tokenOf(this.events.awaitEvents(alertId, "CohortAlertRequested", 1).get(0).text("cancelUrl")));
		}

		RestTestClientResponse erased = RestTestClientResponse.from(this.client.delete()
			.uri("/api/training/enrollments/" + enrolled.text("enrollmentId"))
			.header("X-Manage-Token", tokenOf(enrolled.text("manageUrl")))
			.exchange());

		assertThat(erased).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(call(HttpMethod.GET, tokens.get(0))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call(HttpMethod.GET, tokens.get(1))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mongo.count(Query.query(Criteria.where("email").is(email)), CohortAlertDocument.class))
			.isZero();
		expect(call(HttpMethod.GET, tokens.get(2)), 200);
	}

	private RestTestClientResponse ask(String email, String track, String language) {
		Map<String, Object> body = new HashMap<>();
		body.put("email", email);
		body.put("name", "Ada");
		body.put("track", track);
		body.put("consent", true);
		if (language != null) {
			body.put("language", language);
		}
		return post(body);
	}

	private RestTestClientResponse post(Map<String, Object> body) {
		return RestTestClientResponse
			.from(this.client.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).body(body).exchange());
	}

	private RestTestClientResponse call(HttpMethod method, String token) {
		RequestBodySpec request = this.client.method(method).uri(PATH);
		if (token != null) {
			request.header("X-Alert-Token", token);
		}
		return RestTestClientResponse.from(request.exchange());
	}

	private JsonNode openCohort(String track) {
		LocalDate start = LocalDate.now().plusMonths(1);
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Cohort " + UUID.randomUUID());
		body.put("track", track);
		body.put("sessions", List.of(start.toString()));
		body.put("format", "ONLINE");
		body.put("capacity", 10);
		body.put("applicationDeadline", start.minusDays(1).toString());
		RestTestClientResponse response = RestTestClientResponse.from(this.client.post()
			.uri("/api/training/cohorts")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange());
		return body(expect(response, 201));
	}

	private String alertId(String email, String track) {
		return this.store.waiting(track + ":" + email).orElseThrow().getId();
	}

	private static String tokenOf(String link) {
		return link.substring(link.indexOf("#token=") + "#token=".length());
	}

	private static RestTestClientResponse expect(RestTestClientResponse response, int status) {
		assertThat(response).hasStatus(status);
		return response;
	}

	private JsonNode body(RestTestClientResponse response) {
		return this.json.readTree(response.getExchangeResult().getResponseBodyContent());
	}

	private static String email() {
		return "alert-" + UUID.randomUUID() + "@example.org";
	}

}

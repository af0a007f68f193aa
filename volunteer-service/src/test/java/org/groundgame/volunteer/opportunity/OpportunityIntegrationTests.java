package org.groundgame.volunteer.opportunity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.test.TestInfrastructure;
import org.groundgame.test.security.TestTokens;
import org.groundgame.volunteer.VolunteerServiceIntegrationTest;
import org.groundgame.test.events.TopicEvents.Event;
import org.groundgame.test.events.TopicEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Opening, listing, publishing opportunities, bad input, and the volunteer team an
 * endorsement opens, over the real broker and store.
 */
@VolunteerServiceIntegrationTest
class OpportunityIntegrationTests {

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

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
	void aChapterOpensAnOpportunityForItselfInItsStateAndItIsAnnounced() {
		Map<String, Object> body = ShiftApi.opportunity(null, null, false, 10, 4);

		RestTestClientResponse created = this.api.call(HttpMethod.POST, "/api/opportunities",
				TestTokens.chapter(this.chapter), body);

		assertThat(created).hasStatus(201);
		JsonNode opportunity = this.api.body(created);
		String id = opportunity.get("id").asString();
		assertThat(created).hasHeader("Location", "/api/opportunities/" + id);
		assertThat(opportunity.get("chapterId").asString()).isEqualTo(this.chapter);
		assertThat(opportunity.get("state").asString()).isEqualTo("MO");
		assertThat(opportunity.get("status").asString()).isEqualTo("OPEN");
		assertThat(opportunity.get("shifts")).hasSize(2);
		JsonNode shift = opportunity.get("shifts").get(0);
		assertThat(shift.get("seatsLeft").asInt()).isEqualTo(10);
		assertThat(shift.get("waitlistLength").asInt()).isZero();
		assertThat(shift.get("location").asString()).isEqualTo("Tower Grove Park, St. Louis");
		Event opened = this.events.awaitEvents(id, "OpportunityOpened", 1).get(0);
		assertThat(opened.text("status")).isEqualTo("OPEN");
		assertThat(opened.text("chapterId")).isEqualTo(this.chapter);
		Event scheduled = this.events.awaitEvents(shift.get("id").asString(), "ShiftScheduled", 1).get(0);
		assertThat(scheduled.data().get("capacity").asInt()).isEqualTo(10);
		assertThat(scheduled.data().get("shift").get("opportunityId").asString()).isEqualTo(id);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(this.mongo.findById(shift.get("id").asString(), org.bson.Document.class, "shifts")
						.getList("outbox", Object.class)).isEmpty());
	}

	@Test
	void aChapterOrganizesOnlyForItselfAndInItsOwnState() {
		String other = this.api.registerChapter("KS");
		assertThat(this.api.call(HttpMethod.POST, "/api/opportunities", TestTokens.chapter(this.chapter),
				ShiftApi.opportunity(other, "KS", false, 3)))
			.hasStatus(403);
		assertThat(this.api.call(HttpMethod.POST, "/api/opportunities", TestTokens.chapter(this.chapter),
				ShiftApi.opportunity(null, "KS", false, 3)))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("state");
		// Staff may name any registered chapter.
		assertThat(this.api.call(HttpMethod.POST, "/api/opportunities", TestTokens.staff(),
				ShiftApi.opportunity(other, "MO", false, 3)))
			.hasStatus(201);
	}

	@Test
	void theListingFiltersByStateTypeEndorsementAndShiftDatesAndShowsSeats() {
		String endorsement = "endorsement-" + UUID.randomUUID();
		Instant soon = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
		Instant later = soon.plus(Duration.ofDays(20));
		Map<String, Object> canvass = ShiftApi.opportunity(this.chapter, "MO", false);
		canvass.put("endorsementId", endorsement);
		canvass.put("shifts", List.of(ShiftApi.shift(later, later.plus(Duration.ofHours(2)), 2),
				ShiftApi.shift(soon, soon.plus(Duration.ofHours(2)), 5)));
		JsonNode first = this.api.createOpportunity(TestTokens.staff(), canvass);
		Map<String, Object> phoneBank = ShiftApi.opportunity(this.chapter, "MO", false);
		phoneBank.put("endorsementId", endorsement);
		phoneBank.put("type", "phone_bank");
		phoneBank.put("shifts", List.of(ShiftApi.shift(later, later.plus(Duration.ofHours(1)), 1)));
		JsonNode second = this.api.createOpportunity(TestTokens.staff(), phoneBank);
		Map<String, Object> draft = ShiftApi.opportunity(this.chapter, "MO", true, 3);
		draft.put("endorsementId", endorsement);
		this.api.createOpportunity(TestTokens.staff(), draft);
		String laterShift = first.get("shifts").get(0).get("id").asString();
		ShiftApi.expect(this.api.rsvp(laterShift, this.api.signUp(null)), 201);

		JsonNode all = list("?endorsementId=" + endorsement + "&state=mo", null);
		assertThat(all.get("page").get("totalElements").asInt()).isEqualTo(2);
		JsonNode listedFirst = null;
		for (JsonNode listed : all.get("content")) {
			if (listed.get("id").asString().equals(first.get("id").asString())) {
				listedFirst = listed;
			}
		}
		assertThat(listedFirst).isNotNull();
		// Its shifts, soonest first, with the seats left.
		assertThat(listedFirst.get("shifts").get(0).get("startsAt").asString()).isEqualTo(soon.toString());
		assertThat(listedFirst.get("shifts").get(1).get("seatsLeft").asInt()).isEqualTo(1);
		assertThat(list("?endorsementId=" + endorsement + "&type=PHONE_BANK", null).get("content")
			.get(0)
			.get("id")
			.asString()).isEqualTo(second.get("id").asString());
		JsonNode soonOnly = list("?endorsementId=" + endorsement + "&from=" + soon + "&to=" + soon.plusSeconds(1),
				null);
		assertThat(soonOnly.get("page").get("totalElements").asInt()).isEqualTo(1);
		assertThat(soonOnly.get("content").get(0).get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(list("?endorsementId=" + endorsement + "&state=KS", null).get("page").get("totalElements").asInt())
			.isZero();
		assertThat(list("?endorsementId=" + endorsement + "&status=DRAFT", TestTokens.chapter(this.chapter)).get("page")
			.get("totalElements")
			.asInt()).isEqualTo(1);
		assertThat(this.api.call(HttpMethod.GET, "/api/opportunities?type=KNITTING&state=ZZ", null, null))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("type", "state");
		assertThat(this.api.call(HttpMethod.GET, "/api/opportunities?from=next-week", null, null)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("from");
		assertThat(this.api.call(HttpMethod.GET, "/api/opportunities?status=DRAFT", null, null)).hasStatus(401);
	}

	@Test
	void aDraftIsPublishedOnceItHasAShiftAndOnlyItsOrganizersSeeItBefore() {
		JsonNode draft = this.api.createOpportunity(TestTokens.chapter(this.chapter),
				ShiftApi.opportunity(null, "MO", true));
		String id = draft.get("id").asString();
		assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
		assertThat(this.api.call(HttpMethod.GET, "/api/opportunities/" + id, null, null)).hasStatus(404);
		assertThat(this.api.call(HttpMethod.GET, "/api/opportunities/" + id, TestTokens.chapter("another"), null))
			.hasStatus(404);
		assertThat(this.api.call(HttpMethod.GET, "/api/opportunities/" + id, TestTokens.chapter(this.chapter), null))
			.hasStatus(200);
		assertThat(this.api.call(HttpMethod.POST, "/api/opportunities/" + id + "/publish",
				TestTokens.chapter(this.chapter), null))
			.hasStatus(409);

		Instant start = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
		RestTestClientResponse added = this.api.call(HttpMethod.POST, "/api/opportunities/" + id + "/shifts",
				TestTokens.chapter(this.chapter), ShiftApi.shift(start, start.plus(Duration.ofHours(4)), 12));
		assertThat(added).hasStatus(201);
		String shift = this.api.body(added).get("id").asString();
		assertThat(added).hasHeader("Location", "/api/shifts/" + shift);
		assertThat(this.api.call(HttpMethod.GET, "/api/shifts/" + shift, null, null)).hasStatus(404);

		RestTestClientResponse published = this.api.call(HttpMethod.POST, "/api/opportunities/" + id + "/publish",
				TestTokens.staff(), null);

		assertThat(published).hasStatus(200);
		assertThat(published).bodyJson().extractingPath("$.status").isEqualTo("OPEN");
		assertThat(published).bodyJson().extractingPath("$.shifts[0].capacity").isEqualTo(12);
		assertThat(this.events.awaitEvents(id, "OpportunityPublished", 1).get(0).text("chapterId"))
			.isEqualTo(this.chapter);
		assertThat(this.api.call(HttpMethod.GET, "/api/opportunities/" + id, null, null)).hasStatus(200);
		assertThat(this.api.call(HttpMethod.GET, "/api/shifts/" + shift, null, null)).hasStatus(200);
		assertThat(this.api.call(HttpMethod.POST, "/api/opportunities/" + id + "/publish", TestTokens.staff(), null))
			.hasStatus(409);
	}

	@Test
	void badInputIsAProblemNamingEveryFieldAtFaultAndStoresNothing() {
		long before = this.mongo.count(new Query(), OpportunityDocument.class);
		Instant start = Instant.now().plus(Duration.ofDays(3));
		Map<String, Object> body = new HashMap<>();
		body.put("title", "Phone bank");
		body.put("type", "KNITTING");
		body.put("state", "MO");
		body.put("location", "Union Hall");
		body.put("shifts", List.of(ShiftApi.shift(start, start.minusSeconds(3600), 5),
				ShiftApi.shift(start, start.plusSeconds(3600), 0), ShiftApi.shift(start, start.plusSeconds(3600), 3),
				ShiftApi.shift(start, start.plusSeconds(3600), -2)));

		RestTestClientResponse response = this.api.call(HttpMethod.POST, "/api/opportunities", TestTokens.staff(),
				body);

		assertThat(response).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("type", "shifts[0].endsAt", "shifts[1].capacity", "shifts[3].capacity");
		assertThat(this.mongo.count(new Query(), OpportunityDocument.class)).isEqualTo(before);

		Map<String, Object> malformed = ShiftApi.opportunity(null, "MO", false, 3);
		malformed.put("shifts",
				List.of(Map.of("startsAt", "next Saturday", "endsAt", start.toString(), "capacity", 3)));
		assertThat(this.api.call(HttpMethod.POST, "/api/opportunities", TestTokens.staff(), malformed)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("shifts[0].startsAt");
	}

	@Test
	void anEndorsementGrantedOpensOneDraftTeamForTheRaceHoweverOftenItIsDelivered() throws Exception {
		String endorsement = "endorsement-" + UUID.randomUUID();
		RaceSummary race = new RaceSummary("U.S. House", "FEDERAL", "MO", "1", null, LocalDate.of(2026, 11, 3),
				"race-" + endorsement, null, "GENERAL", 2026, false);
		EndorsementGranted granted = new EndorsementGranted(UUID.randomUUID().toString(), Instant.now(), endorsement,
				"nomination-1", "Cori Bush", race, this.chapter, false, "candidate-1");
		EndorsementGranted again = new EndorsementGranted(UUID.randomUUID().toString(), Instant.now(), endorsement,
				"nomination-1", "Cori Bush", race, this.chapter, false, "candidate-1");

		publish(granted);
		publish(granted);
		publish(again);

		Query team = Query.query(Criteria.where("endorsementId").is(endorsement));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.mongo.count(team, OpportunityDocument.class)).isOne());
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.mongo.count(team, OpportunityDocument.class)).isOne());
		org.bson.Document raw = this.mongo.findOne(team, org.bson.Document.class, "opportunities");
		assertThat(raw.get("title")).isEqualTo("Volunteer team: U.S. House (endorsed candidate)");
		assertThat(raw.toJson()).as("the candidate's name stays where their erasure reaches it")
			.doesNotContain("Cori Bush");
		assertThat(raw.get("status")).isEqualTo("DRAFT");
		assertThat(raw.get("type")).isEqualTo("CANVASS");
		assertThat(raw.get("state")).isEqualTo("MO");
		assertThat(raw.get("chapterId")).isEqualTo(this.chapter);
		assertThat(raw.get("raceId")).isEqualTo("race-" + endorsement);
		Event opened = this.events.awaitEvents(raw.getString("_id"), "OpportunityOpened", 1).get(0);
		assertThat(opened.text("status")).isEqualTo("DRAFT");
		assertThat(opened.text("endorsementId")).isEqualTo(endorsement);
		// The chapter finds its team among its drafts.
		assertThat(list("?status=DRAFT&endorsementId=" + endorsement, TestTokens.chapter(this.chapter)).get("page")
			.get("totalElements")
			.asInt()).isOne();
		// An opportunity the chapter opens for the endorsement works for the same race,
		// without having to name it.
		Map<String, Object> phoneBank = ShiftApi.opportunity(null, null, false, 8);
		phoneBank.put("endorsementId", endorsement);
		RestTestClientResponse created = this.api.call(HttpMethod.POST, "/api/opportunities",
				TestTokens.chapter(this.chapter), phoneBank);
		assertThat(created).hasStatus(201);
		assertThat(this.api.body(created).get("raceId").asString()).isEqualTo("race-" + endorsement);
		// The team announced once: every raw record of it up to a barrier, the team
		// cancelled (written to the same document after its opening).
		try (TopicEvents records = new TopicEvents(ShiftApi.TOPIC, ShiftApi.EVENT_TYPE)) {
			assertThat(this.api.call(HttpMethod.POST, "/api/opportunities/" + raw.getString("_id") + "/cancel",
					TestTokens.staff(), Map.of("reason", "Barrier")))
				.hasStatus(200);
			assertThat(records.awaitEventsBefore(raw.getString("_id"), "OpportunityCancelled")
				.stream()
				.map(Event::simpleName)).containsExactly("OpportunityOpened");
		}
	}

	private JsonNode list(String query, String token) {
		return this.api
			.body(ShiftApi.expect(this.api.call(HttpMethod.GET, "/api/opportunities" + query, token, null), 200));
	}

	private void publish(EndorsementGranted event) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>("groundgame.endorsement.events", null,
					event.endorsementId(), JsonMapper.builder().build().writeValueAsBytes(event),
					List.of(header("ce_specversion", "1.0"), header("ce_id", event.eventId()),
							header("ce_type", "org.groundgame.endorsement.EndorsementGranted.v1"),
							header("ce_source", "/groundgame/endorsement-service"),
							header("ce_subject", event.endorsementId()),
							header("ce_time", event.occurredAt().toString()),
							header("content-type", "application/json")));
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
	}

	private static RecordHeader header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

}

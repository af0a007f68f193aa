package org.groundgame.training.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.bson.Document;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.events.EmailKeys;
import org.groundgame.events.endorsement.CandidateErased;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.training.CampaignTrainingServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A candidate erased in endorsement-service ({@code CandidateErased} on the real broker):
 * the pipeline drops the match keys of every candidacy of theirs, for good (their
 * nomination's event arriving again, or only after the erasure, brings none back), and
 * keeps the links and counts already made. Each test has its own cohort and names.
 */
@CampaignTrainingServiceIntegrationTest
class PipelineCandidateErasureTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	private PipelineApi api;

	@BeforeEach
	void connect() {
		this.api = new PipelineApi(this.client, this.protection);
	}

	@AfterEach
	void disconnect() {
		this.api.close();
	}

	@Test
	void anErasedCandidatesCandidaciesLoseTheirMatchKeysAndKeepTheirCounts() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String name = "Cleo Candidate " + unique;
		String email = "cleo-" + unique + "@example.org";
		String cohortId = this.api.openCohortToday("CANDIDATE");
		String enrollmentId = this.api.apply(cohortId, name, email, "NV");
		this.api.complete(cohortId, enrollmentId);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cohortId)).containsExactly(1, 0, 0, 0));
		String endorsedNomination = "nomination-" + UUID.randomUUID();
		String otherNomination = "nomination-" + UUID.randomUUID();
		this.api.publish(nomination(endorsedNomination, name, email, "NV"));
		this.api.publish(nomination(otherNomination, name, email, "NV"));
		this.api.publish(new EndorsementGranted(id(), Instant.now(), "endorsement-" + UUID.randomUUID(),
				endorsedNomination, name, race("NV"), "nominating-chapter", false, "candidate-" + unique));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cohortId)).containsExactly(1, 1, 1, 0));
		assertThat(candidacy(endorsedNomination).getString("emailKey")).isEqualTo(EmailKeys.of(email));
		assertThat(candidacy(otherNomination).getString("nameKey")).isNotNull();

		CandidateErased erased = new CandidateErased(id(), Instant.now(), "candidate-" + unique,
				List.of(endorsedNomination, otherNomination));
		this.api.publish(erased);

		await().atMost(PATIENCE).until(() -> applied(erased.eventId()));
		for (String nominationId : List.of(endorsedNomination, otherNomination)) {
			Document candidacy = candidacy(nominationId);
			assertThat(candidacy.get("emailKey")).isNull();
			assertThat(candidacy.get("nameKey")).isNull();
			assertThat(candidacy.get("erasedAt")).isNotNull();
		}
		assertThat(candidacy(endorsedNomination).getBoolean("endorsed")).isTrue();
		assertThat(counts(cohortId)).containsExactly(1, 1, 1, 0);
		assertThat(graduate(enrollmentId).getList("nominations", String.class)).contains(endorsedNomination);

		// Their nomination's event again (a redelivery under a new id, a replay): no key
		// comes back, and nothing new is linked.
		NominationSubmitted again = nomination(endorsedNomination, name, email, "NV");
		this.api.publish(again);
		await().atMost(PATIENCE).until(() -> applied(again.eventId()));
		assertThat(candidacy(endorsedNomination).get("emailKey")).isNull();
		assertThat(candidacy(endorsedNomination).get("nameKey")).isNull();
		assertThat(candidacy(endorsedNomination).get("submittedAt")).isNotNull();
		assertThat(counts(cohortId)).containsExactly(1, 1, 1, 0);
		assertThat(this.mongo.getCollection(CandidacyDocument.COLLECTION)
			.find(new Document("_id", new Document("$in", List.of(endorsedNomination, otherNomination))))
			.map(Document::toJson)
			.into(new java.util.ArrayList<>()))
			.allSatisfy((json) -> assertThat(json).doesNotContain(EmailKeys.of(email))
				.doesNotContainIgnoringCase(name)
				.doesNotContain(name.toLowerCase(Locale.ROOT).replace(" ", "")));
	}

	/**
	 * The erasure (keyed by the candidate) may arrive before the nomination's own event
	 * (keyed by the nomination): the candidacy it makes then holds no key and links to no
	 * graduate.
	 */
	@Test
	void anErasureArrivingBeforeTheNominationLeavesItsCandidacyWithoutKeysAndUnlinked() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String name = "Otto Early " + unique;
		String email = "otto-" + unique + "@example.org";
		String cohortId = this.api.openCohortToday("ORGANIZER");
		String enrollmentId = this.api.apply(cohortId, name, email, "NV");
		this.api.complete(cohortId, enrollmentId);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cohortId)).containsExactly(1, 0, 0, 0));
		String nominationId = "nomination-" + UUID.randomUUID();
		CandidateErased erased = new CandidateErased(id(), Instant.now(), "candidate-" + unique, List.of(nominationId));
		this.api.publish(erased);
		await().atMost(PATIENCE).until(() -> applied(erased.eventId()));

		NominationSubmitted late = nomination(nominationId, name, email, "NV");
		this.api.publish(late);
		await().atMost(PATIENCE).until(() -> applied(late.eventId()));

		Document candidacy = candidacy(nominationId);
		assertThat(candidacy.get("emailKey")).isNull();
		assertThat(candidacy.get("nameKey")).isNull();
		assertThat(candidacy.get("submittedAt")).isNotNull();
		assertThat(graduate(enrollmentId).getList("nominations", String.class)).isEmpty();
		assertThat(counts(cohortId)).containsExactly(1, 0, 0, 0);
		assertThat(this.api.trainingEvents(cohortId, "GraduateRanForOffice")).isEmpty();
	}

	/** The cohort's trained, ran, endorsed and won; empty while it has no row. */
	private List<Integer> counts(String cohortId) {
		JsonNode row = this.api.cohortRow(cohortId);
		if (row == null) {
			return List.of();
		}
		return List.of(row.get("trained").asInt(), row.get("ran").asInt(), row.get("endorsed").asInt(),
				row.get("won").asInt());
	}

	/** Whether the pipeline has completed applying an event. */
	private boolean applied(String eventId) {
		Document record = this.mongo.findById(PipelineEvents.CONSUMER + "/" + eventId, Document.class,
				"processed_events");
		return record != null && Boolean.TRUE.equals(record.getBoolean("completed"));
	}

	private Document candidacy(String nominationId) {
		return this.mongo.findById(nominationId, Document.class, CandidacyDocument.COLLECTION);
	}

	private Document graduate(String enrollmentId) {
		return this.mongo.findById(enrollmentId, Document.class, GraduateDocument.COLLECTION);
	}

	/** A chapter's nomination (attribution needs its token, or staff's): vouched for. */
	private static NominationSubmitted nomination(String nominationId, String name, String email, String state) {
		return new NominationSubmitted(id(), Instant.now(), nominationId, name, race(state), "nominating-chapter", null,
				null, EmailKeys.of(email));
	}

	private static RaceSummary race(String state) {
		return new RaceSummary("State Senator", "STATE", state, "District 7", null,
				LocalDate.now(ZoneOffset.UTC).plusMonths(6));
	}

	private static String id() {
		return UUID.randomUUID().toString();
	}

}

package org.groundgame.training.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.groundgame.events.EmailKeys;
import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.security.TestTokens;
import org.groundgame.training.CampaignTrainingServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The people behind the pipeline's counts, over the real broker and store: graduates made
 * over HTTP, endorsement-service's events published to the broker, the list read over
 * HTTP by the school's staff only, with names and nothing else of anyone.
 */
@CampaignTrainingServiceIntegrationTest
class PipelineGraduatesIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

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
	void theSchoolsStaffSeeEachGraduateByNameWithHowFarTheyWentAndNothingElseOfThem() {
		String email = "graduate-" + UUID.randomUUID() + "@example.org";
		String otherEmail = "other-" + UUID.randomUUID() + "@example.org";
		String absentEmail = "absent-" + UUID.randomUUID() + "@example.org";
		String cohortId = this.api.openCohortToday("ORGANIZER");
		String winner = this.api.apply(cohortId, "Zora Winfield", email, "MO");
		String other = this.api.apply(cohortId, "Abel Stayhome", otherEmail, "MO");
		this.api.apply(cohortId, "Carla Absent", absentEmail, "MO");
		this.api.complete(cohortId, winner, other);

		String nominationId = "nomination-" + UUID.randomUUID();
		String endorsementId = "endorsement-" + UUID.randomUUID();
		this.api.publish(new NominationSubmitted(id(), Instant.now(), nominationId, "Zora Winfield", race(),
				"nominating-chapter", null, null, EmailKeys.of(email)));
		this.api.publish(new EndorsementGranted(id(), Instant.now(), endorsementId, nominationId, "Zora Winfield",
				race(), null, false, "candidate-1"));
		this.api.publish(new ElectionOutcomeRecorded(id(), Instant.now(), endorsementId, nominationId, "Zora Winfield",
				race(), null, "WON"));

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(rows(cohortId)).containsExactly(
					// By name: the one who did not complete is no graduate.
					other + " Abel Stayhome ran=false endorsed=false won=false",
					winner + " Zora Winfield ran=true endorsed=true won=true"));
		JsonNode graduates = this.api.graduates("?cohortId=" + cohortId);
		JsonNode row = graduates.get(1);
		assertThat(row.get("cohortId").asString()).isEqualTo(cohortId);
		assertThat(row.get("cohortName").asString()).startsWith("Pipeline Cohort ");
		assertThat(row.get("track").asString()).isEqualTo("ORGANIZER");
		assertThat(row.get("startsOn").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
		assertThat(row.propertyNames()).containsExactlyInAnyOrder("enrollmentId", "cohortId", "cohortName", "track",
				"startsOn", "name", "ran", "endorsed", "won");
		assertThat(graduates.toString()).doesNotContain(email)
			.doesNotContain(otherEmail)
			.doesNotContain("Carla")
			.doesNotContain("\"MO\"");

		// The track's list holds them too; another track's does not.
		assertThat(ids(this.api.graduates("?track=ORGANIZER"))).contains(winner, other);
		assertThat(ids(this.api.graduates("?track=CANDIDATE"))).doesNotContain(winner, other);

		// Erased, the graduate stays counted, without a name.
		this.api.erase(other);
		await().atMost(PATIENCE)
			.untilAsserted(
					() -> assertThat(rows(cohortId)).contains(other + " null ran=false endorsed=false won=false"));
	}

	@Test
	void onlyTheSchoolsStaffMayReadTheGraduates() {
		assertThat(this.api.graduates("", null)).hasStatus(401);
		assertThat(this.api.graduates("", TestTokens.chapter("chapter-1"))).hasStatus(403);
		assertThat(this.api.graduates("", TestTokens.token().build())).hasStatus(403);
		assertThat(this.api.graduates("", TestTokens.token().roles("TRAINING_STAFF").build())).hasStatus(200);
		assertThat(this.api.graduates("", TestTokens.staff())).hasStatus(200);
		assertThat(this.api.graduates("", TestTokens.token().roles("STAFF").expired().build())).hasStatus(401);
	}

	@Test
	void anUnknownTrackIsABadRequestNamingIt() {
		assertThat(this.api.graduates("?track=ASTRONAUT", TestTokens.staff())).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("track");
	}

	private List<String> rows(String cohortId) {
		List<String> rows = new ArrayList<>();
		for (JsonNode row : this.api.graduates("?cohortId=" + cohortId)) {
			rows.add(row.get("enrollmentId").asString() + " "
					+ (row.path("name").isString() ? row.get("name").asString() : "null") + " ran="
					+ row.get("ran").asBoolean() + " endorsed=" + row.get("endorsed").asBoolean() + " won="
					+ row.get("won").asBoolean());
		}
		return rows;
	}

	private static List<String> ids(JsonNode graduates) {
		List<String> ids = new ArrayList<>();
		graduates.forEach((row) -> ids.add(row.get("enrollmentId").asString()));
		return ids;
	}

	private static RaceSummary race() {
		return new RaceSummary("City Council", "LOCAL", "MO", "Ward 6", "St. Louis",
				LocalDate.now(ZoneOffset.UTC).plusMonths(6));
	}

	private static String id() {
		return UUID.randomUUID().toString();
	}

}

package org.groundgame.endtoend;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.groundgame.events.EmailKeys;
import org.groundgame.events.Topics;
import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A candidate nominated twice by a chapter, endorsed once, and known to the school's
 * candidate pipeline by their e-mail key, is erased by national staff through the
 * gateway: neither endorsement-service's API nor any document of any service's store (the
 * pipeline's candidacies and notification-service's deliveries and inbox included), nor
 * any record of any topic, nor any log holds their name, address, website or e-mail key
 * any more, and the keys of both nominations are destroyed; the endorsement stays,
 * anonymous; {@code CandidateErased} names both nominations. A chapter, or nobody, cannot
 * do it. The chapter is in a state no other test uses.
 */
@ExtendWith(RunningPlatform.class)
class CandidateErasureTests {

	private static final String STATE = "DE";

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private final LocalPlatform platform;

	private final Gateway gateway;

	private final Organizers organizers;

	private final PlatformTraces traces;

	CandidateErasureTests(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.traces = new PlatformTraces(platform);
		this.gateway = gateway;
		this.organizers = new Organizers(gateway);
	}

	@Test
	void aCandidateErasedByStaffLeavesTheEndorsementServiceAndTheSchoolsPipeline() {
		String chapterId = this.organizers.registerChapter(STATE, "Wilmington");
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String name = "Della Erasable " + unique;
		String email = "erase-candidate-" + unique + "@example.org";
		String emailKey = EmailKeys.of(email);
		String endorsed = this.organizers.nominate(chapterId, STATE, "Delaware House of Representatives", name, email);
		String other = this.organizers.nominate(chapterId, STATE, "Delaware State Senate", name, email);
		String endorsementId = this.organizers.endorse(endorsed);
		String candidateId = this.organizers.nomination(endorsed).path("candidateId").asString();
		assertThat(this.organizers.nomination(other).path("candidateId").asString()).isEqualTo(candidateId);
		String website = this.organizers.nomination(endorsed)
			.path("candidate")
			.path("website")
			.asString()
			.substring("https://".length());
		// The pipeline knows both candidacies by the e-mail key.
		await().atMost(EVENTUALLY)
			.untilAsserted(() -> assertThat(this.traces.storesHolding(List.of(emailKey))).contains(
					"groundgame-training.pipeline_candidacies/" + endorsed,
					"groundgame-training.pipeline_candidacies/" + other));
		assertThat(this.traces.storesHolding(List.of(name, email))).as("stored before erasure").isNotEmpty();

		// Nobody, and the nominating chapter, may not erase them.
		assertThat(this.gateway.anonymous()
			.sendRaw("DELETE", "/api/nominations/candidates/" + candidateId, HttpRequest.BodyPublishers.noBody())
			.status()).isEqualTo(401);
		Gateway.Answer byChapter = this.gateway.asChapter(chapterId)
			.send("DELETE", "/api/nominations/candidates/" + candidateId, null);
		assertThat(byChapter.status()).isEqualTo(403);
		assertThat(byChapter.contentType()).startsWith("application/problem+json");
		assertThat(this.organizers.nomination(endorsed).path("candidate").path("email").asString()).isEqualTo(email);

		assertThat(this.gateway.asStaff().send("DELETE", "/api/nominations/candidates/" + candidateId, null).status())
			.isEqualTo(204);

		await().atMost(EVENTUALLY)
			.untilAsserted(
					() -> assertThat(this.traces.storesHolding(List.of(name, email, emailKey, website))).isEmpty());
		// On Kafka the candidate's data only travelled sealed with each nomination's key,
		// and
		// both keys are destroyed; no log names them.
		for (String nomination : List.of(endorsed, other)) {
			assertThat(this.traces
				.recordsHolding(List.of("{pd:" + Topics.keysOf(Topics.ENDORSEMENT) + ":" + nomination + "}")))
				.as("the candidate's sealed data went out in events")
				.isNotEmpty();
			await().atMost(EVENTUALLY)
				.untilAsserted(() -> assertThat(this.traces.liveKeyOf(Topics.keysOf(Topics.ENDORSEMENT), nomination))
					.isEmpty());
		}
		assertThat(this.traces.recordsHolding(List.of(name, email, emailKey, website))).isEmpty();
		assertThat(this.traces.logsHolding(List.of(name, email, website))).isEmpty();
		JsonNode kept = this.organizers.nomination(endorsed);
		assertThat(kept.path("status").asString()).isEqualTo("ENDORSED");
		assertThat(kept.path("candidate").path("name").asString()).isEqualTo("Erased candidate");
		assertThat(kept.path("candidate").path("email").isNull()).isTrue();
		JsonNode endorsement = this.gateway.anonymous().get("/api/endorsements/" + endorsementId).json(200);
		assertThat(endorsement.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(endorsement.toString()).doesNotContain(name).doesNotContain(website);
		assertThat(this.gateway.anonymous().get("/api/endorsements?state=" + STATE + "&size=100").body())
			.doesNotContain(name);
		try (EventTopic topic = new EventTopic(this.platform.kafkaBootstrapServers(), Topics.ENDORSEMENT)) {
			ConsumerRecord<String, String> erased = await().atMost(EVENTUALLY)
				.until(() -> topic.recordsWithKey(candidateId)
					.stream()
					.filter((record) -> "org.groundgame.endorsement.CandidateErased.v1"
						.equals(EventTopic.header(record, "ce_type")))
					.findFirst()
					.orElse(null), java.util.Objects::nonNull);
			JsonNode data = JsonMapper.builder().build().readTree(erased.value());
			assertThat(data.path("nominationIds").valueStream().map(JsonNode::asString))
				.containsExactlyInAnyOrder(endorsed, other);
		}
		// Erasing again is no error, and an unknown candidate is not found.
		assertThat(this.gateway.asStaff().send("DELETE", "/api/nominations/candidates/" + candidateId, null).status())
			.isEqualTo(204);
		assertThat(this.gateway.asStaff()
			.send("DELETE", "/api/nominations/candidates/no-such-candidate-" + unique, null)
			.status()).isEqualTo(404);
	}

}

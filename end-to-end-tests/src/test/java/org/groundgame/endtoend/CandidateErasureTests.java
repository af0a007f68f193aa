package org.groundgame.endtoend;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
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
 * gateway: neither endorsement-service's API nor any document of its store, nor of the
 * school's (the pipeline's candidacies), holds their name, address, website or e-mail key
 * any more; the endorsement stays, anonymous; {@code CandidateErased} names both
 * nominations. A chapter, or nobody, cannot do it. (notification-service's copies, its
 * deliveries and inbox entries, are its own consumer's to erase: not asserted here.) The
 * chapter is in a state no other test uses.
 */
@ExtendWith(RunningPlatform.class)
class CandidateErasureTests {

	private static final String STATE = "DE";

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private static final List<String> STORES = List.of("groundgame-endorsement", "groundgame-training");

	private final LocalPlatform platform;

	private final Gateway gateway;

	private final Organizers organizers;

	CandidateErasureTests(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
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
			.untilAsserted(() -> assertThat(holdersOf(List.of(emailKey))).contains(
					"groundgame-training.pipeline_candidacies/" + endorsed,
					"groundgame-training.pipeline_candidacies/" + other));
		assertThat(holdersOf(List.of(name, email))).as("stored before erasure").isNotEmpty();

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
			.untilAsserted(() -> assertThat(holdersOf(List.of(name, email, emailKey, website))).isEmpty());
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

	/**
	 * Where any of the values appears (ignoring case) in endorsement-service's and the
	 * school's databases, as {@code database.collection/id}: every document of every
	 * collection.
	 */
	private List<String> holdersOf(List<String> values) {
		List<String> needles = values.stream().map((value) -> value.toLowerCase(Locale.ROOT)).toList();
		List<String> found = new ArrayList<>();
		try (MongoClient mongo = MongoClients.create(this.platform.mongoConnectionString())) {
			for (String databaseName : STORES) {
				MongoDatabase database = mongo.getDatabase(databaseName);
				for (String collection : database.listCollectionNames()) {
					for (Document document : database.getCollection(collection).find()) {
						String stored = document.toJson().toLowerCase(Locale.ROOT);
						if (needles.stream().anyMatch(stored::contains)) {
							found.add(databaseName + "." + collection + "/" + document.get("_id"));
						}
					}
				}
			}
		}
		return found;
	}

}

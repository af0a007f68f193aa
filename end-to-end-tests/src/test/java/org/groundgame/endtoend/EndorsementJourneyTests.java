package org.groundgame.endtoend;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.groundgame.events.Topics;
import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance path, through the gateway only: register a chapter, nominate a
 * candidate from it, endorse; the chapter's inbox shows the endorsement within two
 * seconds, and any Kafka client sees the CloudEvent.
 */
@ExtendWith(RunningPlatform.class)
class EndorsementJourneyTests {

	private static final String ENDORSEMENT_GRANTED = "org.groundgame.endorsement.EndorsementGranted.v1";

	private final LocalPlatform platform;

	private final Organizers organizers;

	EndorsementJourneyTests(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.organizers = new Organizers(gateway);
	}

	@Test
	void anEndorsementReachesTheNominatingChaptersInboxWithinTwoSeconds() {
		String chapterId = this.organizers.registerChapter();
		String nominationId = this.organizers.nominate(chapterId);

		String endorsementId = this.organizers.endorse(nominationId);
		long decided = System.nanoTime();

		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(this.organizers.inboxEntriesAbout(chapterId, endorsementId)).hasSize(1));
		System.out.printf("[measure] endorsement in the inbox %d ms after the decision's answer%n",
				Duration.ofNanos(System.nanoTime() - decided).toMillis());
		JsonNode entry = this.organizers.inboxEntriesAbout(chapterId, endorsementId).get(0);
		assertThat(entry.path("chapterId").asString()).isEqualTo(chapterId);
		assertThat(entry.path("eventType").asString()).isEqualTo(ENDORSEMENT_GRANTED);
		assertThat(entry.path("title").asString()).contains("Endorsed");
	}

	@Test
	void aVictoryRecordedByStaffReachesTheNominatingChaptersInbox() {
		String chapterId = this.organizers.registerChapter();
		String endorsementId = this.organizers.endorse(this.organizers.nominate(chapterId));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.organizers.inboxEntriesAbout(chapterId, endorsementId)).hasSize(1));

		assertThat(this.organizers.recordOutcome(endorsementId, "WON").path("outcome").asString()).isEqualTo("WON");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.organizers.inboxEntriesAbout(chapterId, endorsementId))
				.extracting((entry) -> entry.path("eventType").asString())
				.containsExactlyInAnyOrder(ENDORSEMENT_GRANTED,
						"org.groundgame.endorsement.ElectionOutcomeRecorded.v1"));
		assertThat(this.organizers.inboxEntriesAbout(chapterId, endorsementId))
			.anySatisfy((entry) -> assertThat(entry.path("title").asString()).startsWith("Victory: "));
	}

	@Test
	void theEndorsementIsOnItsTopicAsABinaryModeCloudEventKeyedByTheEndorsementId() {
		String chapterId = this.organizers.registerChapter();
		String nominationId = this.organizers.nominate(chapterId);
		String endorsementId = this.organizers.endorse(nominationId);

		try (EventTopic topic = new EventTopic(this.platform.kafkaBootstrapServers(), Topics.ENDORSEMENT)) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(topic.recordsWithKey(endorsementId)).anySatisfy(
						(record) -> assertThat(EventTopic.header(record, "ce_type")).isEqualTo(ENDORSEMENT_GRANTED)));
			ConsumerRecord<String, String> granted = topic.recordsWithKey(endorsementId)
				.stream()
				.filter((record) -> ENDORSEMENT_GRANTED.equals(EventTopic.header(record, "ce_type")))
				.findFirst()
				.orElseThrow();

			assertThat(granted.key()).isEqualTo(endorsementId);
			assertThat(EventTopic.header(granted, "ce_specversion")).isEqualTo("1.0");
			assertThat(EventTopic.header(granted, "ce_id")).isNotBlank();
			assertThat(EventTopic.header(granted, "ce_source")).isNotBlank();
			assertThat(EventTopic.header(granted, "ce_subject")).isEqualTo(endorsementId);
			assertThat(Instant.parse(EventTopic.header(granted, "ce_time")))
				.isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
			assertThat(EventTopic.header(granted, "content-type")).startsWith("application/json");
			JsonNode data = tools.jackson.databind.json.JsonMapper.shared().readTree(granted.value());
			assertThat(data.path("endorsementId").asString()).isEqualTo(endorsementId);
			assertThat(data.path("nominationId").asString()).isEqualTo(nominationId);
			assertThat(data.path("nominatingChapterId").asString()).isEqualTo(chapterId);
		}
	}

}

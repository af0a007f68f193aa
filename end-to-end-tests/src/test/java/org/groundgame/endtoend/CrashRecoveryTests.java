package org.groundgame.endtoend;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.groundgame.events.Topics;
import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service killed with {@code kill -9} at the worst moment, then restarted by the
 * platform's supervisor, loses nothing and duplicates nothing: the embedded outbox
 * publishes what was written before the crash, and consumers apply a redelivered event
 * once.
 */
@ExtendWith(RunningPlatform.class)
class CrashRecoveryTests {

	private static final Duration RECOVERY = Duration.ofMinutes(3);

	private static final String ENDORSEMENT_GRANTED = "org.groundgame.endorsement.EndorsementGranted.v1";

	private static final String OUTCOME_RECORDED = "org.groundgame.endorsement.ElectionOutcomeRecorded.v1";

	private static final String REVIEW_STARTED = "org.groundgame.endorsement.NominationReviewStarted.v1";

	private final LocalPlatform platform;

	private final Organizers organizers;

	CrashRecoveryTests(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.organizers = new Organizers(gateway);
	}

	@Test
	void notificationServiceKilledAsAnEndorsementIsDecidedPutsItInTheInboxExactlyOnce() {
		String chapterId = this.organizers.registerChapter();
		String nominationId = this.organizers.nominate(chapterId);
		// The acknowledgement shows that notification-service is consuming before the
		// kill.
		await().atMost(RECOVERY)
			.untilAsserted(() -> assertThat(this.organizers.inboxEntriesAbout(chapterId, nominationId)).hasSize(1));
		int restarts = this.platform.restarts(Service.NOTIFICATION);

		String endorsementId = this.organizers.endorse(nominationId);
		this.platform.kill(Service.NOTIFICATION);

		this.platform.awaitHealthy(Service.NOTIFICATION, RECOVERY);
		assertThat(this.platform.restarts(Service.NOTIFICATION)).isEqualTo(restarts + 1);
		await().atMost(RECOVERY)
			.untilAsserted(() -> assertThat(this.organizers.inboxEntriesAbout(chapterId, endorsementId)).hasSize(1));
		// A barrier on the endorsement's key (so the same partition, consumed in order):
		// once the outcome's notice is in the inbox, the grant redelivered after the
		// restart has been consumed too, and it must not have added an entry.
		this.organizers.recordOutcome(endorsementId, "WON");
		await().atMost(RECOVERY)
			.until(() -> this.organizers.inboxEntriesAbout(chapterId, endorsementId),
					(entries) -> entries.stream().anyMatch((entry) -> OUTCOME_RECORDED.equals(eventType(entry))));
		assertThat(this.organizers.inboxEntriesAbout(chapterId, endorsementId))
			.extracting(CrashRecoveryTests::eventType)
			.containsExactlyInAnyOrder(ENDORSEMENT_GRANTED, OUTCOME_RECORDED);
		assertThat(this.organizers.inboxEntriesAbout(chapterId, nominationId)).hasSize(1);
	}

	@Test
	void endorsementServiceKilledRightAfterANominationLosesNothingAndDuplicatesNothing() {
		String chapterId = this.organizers.registerChapter();
		int restarts = this.platform.restarts(Service.ENDORSEMENT);

		String nominationId = this.organizers.nominate(chapterId);
		this.platform.kill(Service.ENDORSEMENT);

		this.platform.awaitHealthy(Service.ENDORSEMENT, RECOVERY);
		assertThat(this.platform.restarts(Service.ENDORSEMENT)).isEqualTo(restarts + 1);
		assertThat(this.organizers.nomination(nominationId).path("status").asString()).isEqualTo("SUBMITTED");
		await().atMost(RECOVERY)
			.untilAsserted(() -> assertThat(this.organizers.inboxEntriesAbout(chapterId, nominationId)).hasSize(1));
		// A barrier on the nomination's key (so the same partition, consumed in order),
		// caused after the restart: once its record and its notice are there, every
		// record
		// of the nomination published before it has been read and applied.
		this.organizers.startReview(nominationId);
		try (EventTopic topic = new EventTopic(this.platform.kafkaBootstrapServers(), Topics.ENDORSEMENT)) {
			List<ConsumerRecord<String, String>> records = await().atMost(RECOVERY)
				.until(() -> topic.recordsWithKey(nominationId), (keyed) -> keyed.stream()
					.anyMatch((record) -> REVIEW_STARTED.equals(EventTopic.header(record, "ce_type"))));
			// The one place a test counts events rather than records: the crash may
			// have come between Kafka's acknowledgement of an event and its removal from
			// the outbox, and the restarted relay then publishes it again
			// (at-least-once).
			// It is the same event (one ce_id), which consumers apply once. The
			// nomination caused two: its submission and the candidate's questionnaire
			// link; the review is the barrier.
			assertThat(records.stream()
				.map((record) -> EventTopic.header(record, "ce_type") + " " + EventTopic.header(record, "ce_id"))
				.distinct()
				.map((typeAndId) -> typeAndId.substring(0, typeAndId.indexOf(' '))))
				.containsExactlyInAnyOrder("org.groundgame.endorsement.NominationSubmitted.v1",
						"org.groundgame.endorsement.QuestionnaireIssued.v1", REVIEW_STARTED);
		}
		await().atMost(RECOVERY)
			.until(() -> this.organizers.inboxEntriesAbout(chapterId, nominationId),
					(entries) -> entries.stream().anyMatch((entry) -> REVIEW_STARTED.equals(eventType(entry))));
		assertThat(this.organizers.inboxEntriesAbout(chapterId, nominationId)).extracting(CrashRecoveryTests::eventType)
			.containsExactlyInAnyOrder("org.groundgame.endorsement.NominationSubmitted.v1", REVIEW_STARTED);

		String endorsementId = this.organizers.endorse(nominationId);
		await().atMost(RECOVERY)
			.untilAsserted(() -> assertThat(this.organizers.inboxEntriesAbout(chapterId, endorsementId)).hasSize(1));
	}

	private static String eventType(JsonNode entry) {
		return entry.path("eventType").asString();
	}

}

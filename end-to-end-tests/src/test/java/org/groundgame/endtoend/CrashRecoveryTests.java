package org.groundgame.endtoend;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.groundgame.events.Topics;
import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

	private static final Duration STEADY = Duration.ofSeconds(3);

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
		await().during(STEADY).atMost(STEADY.multipliedBy(3)).untilAsserted(() -> {
			assertThat(this.organizers.inboxEntriesAbout(chapterId, endorsementId)).hasSize(1);
			assertThat(this.organizers.inboxEntriesAbout(chapterId, nominationId)).hasSize(1);
		});
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
		try (EventTopic topic = new EventTopic(this.platform.kafkaBootstrapServers(), Topics.ENDORSEMENT)) {
			await().atMost(RECOVERY).untilAsserted(() -> assertThat(topic.recordsWithKey(nominationId)).isNotEmpty());
			await().during(STEADY).atMost(STEADY.multipliedBy(3)).untilAsserted(() -> {
				// At-least-once: a record published just before the crash may be
				// published again after it, but it is the same event (one ce_id), which
				// consumers apply once. The nomination caused two: its submission and
				// the candidate's questionnaire link.
				List<ConsumerRecord<String, String>> records = topic.recordsWithKey(nominationId);
				assertThat(records.stream()
					.map((record) -> EventTopic.header(record, "ce_type") + " " + EventTopic.header(record, "ce_id"))
					.distinct()
					.map((typeAndId) -> typeAndId.substring(0, typeAndId.indexOf(' '))))
					.containsExactlyInAnyOrder("org.groundgame.endorsement.NominationSubmitted.v1",
							"org.groundgame.endorsement.QuestionnaireIssued.v1");
				assertThat(this.organizers.inboxEntriesAbout(chapterId, nominationId)).hasSize(1);
			});
		}

		String endorsementId = this.organizers.endorse(nominationId);
		await().atMost(RECOVERY)
			.untilAsserted(() -> assertThat(this.organizers.inboxEntriesAbout(chapterId, endorsementId)).hasSize(1));
	}

}

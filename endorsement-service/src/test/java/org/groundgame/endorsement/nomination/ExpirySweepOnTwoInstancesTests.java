package org.groundgame.endorsement.nomination;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.groundgame.endorsement.EndorsementServiceIntegrationTest;
import org.groundgame.endorsement.candidate.domain.Candidate;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.support.chapter.RegisteredChapters;
import org.groundgame.support.geography.UsState;
import org.groundgame.support.outbox.Outbox;
import org.groundgame.support.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The expiry sweep with two instances of the service sweeping the same store at the same
 * moment, each with its own application service: each overdue nomination is expired by
 * one write, with one {@code NominationExpired}. What the sweeps wrote is counted in the
 * nominations' outboxes, held there while the relay stands still (the relay's own
 * guarantee with two instances is {@code OutboxRaceTests}'s).
 */
@EndorsementServiceIntegrationTest
class ExpirySweepOnTwoInstancesTests {

	private static final int OVERDUE = 20;

	@Autowired
	private NominationService nominations;

	@Autowired
	private NominationStore store;

	@Autowired
	private OutboxRelay relay;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private ApplicationContext context;

	@Test
	void twoInstancesSweepingAtTheSameMomentExpireEachOverdueNominationOnce() throws Exception {
		Instant longAgo = Instant.now().minus(Duration.ofDays(400));
		Race past = new Race("Mayor", RaceLevel.LOCAL, UsState.VT, null, "Montpelier",
				LocalDate.now(ZoneOffset.UTC).minusDays(3));
		List<String> overdue = new ArrayList<>();
		NominationService second = new NominationService(this.store, this.context.getBean(Registry.class),
				this.context.getBean(Outbox.class), this.context.getBean(NominationMetrics.class),
				this.context.getBean(NominationConfiguration.QuestionnaireProperties.class),
				this.context.getBean(Clock.class), this.context.getBean(RegisteredChapters.class),
				this.context.getBean(ErasureService.class));
		List<Integer> expired = new ArrayList<>();
		this.relay.stop();
		try {
			for (int i = 0; i < OVERDUE; i++) {
				Nomination nomination = Nomination.restore(UUID.randomUUID().toString(), NominationStatus.UNDER_REVIEW,
						new Candidate("Candidate " + UUID.randomUUID(), null, null), past, Nominator.chapter("c-2"),
						null, longAgo, null, null, null);
				this.store.insert(NominationDocument.of(nomination));
				overdue.add(nomination.id());
			}

			CountDownLatch start = new CountDownLatch(1);
			try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
				List<Future<Integer>> sweeps = new ArrayList<>();
				for (NominationService instance : List.of(this.nominations, second)) {
					sweeps.add(instances.submit(() -> {
						start.await();
						return instance.expireOverdue();
					}));
				}
				start.countDown();
				for (Future<Integer> sweep : sweeps) {
					expired.add(sweep.get());
				}
			}

			// Other classes' overdue nominations may be swept too.
			assertThat(expired.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(OVERDUE);
			assertThat(overdue).allSatisfy((id) -> {
				Document stored = this.mongo.getCollection(NominationDocument.COLLECTION)
					.find(new Document("_id", id))
					.first();
				assertThat(stored.getString("status")).isEqualTo(NominationStatus.EXPIRED.name());
				assertThat(stored.getList("outbox", Document.class)).extracting((event) -> event.getString("type"))
					.as("the events written for nomination %s", id)
					.containsExactly("org.groundgame.endorsement.NominationExpired.v1");
			});
			// Another sweep finds nothing more to expire among them.
			second.expireOverdue();
			assertThat(overdue).allSatisfy((id) -> assertThat(this.mongo.getCollection(NominationDocument.COLLECTION)
				.find(new Document("_id", id))
				.first()
				.getList("outbox", Document.class)).hasSize(1));
		}
		finally {
			this.relay.start();
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(overdue)
				.allSatisfy((id) -> assertThat(this.mongo.getCollection(NominationDocument.COLLECTION)
					.find(new Document("_id", id))
					.first()
					.getList("outbox", Document.class)).isEmpty()));
	}

}

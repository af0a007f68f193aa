package org.groundgame.endorsement.nomination;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.endorsement.EndorsementServiceIntegrationTest;
import org.groundgame.endorsement.EndorsementTopic;
import org.groundgame.endorsement.NominationApi;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff deciding the same nomination at the same moment: one decision wins, the others
 * are told of the conflict, and exactly one endorsement is granted and announced.
 */
@EndorsementServiceIntegrationTest
class ConcurrentDecisionTests {

	static final int DECIDERS = 8;

	@Autowired
	RestTestClient client;

	@Autowired
	NominationRepository repository;

	@Autowired
	NominationStore store;

	@Autowired
	MeterRegistry meters;

	@Test
	void concurrentEndorsementsOfOneNominationGrantExactlyOneEndorsement() throws Exception {
		NominationApi api = new NominationApi(this.client);
		String nominationId = api.submit(NominationApi.nominationIn("WI")).get("id").asString();
		double grantedBefore = this.meters.get(NominationMetrics.GRANTED).counter().count();

		List<HttpStatus> answers = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService deciders = Executors.newFixedThreadPool(DECIDERS)) {
			List<Future<HttpStatus>> decisions = new ArrayList<>();
			for (int i = 0; i < DECIDERS; i++) {
				decisions.add(deciders.submit(() -> {
					start.await();
					return api.tryToDecide(nominationId, "ENDORSE");
				}));
			}
			start.countDown();
			for (Future<HttpStatus> decision : decisions) {
				answers.add(decision.get());
			}
		}

		assertThat(answers).containsOnly(HttpStatus.OK, HttpStatus.CONFLICT);
		assertThat(answers).filteredOn(HttpStatus.OK::equals).hasSize(1);
		NominationDocument stored = this.repository.findById(nominationId).orElseThrow();
		String endorsementId = stored.getEndorsement().endorsementId();
		assertThat(this.meters.get(NominationMetrics.GRANTED).counter().count()).isEqualTo(grantedBefore + 1);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(this.repository.findById(nominationId).orElseThrow().getOutbox()).isEmpty());
		// A later event of the endorsement, on the same partition: a second grant
		// published before it would be read with it.
		new NominationApi(this.client).recordOutcome(endorsementId, "WON", HttpStatus.OK);
		assertThat(EndorsementTopic.readThrough(endorsementId, EndorsementTopic.ofType("ElectionOutcomeRecorded")))
			.filteredOn((event) -> "org.groundgame.endorsement.EndorsementGranted.v1".equals(event.type()))
			.filteredOn((event) -> event.data().contains(nominationId))
			.singleElement()
			.satisfies((event) -> assertThat(event.key()).isEqualTo(endorsementId));
	}

	@Test
	void staleCopyOfANominationIsNeverWrittenOverANewerOne() {
		String nominationId = new NominationApi(this.client).submit(NominationApi.nominationIn("WI"))
			.get("id")
			.asString();
		NominationDocument first = this.store.find(nominationId).orElseThrow();
		NominationDocument stale = this.store.find(nominationId).orElseThrow();
		Nomination reviewed = first.toNomination();
		reviewed.startReview("First Reviewer", "staff-1", Clock.systemUTC());
		assertThat(this.store.update(first, reviewed, List.of())).isTrue();

		Nomination declined = stale.toNomination();
		declined.decline("From a stale copy", Clock.systemUTC());
		assertThat(this.store.update(stale, declined, List.of())).isFalse();
		assertThat(this.store.find(nominationId).orElseThrow().toNomination().status())
			.isEqualTo(NominationStatus.UNDER_REVIEW);
	}

}

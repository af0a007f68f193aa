package org.groundgame.endorsement.nomination;

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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
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
		NominationDocument first = this.repository.findById(nominationId).orElseThrow();
		NominationDocument stale = this.repository.findById(nominationId).orElseThrow();
		this.repository.save(first);

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.repository.save(stale));
	}

}

package org.groundgame.training.cohort;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.events.TopicEvents;
import org.groundgame.test.security.TestTokens;
import org.groundgame.training.CampaignTrainingServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fair line under load: applications arriving all at once fill exactly the seats and
 * queue the rest without gaps or duplicates; freed seats go to the first in line, and
 * lapsed offers to the next, however many sweeps run at once.
 */
@CampaignTrainingServiceIntegrationTest
class CohortWaitlistConcurrencyIntegrationTests {

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

	@Autowired
	private CohortService cohorts;

	@Test
	void twoHundredApplicantsForTwentySeatsThenFiveWithdrawalsThenTheirOffersLapsing() throws Exception {
		TrainingApi api = new TrainingApi(this.client);
		String cohort = api.openCohort(20).get("id").asString();

		applyAllAtOnce(api, cohort, 200);
		List<JsonNode> answers = new ArrayList<>();
		api.body(TrainingApi.expect(
				api.call(HttpMethod.GET, "/api/training/cohorts/" + cohort + "/enrollments", TestTokens.staff(), null),
				200))
			.forEach(answers::add);
		assertThat(answers).hasSize(200);

		List<JsonNode> seated = answers.stream().filter((answer) -> status(answer).equals("ENROLLED")).toList();
		List<JsonNode> waiting = answers.stream()
			.filter((answer) -> status(answer).equals("WAITLISTED"))
			.sorted(Comparator.comparingInt((JsonNode answer) -> answer.get("waitlistPosition").asInt()))
			.toList();
		assertThat(seated).hasSize(20);
		assertThat(waiting).extracting((answer) -> answer.get("waitlistPosition").asInt())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 180).boxed().toList());
		assertThat(answers).extracting((answer) -> answer.get("id").asString()).doesNotHaveDuplicates();

		// The seated withdraw with the links e-mailed to them.
		Map<String, String> links = new HashMap<>();
		try (TopicEvents mail = TrainingApi.events(this.protection)) {
			mail.awaitEvents(cohort, "TraineeEnrolled", 20)
				.forEach((event) -> links.put(event.text("enrollmentId"), event.text("manageUrl")));
		}
		for (JsonNode withdrawing : seated.subList(0, 5)) {
			TrainingApi.expect(api.call(HttpMethod.POST,
					"/api/training/enrollments/" + withdrawing.get("id").asString() + "/withdraw", null, null,
					TrainingApi.tokenOf(links.get(withdrawing.get("id").asString()))), 200);
		}

		assertThat(statuses(api, waiting.subList(0, 5))).containsOnly("OFFERED");
		assertThat(statuses(api, waiting.subList(5, 10))).containsOnly("WAITLISTED");
		assertThat(api.enrollment(waiting.get(5).get("id").asString()).get("waitlistPosition").asInt()).isEqualTo(1);

		Instant lapsed = Instant.now().plus(Duration.ofHours(49));
		// Four sweeps at once, as four instances would (other tests' cohorts may have
		// offers lapsing too, so the sweeps' counts are not this cohort's alone).
		sweepAllAtOnce(lapsed, 4);

		assertThat(statuses(api, waiting.subList(0, 5))).containsOnly("EXPIRED");
		assertThat(statuses(api, waiting.subList(5, 10))).containsOnly("OFFERED");
		assertThat(statuses(api, waiting.subList(10, 11))).containsOnly("WAITLISTED");
		assertThat(api.enrollment(waiting.get(10).get("id").asString()).get("waitlistPosition").asInt()).isEqualTo(1);
		TopicEvents events = TrainingApi.events(this.protection);
		try {
			assertThat(events.awaitEvents(cohort, "SeatOffered", 10)).hasSize(10);
			assertThat(events.awaitEvents(cohort, "OfferExpired", 5)).hasSize(5);
		}
		finally {
			events.close();
		}
	}

	private static void applyAllAtOnce(TrainingApi api, String cohort, int applicants) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<JsonNode>> futures = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(applicants)) {
			for (int i = 0; i < applicants; i++) {
				String email = "crowd-" + UUID.randomUUID() + "@example.org";
				Callable<JsonNode> application = () -> {
					start.await();
					return api.expectReceived(api.apply(cohort, email), cohort);
				};
				futures.add(executor.submit(application));
			}
			start.countDown();
			for (Future<JsonNode> future : futures) {
				future.get();
			}
		}
	}

	private void sweepAllAtOnce(Instant now, int sweeps) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> futures = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(sweeps)) {
			for (int i = 0; i < sweeps; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return this.cohorts.expireOffers(now);
				}));
			}
			start.countDown();
			for (Future<Integer> future : futures) {
				future.get();
			}
		}
	}

	private static List<String> statuses(TrainingApi api, List<JsonNode> enrollments) {
		return enrollments.stream().map((answer) -> status(api.enrollment(answer.get("id").asString()))).toList();
	}

	private static String status(JsonNode enrollment) {
		return enrollment.get("status").asString();
	}

}

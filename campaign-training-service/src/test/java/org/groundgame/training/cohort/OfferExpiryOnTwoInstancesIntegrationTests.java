package org.groundgame.training.cohort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.groundgame.support.chapter.RegisteredChapters;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.events.TopicEvents;
import org.groundgame.test.events.TopicEvents.Event;
import org.groundgame.training.CampaignTrainingServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offer-expiry sweep with two instances of the service sweeping the same store at the
 * same moment, each with its own application service (so its own in-process locks): every
 * lapsed offer expires once and every freed seat is offered once, to the next in line.
 * Counted on the topic record by record, up to a later event of the cohort.
 */
@CampaignTrainingServiceIntegrationTest
class OfferExpiryOnTwoInstancesIntegrationTests {

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

	@Autowired
	private CohortService cohorts;

	@Autowired
	private CohortStore store;

	@Autowired
	private Clock clock;

	@Autowired
	private OfferLinks links;

	@Autowired
	private RegisteredChapters chapters;

	@Autowired
	private ObjectProvider<AddressErasure> addressErasures;

	@Test
	void twoInstancesSweepingAtTheSameMomentExpireEachLapsedOfferOnceAndOfferEachSeatOnce() throws Exception {
		TrainingApi api = new TrainingApi(this.client);
		String cohort = api.openCohort(2).get("id").asString();
		List<JsonNode> seated = new ArrayList<>();
		List<JsonNode> waiting = new ArrayList<>();
		try (TopicEvents mail = TrainingApi.events(this.protection)) {
			for (int i = 0; i < 6; i++) {
				JsonNode applied = api.applied(mail, cohort, "two-instances-" + UUID.randomUUID() + "@example.org");
				((i < 2) ? seated : waiting).add(applied);
			}
		}
		for (JsonNode withdrawing : seated) {
			TrainingApi.expect(api.call(HttpMethod.POST,
					"/api/training/enrollments/" + withdrawing.get("id").asString() + "/withdraw", null, null,
					withdrawing.get("manageToken").asString()), 200);
		}
		assertThat(statuses(api, waiting)).containsExactly("OFFERED", "OFFERED", "WAITLISTED", "WAITLISTED");
		CohortService second = new CohortService(this.store, this.clock, this.links, new SimpleMeterRegistry(),
				this.chapters, this.addressErasures.orderedStream().toList());
		Instant lapsed = Instant.now().plus(Duration.ofHours(49));

		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
			List<Future<Integer>> sweeps = new ArrayList<>();
			for (CohortService instance : List.of(this.cohorts, second)) {
				sweeps.add(instances.submit(() -> {
					start.await();
					return instance.expireOffers(lapsed);
				}));
			}
			start.countDown();
			for (Future<Integer> sweep : sweeps) {
				sweep.get();
			}
		}

		assertThat(statuses(api, waiting)).containsExactly("EXPIRED", "EXPIRED", "OFFERED", "OFFERED");
		// The barrier: the third in line declines the seat offered to them.
		try (TopicEvents records = TrainingApi.events(this.protection)) {
			TrainingApi.expect(api.call(HttpMethod.POST,
					"/api/training/enrollments/" + waiting.get(2).get("id").asString() + "/decline-offer", null, null,
					waiting.get(2).get("manageToken").asString()), 200);
			List<Event> before = records.awaitEventsBefore(cohort, "OfferDeclined");
			assertThat(before).filteredOn((event) -> event.is("OfferExpired"))
				.extracting((event) -> event.text("enrollmentId"))
				.containsExactlyInAnyOrder(id(waiting.get(0)), id(waiting.get(1)));
			assertThat(before).filteredOn((event) -> event.is("SeatOffered"))
				.extracting((event) -> event.text("enrollmentId"))
				.containsExactlyInAnyOrder(id(waiting.get(0)), id(waiting.get(1)), id(waiting.get(2)),
						id(waiting.get(3)));
		}
	}

	private static String id(JsonNode enrollment) {
		return enrollment.get("id").asString();
	}

	private static List<String> statuses(TrainingApi api, List<JsonNode> enrollments) {
		return enrollments.stream()
			.map((enrollment) -> api.enrollment(id(enrollment)).get("status").asString())
			.toList();
	}

}

package org.groundgame.volunteer.opportunity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.security.TestTokens;
import org.groundgame.volunteer.VolunteerServiceIntegrationTest;
import org.groundgame.test.events.TopicEvents.Event;
import org.groundgame.test.events.TopicEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder sweep with two instances of the service sweeping the same store at the
 * same time: every volunteer with a seat is reminded exactly once.
 */
@VolunteerServiceIntegrationTest
class ShiftReminderIntegrationTests {

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private ShiftStore store;

	@Test
	void twoInstancesSweepingAtOnceRemindEachVolunteerWithASeatExactlyOnce() throws Exception {
		ShiftApi api = new ShiftApi(this.client);
		String chapter = api.registerChapter("MO");
		// Far enough ahead that the service's own sweep (on the real clock) leaves it
		// alone.
		Instant startsAt = Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MINUTES);
		Map<String, Object> body = ShiftApi.opportunity(chapter, "MO", false);
		body.put("shifts", List.of(ShiftApi.shift(startsAt, startsAt.plus(Duration.ofHours(2)), 3)));
		String shift = api.createOpportunity(TestTokens.staff(), body).get("shifts").get(0).get("id").asString();
		List<String> seated = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String signup = api.body(ShiftApi.expect(api.rsvp(shift, api.signUp(chapter)), 201)).get("id").asString();
			if (i < 3) {
				seated.add(signup);
			}
		}
		Clock dayBefore = Clock.fixed(startsAt.minus(Duration.ofHours(12)), ZoneOffset.UTC);
		OpportunityConfiguration.ReminderProperties properties = new OpportunityConfiguration.ReminderProperties(
				Duration.ofMinutes(1), Duration.ofHours(24));
		List<ShiftReminders> instances = List.of(
				new ShiftReminders(this.store, dayBefore, properties, new SimpleMeterRegistry()),
				new ShiftReminders(this.store, dayBefore, properties, new SimpleMeterRegistry()));
		TopicEvents events = ShiftApi.events(this.protection);

		int reminded = 0;
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService executor = Executors.newFixedThreadPool(2)) {
			List<Future<Integer>> sweeps = new ArrayList<>();
			for (ShiftReminders instance : instances) {
				sweeps.add(executor.submit(() -> {
					start.await();
					int total = 0;
					for (int i = 0; i < 5; i++) {
						total += instance.sweep();
					}
					return total;
				}));
			}
			start.countDown();
			for (Future<Integer> sweep : sweeps) {
				reminded += sweep.get();
			}
		}

		assertThat(reminded).isEqualTo(3);
		List<Event> reminders = events.awaitEvents(shift, "ShiftReminderDue", 3);
		assertThat(reminders).extracting((event) -> event.text("signupId")).containsExactlyInAnyOrderElementsOf(seated);
		assertThat(reminders).allSatisfy((event) -> assertThat(event.data().get("shift").get("startsAt").asString())
			.isEqualTo(startsAt.toString()));
		Document raw = this.mongo.findById(shift, Document.class, "shifts");
		assertThat(raw.getList("signups", Document.class)).filteredOn((signup) -> signup.get("remindedAt") != null)
			.extracting((signup) -> signup.getString("id"))
			.containsExactlyInAnyOrderElementsOf(seated);
		// Another sweep finds nothing more to remind.
		assertThat(instances.get(0).sweep()).isZero();
		events.close();
		// Each reminder published once: every raw record of the shift up to a barrier,
		// the
		// shift called off (written to the same document after the reminders).
		try (TopicEvents records = new TopicEvents(ShiftApi.TOPIC, ShiftApi.EVENT_TYPE)) {
			assertThat(api.call(HttpMethod.POST, "/api/shifts/" + shift + "/cancel", TestTokens.staff(),
					Map.of("reason", "Barrier")))
				.hasStatus(200);
			assertThat(records.awaitEventsBefore(shift, "ShiftCancelled").stream().map(Event::simpleName))
				.filteredOn("ShiftReminderDue"::equals)
				.hasSize(3);
		}
	}

}

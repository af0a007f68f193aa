package org.groundgame.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.rule.NotificationRule;
import org.groundgame.notification.rule.NotificationRules;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * National staff's own inbox: every nomination reaches it once, to review, while the
 * nominating chapter gets its acknowledgement; no chapter ever reads it. Nominations here
 * are for Wyoming's races, which no other test class uses. Staff's inbox is shared by the
 * whole test run, so these tests look only at their own events' entries.
 */
@NotificationServiceIntegrationTest
class StaffInboxIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static CloudEventProducer events;

	private final RestTestClient http;

	private final Inbox inbox;

	private final MeterRegistry meters;

	@Autowired
	StaffInboxIntegrationTests(@LocalServerPort int port, Inbox inbox, MeterRegistry meters) {
		this.http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
		this.inbox = inbox;
		this.meters = meters;
	}

	@BeforeAll
	static void connect() {
		events = new CloudEventProducer();
	}

	@AfterAll
	static void disconnect() {
		events.close();
	}

	@Test
	void redeliveredNominationReachesStaffOnceAndTheNominatingChapterOnce() {
		String chapter = "chapter-" + UUID.randomUUID();
		NominationSubmitted submitted = submitted(chapter);
		double duplicatesBefore = consumed("duplicate");

		events.nominationSubmitted(submitted);
		events.nominationSubmitted(submitted);

		await().atMost(PATIENCE).until(() -> consumed("duplicate") > duplicatesBefore);
		await().atMost(PATIENCE).until(() -> staffEntriesOf(submitted.eventId()).size() == 1);
		Map<String, Object> entry = staffEntriesOf(submitted.eventId()).get(0);
		assertThat(entry).containsEntry("recipient", "STAFF")
			.containsEntry("chapterId", null)
			.containsEntry("eventType", CloudEventProducer.NOMINATION_SUBMITTED)
			.containsEntry("title", "Nomination to review: Jane Example for State Representative (WY, District 7)")
			.containsEntry("subjectId", submitted.nominationId())
			.containsEntry("read", false);
		List<String> acknowledged = JsonPath.read(get("/api/notifications/inbox", TestTokens.chapter(chapter)),
				"$.content[?(@.eventId == '" + submitted.eventId() + "')].title");
		assertThat(acknowledged)
			.containsExactly("Nomination received: Jane Example for State Representative (WY, District 7)");
	}

	@Test
	void nominationAppliedAgainAfterItsEffectLeavesOneStaffEntry() {
		// A crash between the effect and its record as done: the entry's key keeps it
		// single.
		NominationSubmitted submitted = submitted(null);
		NotificationRule<NominationSubmitted> rule = NotificationRules.standard().of(NominationSubmitted.class);

		this.inbox.deliver(rule, submitted);
		this.inbox.deliver(rule, submitted);

		assertThat(staffEntriesOf(submitted.eventId())).singleElement()
			.satisfies((entry) -> assertThat((String) entry.get("body")).contains("an individual"));
	}

	@Test
	void aChapterNeverReadsOrChangesTheStaffInbox() {
		String chapter = "chapter-" + UUID.randomUUID();
		String token = TestTokens.chapter(chapter);
		NominationSubmitted submitted = submitted(chapter);
		this.inbox.deliver(NotificationRules.standard().of(NominationSubmitted.class), submitted);
		String staffEntry = (String) staffEntriesOf(submitted.eventId()).get(0).get("id");

		List<String> recipients = JsonPath.read(get("/api/notifications/inbox", token), "$.content[*].recipient");
		assertThat(recipients).containsExactly("CHAPTER");
		for (String staffLike : List.of("staff", "STAFF", "chapter:staff")) {
			assertThat(
					call(HttpMethod.GET, "/api/notifications/inbox?chapterId=" + staffLike, token).getStatus().value())
				.isEqualTo(403);
		}
		assertThat(call(HttpMethod.POST, "/api/notifications/inbox/" + staffEntry + "/read", token).getStatus().value())
			.isEqualTo(403);
		assertThat(call(HttpMethod.POST, "/api/notifications/inbox/read-all", token).getResponseBody())
			.isEqualTo("{\"changed\":1}");
		assertThat(staffEntriesOf(submitted.eventId()).get(0)).containsEntry("read", false);
	}

	@Test
	void staffMarkTheirOwnEntriesRead() {
		NominationSubmitted submitted = submitted(null);
		this.inbox.deliver(NotificationRules.standard().of(NominationSubmitted.class), submitted);
		String staffEntry = (String) staffEntriesOf(submitted.eventId()).get(0).get("id");

		String marked = call(HttpMethod.POST, "/api/notifications/inbox/" + staffEntry + "/read", TestTokens.staff())
			.getResponseBody();

		assertThat(JsonPath.<String>read(marked, "$.recipient")).isEqualTo("STAFF");
		assertThat(JsonPath.<Boolean>read(marked, "$.read")).isTrue();
		List<Map<String, Object>> unread = JsonPath.read(
				get("/api/notifications/inbox?read=false&size=100", TestTokens.staff()),
				"$.content[?(@.eventId == '" + submitted.eventId() + "')]");
		assertThat(unread).isEmpty();
		EntityExchangeResult<String> count = call(HttpMethod.GET, "/api/notifications/inbox/unread-count",
				TestTokens.staff());
		assertThat(count.getStatus().value()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(count.getResponseBody(), "$.unread")).isNotNegative();
	}

	private List<Map<String, Object>> staffEntriesOf(String eventId) {
		return JsonPath.read(get("/api/notifications/inbox?size=100", TestTokens.staff()),
				"$.content[?(@.eventId == '" + eventId + "')]");
	}

	private String get(String path, String token) {
		EntityExchangeResult<String> result = call(HttpMethod.GET, path, token);
		assertThat(result.getStatus().value()).isEqualTo(200);
		return result.getResponseBody();
	}

	private EntityExchangeResult<String> call(HttpMethod method, String path, String token) {
		return this.http.method(method)
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private double consumed(String outcome) {
		Counter counter = this.meters.find("groundgame.events.consumed")
			.tags("consumer", "notifications", "type", CloudEventProducer.NOMINATION_SUBMITTED, "outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static NominationSubmitted submitted(String chapter) {
		return new NominationSubmitted(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
				"nomination-" + UUID.randomUUID(), "Jane Example",
				new RaceSummary("State Representative", "STATE", "WY", "7", null, LocalDate.of(2026, 11, 3)), chapter);
	}

}

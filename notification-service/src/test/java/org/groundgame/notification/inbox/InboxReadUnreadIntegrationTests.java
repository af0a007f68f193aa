package org.groundgame.notification.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.inbox.domain.Recipient;
import org.groundgame.notification.rule.NotificationRules;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read and unread over HTTP: one entry or all of an inbox, the filter and the count, and
 * who may change what. Endorsements here are for North Dakota's races, which no other
 * test class uses; each test has chapters of its own.
 */
@NotificationServiceIntegrationTest
class InboxReadUnreadIntegrationTests {

	private final RestTestClient http;

	private final Inbox inbox;

	@Autowired
	InboxReadUnreadIntegrationTests(@LocalServerPort int port, Inbox inbox) {
		this.http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
		this.inbox = inbox;
	}

	@Test
	void aChapterMarksAnEntryReadAndUnreadAndTheFilterAndCountFollow() {
		String chapter = "chapter-" + UUID.randomUUID();
		String token = TestTokens.chapter(chapter);
		String first = deliverTo(chapter);
		String second = deliverTo(chapter);
		assertThat(unread(chapter, token)).isEqualTo(2);

		EntityExchangeResult<String> marked = call(HttpMethod.POST, "/api/notifications/inbox/" + first + "/read",
				token);

		assertThat(marked.getStatus().value()).isEqualTo(200);
		assertThat(JsonPath.<String>read(marked.getResponseBody(), "$.id")).isEqualTo(first);
		assertThat(JsonPath.<Boolean>read(marked.getResponseBody(), "$.read")).isTrue();
		assertThat(JsonPath.<String>read(marked.getResponseBody(), "$.chapterId")).isEqualTo(chapter);
		assertThat(unread(chapter, token)).isEqualTo(1);
		assertThat(ids("/api/notifications/inbox?read=false", token)).containsExactly(second);
		assertThat(ids("/api/notifications/inbox?read=true", token)).containsExactly(first);
		assertThat(ids("/api/notifications/inbox", token)).containsExactlyInAnyOrder(first, second);
		EntityExchangeResult<String> page = call(HttpMethod.GET, "/api/notifications/inbox?read=false&size=1", token);
		assertThat(JsonPath.<Integer>read(page.getResponseBody(), "$.page.totalElements")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(page.getResponseBody(), "$.page.size")).isEqualTo(1);

		EntityExchangeResult<String> unmarked = call(HttpMethod.POST, "/api/notifications/inbox/" + first + "/unread",
				token);

		assertThat(JsonPath.<Boolean>read(unmarked.getResponseBody(), "$.read")).isFalse();
		assertThat(unread(chapter, token)).isEqualTo(2);
	}

	@Test
	void markingTwiceChangesNothingMore() {
		String chapter = "chapter-" + UUID.randomUUID();
		String token = TestTokens.chapter(chapter);
		String entry = deliverTo(chapter);

		call(HttpMethod.POST, "/api/notifications/inbox/" + entry + "/read", token);
		EntityExchangeResult<String> again = call(HttpMethod.POST, "/api/notifications/inbox/" + entry + "/read",
				token);

		assertThat(again.getStatus().value()).isEqualTo(200);
		assertThat(JsonPath.<Boolean>read(again.getResponseBody(), "$.read")).isTrue();
		assertThat(unread(chapter, token)).isZero();
	}

	@Test
	void markingAllReadAnswersHowManyChanged() {
		String chapter = "chapter-" + UUID.randomUUID();
		String token = TestTokens.chapter(chapter);
		String alreadyRead = deliverTo(chapter);
		deliverTo(chapter);
		deliverTo(chapter);
		call(HttpMethod.POST, "/api/notifications/inbox/" + alreadyRead + "/read", token);
		String untouched = "chapter-" + UUID.randomUUID();
		deliverTo(untouched);

		EntityExchangeResult<String> all = call(HttpMethod.POST, "/api/notifications/inbox/read-all", token);

		assertThat(all.getStatus().value()).isEqualTo(200);
		assertThat(all.getResponseBody()).isEqualTo("{\"changed\":2}");
		assertThat(unread(chapter, token)).isZero();
		assertThat(call(HttpMethod.POST, "/api/notifications/inbox/read-all?chapterId=" + chapter, token)
			.getResponseBody()).isEqualTo("{\"changed\":0}");
		assertThat(unread(untouched, TestTokens.chapter(untouched))).isEqualTo(1);
	}

	@Test
	void staffMayMarkAChaptersEntriesAndCountThem() {
		String chapter = "chapter-" + UUID.randomUUID();
		String entry = deliverTo(chapter);
		deliverTo(chapter);

		assertThat(unread(chapter, TestTokens.staff())).isEqualTo(2);
		assertThat(call(HttpMethod.POST, "/api/notifications/inbox/" + entry + "/read", TestTokens.staff()).getStatus()
			.value()).isEqualTo(200);
		assertThat(unread(chapter, TestTokens.chapter(chapter))).isEqualTo(1);
		assertThat(call(HttpMethod.POST, "/api/notifications/inbox/read-all?chapterId=" + chapter, TestTokens.staff())
			.getResponseBody()).isEqualTo("{\"changed\":1}");
	}

	@Test
	void anotherChaptersEntryIsForbiddenAndLeftAsItWas() {
		String chapter = "chapter-" + UUID.randomUUID();
		String entry = deliverTo(chapter);
		String intruder = TestTokens.chapter("chapter-" + UUID.randomUUID());

		for (String action : List.of("read", "unread")) {
			EntityExchangeResult<String> refused = call(HttpMethod.POST,
					"/api/notifications/inbox/" + entry + "/" + action, intruder);
			assertThat(refused.getStatus().value()).isEqualTo(403);
			assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(refused.getResponseBody()).doesNotContain(chapter).doesNotContain("Endorsed");
		}
		for (String path : List.of("/api/notifications/inbox/unread-count?chapterId=",
				"/api/notifications/inbox/read-all?chapterId=")) {
			HttpMethod method = path.contains("read-all") ? HttpMethod.POST : HttpMethod.GET;
			assertThat(call(method, path + chapter, intruder).getStatus().value()).isEqualTo(403);
		}
		assertThat(unread(chapter, TestTokens.chapter(chapter))).isEqualTo(1);
	}

	@Test
	void anUnknownEntryIsANotFoundProblem() {
		for (String token : List.of(TestTokens.staff(), TestTokens.chapter("chapter-" + UUID.randomUUID()))) {
			EntityExchangeResult<String> missing = call(HttpMethod.POST,
					"/api/notifications/inbox/" + UUID.randomUUID() + "/read", token);
			assertThat(missing.getStatus().value()).isEqualTo(404);
			assertThat(missing.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(JsonPath.<Integer>read(missing.getResponseBody(), "$.status")).isEqualTo(404);
		}
	}

	@Test
	void withoutATokenNothingIsMarkedOrCounted() {
		String chapter = "chapter-" + UUID.randomUUID();
		String entry = deliverTo(chapter);

		assertThat(call(HttpMethod.POST, "/api/notifications/inbox/" + entry + "/read", null).getStatus().value())
			.isEqualTo(401);
		assertThat(call(HttpMethod.POST, "/api/notifications/inbox/read-all?chapterId=" + chapter, null).getStatus()
			.value()).isEqualTo(401);
		assertThat(call(HttpMethod.GET, "/api/notifications/inbox/unread-count?chapterId=" + chapter, null).getStatus()
			.value()).isEqualTo(401);
		assertThat(call(HttpMethod.POST, "/api/notifications/inbox/" + entry + "/read", TestTokens.token().build())
			.getStatus()
			.value()).isEqualTo(403);
		assertThat(unread(chapter, TestTokens.chapter(chapter))).isEqualTo(1);
	}

	private int unread(String chapter, String token) {
		EntityExchangeResult<String> count = call(HttpMethod.GET,
				"/api/notifications/inbox/unread-count?chapterId=" + chapter, token);
		assertThat(count.getStatus().value()).isEqualTo(200);
		return JsonPath.read(count.getResponseBody(), "$.unread");
	}

	private List<String> ids(String path, String token) {
		return JsonPath.read(call(HttpMethod.GET, path, token).getResponseBody(), "$.content[*].id");
	}

	private EntityExchangeResult<String> call(HttpMethod method, String path, String token) {
		RestTestClient.RequestBodySpec request = this.http.method(method).uri(path);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.exchange().expectBody(String.class).returnResult();
	}

	/** An endorsement the chapter nominated, in its inbox; answers the entry's id. */
	private String deliverTo(String chapter) {
		EndorsementGranted granted = new EndorsementGranted(UUID.randomUUID().toString(),
				Instant.now().truncatedTo(ChronoUnit.MILLIS), "endorsement-" + UUID.randomUUID(),
				"nomination-" + UUID.randomUUID(), "Jane Example",
				new RaceSummary("State Senator", "STATE", "ND", "12", null, LocalDate.of(2026, 11, 3)), chapter, false);
		this.inbox.deliver(NotificationRules.standard().of(EndorsementGranted.class), granted);
		return this.inbox.entriesOf(Recipient.chapter(chapter), null, 0, 100)
			.stream()
			.filter((entry) -> entry.eventId().equals(granted.eventId()))
			.findFirst()
			.orElseThrow()
			.id();
	}

}

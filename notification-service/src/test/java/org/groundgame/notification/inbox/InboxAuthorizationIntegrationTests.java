package org.groundgame.notification.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.inbox.domain.Recipient;
import org.groundgame.notification.rule.NotificationRules;
import org.groundgame.test.security.Credential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient.RequestHeadersSpec;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read which inbox, asked of the service itself rather than of the gateway in
 * front of it: every endpoint for every kind of caller, with the status each gets, and
 * never an entry of another chapter. The chapter at stake has two entries, the other
 * chapter one.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class InboxAuthorizationIntegrationTests {

	private static final List<String> ENDPOINTS = List.of("/api/notifications/inbox?chapterId={chapter}",
			"/api/notifications/inbox", "/api/notifications/inbox/unread-count",
			"/api/notifications/stream?chapterId={chapter}");

	private final RestTestClient http;

	private final Inbox inbox;

	/** The chapter whose inbox is at stake: OWN_CHAPTER is its token. */
	private final String chapter = "chapter-" + UUID.randomUUID();

	/** OTHER_CHAPTER's own inbox. */
	private final String other = Credential.otherChapter(this.chapter);

	private final List<String> entriesOfTheChapter = new ArrayList<>();

	private final List<String> entriesOfTheOther = new ArrayList<>();

	@Autowired
	InboxAuthorizationIntegrationTests(@LocalServerPort int port, Inbox inbox) {
		this.http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
		this.inbox = inbox;
	}

	@BeforeAll
	void deliverToBothChapters() {
		this.entriesOfTheChapter.add(nominatedBy(this.chapter));
		this.entriesOfTheChapter.add(nominatedBy(this.chapter));
		this.entriesOfTheOther.add(nominatedBy(this.other));
	}

	@ParameterizedTest(name = "{0} as {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/notifications/inbox?chapterId={chapter} | ANONYMOUS      | 401
			/api/notifications/inbox?chapterId={chapter} | STAFF          | 200
			/api/notifications/inbox?chapterId={chapter} | OWN_CHAPTER    | 200
			/api/notifications/inbox?chapterId={chapter} | OTHER_CHAPTER  | 403
			/api/notifications/inbox?chapterId={chapter} | NO_ROLE        | 403
			/api/notifications/inbox?chapterId={chapter} | TRAINING_STAFF | 403
			/api/notifications/inbox                     | ANONYMOUS      | 401
			/api/notifications/inbox                     | STAFF          | 200
			/api/notifications/inbox                     | OWN_CHAPTER    | 200
			/api/notifications/inbox                     | OTHER_CHAPTER  | 200
			/api/notifications/inbox                     | NO_ROLE        | 403
			/api/notifications/inbox                     | TRAINING_STAFF | 403
			""")
	void eachCallerGetsWhatItsRoleAllows(String path, Credential caller, int status) {
		EntityExchangeResult<String> response = get(path, caller);

		assertThat(response.getStatus().value()).isEqualTo(status);
		if (status >= 400) {
			assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		}
		else if (caller == Credential.STAFF && !path.contains("chapterId")) {
			// Staff's own inbox: every nomination, to review, and no chapter's entries.
			List<String> recipients = JsonPath.read(response.getResponseBody(), "$.content[*].recipient");
			assertThat(recipients).isNotEmpty().containsOnly("STAFF");
		}
		else {
			String reading = (caller == Credential.OTHER_CHAPTER) ? this.other : this.chapter;
			List<String> chapterIds = JsonPath.read(response.getResponseBody(), "$.content[*].chapterId");
			assertThat(chapterIds).isNotEmpty().containsOnly(reading);
		}
	}

	@ParameterizedTest(name = "{0} {1} as {2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			GET  | /api/notifications/inbox/unread-count?chapterId={chapter} | ANONYMOUS      | 401
			GET  | /api/notifications/inbox/unread-count?chapterId={chapter} | STAFF          | 200
			GET  | /api/notifications/inbox/unread-count?chapterId={chapter} | OWN_CHAPTER    | 200
			GET  | /api/notifications/inbox/unread-count?chapterId={chapter} | OTHER_CHAPTER  | 403
			GET  | /api/notifications/inbox/unread-count?chapterId={chapter} | NO_ROLE        | 403
			GET  | /api/notifications/inbox/unread-count?chapterId={chapter} | TRAINING_STAFF | 403
			GET  | /api/notifications/inbox/unread-count                     | STAFF          | 200
			GET  | /api/notifications/inbox/unread-count                     | OWN_CHAPTER    | 200
			GET  | /api/notifications/inbox/unread-count                     | TRAINING_STAFF | 403
			POST | /api/notifications/inbox/read-all?chapterId={other}       | ANONYMOUS      | 401
			POST | /api/notifications/inbox/read-all?chapterId={other}       | OWN_CHAPTER    | 403
			POST | /api/notifications/inbox/read-all?chapterId={other}       | NO_ROLE        | 403
			POST | /api/notifications/inbox/read-all?chapterId={other}       | TRAINING_STAFF | 403
			POST | /api/notifications/inbox/{entry}/unread                   | ANONYMOUS      | 401
			POST | /api/notifications/inbox/{entry}/unread                   | STAFF          | 200
			POST | /api/notifications/inbox/{entry}/unread                   | OWN_CHAPTER    | 200
			POST | /api/notifications/inbox/{entry}/unread                   | OTHER_CHAPTER  | 403
			POST | /api/notifications/inbox/{entry}/unread                   | NO_ROLE        | 403
			POST | /api/notifications/inbox/{entry}/unread                   | TRAINING_STAFF | 403
			GET  | /api/notifications/stream?chapterId={chapter}             | ANONYMOUS      | 401
			GET  | /api/notifications/stream?chapterId={chapter}             | OTHER_CHAPTER  | 403
			GET  | /api/notifications/stream?chapterId={chapter}             | NO_ROLE        | 403
			GET  | /api/notifications/stream?chapterId={chapter}             | TRAINING_STAFF | 403
			""")
	void readingAndMarkingFollowTheSameRules(String method, String path, Credential caller, int status) {
		String entry = this.inbox.entriesOf(Recipient.chapter(this.chapter), null, 0, 1).getContent().get(0).id();
		RequestHeadersSpec<?> request = this.http.method(HttpMethod.valueOf(method))
			.uri(path.replace("{chapter}", this.chapter).replace("{other}", this.other).replace("{entry}", entry));
		String token = caller.token(this.chapter);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		EntityExchangeResult<String> response = request.exchange().expectBody(String.class).returnResult();

		assertThat(response.getStatus().value()).isEqualTo(status);
		if (status >= 400) {
			assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getResponseBody()).doesNotContain(this.entriesOfTheChapter);
		}
	}

	static Stream<Arguments> everyEndpointWithEveryRefusedToken() {
		return ENDPOINTS.stream()
			.flatMap((endpoint) -> Credential.REFUSED.stream().map((token) -> Arguments.of(endpoint, token)));
	}

	@ParameterizedTest(name = "{0} with {1}: 401")
	@MethodSource("everyEndpointWithEveryRefusedToken")
	void aBadTokenIsRefused(String path, Credential token) {
		EntityExchangeResult<String> response = get(path, token);

		assertThat(response.getStatus().value()).isEqualTo(401);
		assertThat(response.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		assertThat(response.getResponseBody()).doesNotContain(this.entriesOfTheChapter)
			.doesNotContain(this.entriesOfTheOther);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			/api/notifications/inbox
			/api/notifications/inbox?chapterId={other}
			/api/notifications/inbox?chapterId={chapter}
			/api/notifications/inbox?chapterId={other}&chapterId={chapter}
			/api/notifications/inbox?chapterId={chapter}&chapterId={other}
			'/api/notifications/inbox?chapterId= {chapter}'
			'/api/notifications/inbox?chapterId={chapter} '
			/api/notifications/inbox?chapterId={chapter}&page=0&size=100
			""")
	void aChapterNeverSeesAnotherChaptersEntries(String path) {
		EntityExchangeResult<String> response = get(path, Credential.OTHER_CHAPTER);

		assertThat(response.getResponseBody()).doesNotContain(this.chapter).doesNotContain(this.entriesOfTheChapter);
		if (response.getStatus().is2xxSuccessful()) {
			List<String> eventIds = JsonPath.read(response.getResponseBody(), "$.content[*].eventId");
			assertThat(eventIds).containsExactlyElementsOf(this.entriesOfTheOther);
		}
		else {
			assertThat(response.getStatus().value()).isEqualTo(403);
		}
	}

	@Test
	void staffReadEveryChaptersInboxOneAtATime() {
		EntityExchangeResult<String> chapter = get("/api/notifications/inbox?chapterId={chapter}", Credential.STAFF);
		EntityExchangeResult<String> other = get("/api/notifications/inbox?chapterId={other}", Credential.STAFF);

		assertThat(JsonPath.<List<String>>read(chapter.getResponseBody(), "$.content[*].eventId"))
			.containsExactlyInAnyOrderElementsOf(this.entriesOfTheChapter);
		assertThat(JsonPath.<List<String>>read(other.getResponseBody(), "$.content[*].eventId"))
			.containsExactlyElementsOf(this.entriesOfTheOther);
	}

	private EntityExchangeResult<String> get(String path, Credential caller) {
		RequestHeadersSpec<?> request = this.http.get()
			.uri(path.replace("{chapter}", this.chapter).replace("{other}", this.other));
		String token = caller.token(this.chapter);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.exchange().expectBody(String.class).returnResult();
	}

	/** A nomination by the chapter, acknowledged in its inbox; answers the event's id. */
	private String nominatedBy(String chapterId) {
		NominationSubmitted submitted = new NominationSubmitted(UUID.randomUUID().toString(),
				Instant.now().truncatedTo(ChronoUnit.MILLIS), "nomination-" + UUID.randomUUID(), "Jane Example",
				new RaceSummary("State Representative", "STATE", "MO", "80", null, LocalDate.of(2026, 11, 3)),
				chapterId);
		this.inbox.deliver(NotificationRules.standard().of(NominationSubmitted.class), submitted);
		return submitted.eventId();
	}

}

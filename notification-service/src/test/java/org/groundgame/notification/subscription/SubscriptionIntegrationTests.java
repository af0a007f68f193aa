package org.groundgame.notification.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.test.security.Credential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
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
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestBodySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Chapters' subscriptions over HTTP, against the real store: defaults, changes, the
 * webhook secret shown once, invalid input, and who may read and change which chapter's
 * subscription. The chapters are registered in Rhode Island, where no other test class
 * registers any, and no subscription here follows a state another test class targets.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class SubscriptionIntegrationTests {

	private static final String PATH = "/api/notifications/subscriptions/{chapterId}";

	private static final String VALID = """
			{"topics":["ENDORSEMENTS","OUTCOMES"],"states":["me"],"email":"alerts@providence.example",
			 "inbox":true}
			""";

	private final RestTestClient http;

	private final Chapters chapters;

	/** The chapter whose subscription is at stake in the authorization tests. */
	private final String chapter = "chapter-" + UUID.randomUUID();

	private final String fresh = "chapter-" + UUID.randomUUID();

	private final String roundTrip = "chapter-" + UUID.randomUUID();

	private final String invalid = "chapter-" + UUID.randomUUID();

	@Autowired
	SubscriptionIntegrationTests(@LocalServerPort int port, Chapters chapters) {
		this.http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
		this.chapters = chapters;
	}

	@BeforeAll
	void registerChapters() {
		List<String> ids = List.of(this.chapter, this.fresh, this.roundTrip, this.invalid);
		try (CloudEventProducer events = new CloudEventProducer()) {
			ids.forEach((id) -> events.chapterRegistered(
					new ChapterRegistered(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
							id, "Providence Progressives", "RI", "Providence", "organizers@" + id + ".example")));
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> ids.forEach((id) -> assertThat(this.chapters.byId(id)).isPresent()));
	}

	@Test
	void chapterThatNeverChoseHearsOfEverythingInItsInboxAndAtItsContactAddress() {
		EntityExchangeResult<String> response = exchange(HttpMethod.GET, this.fresh, Credential.OWN_CHAPTER, null);

		assertThat(response.getStatus().value()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(response.getResponseBody(), "$.topics")).containsExactly("NOMINATIONS",
				"ENDORSEMENTS", "OUTCOMES", "VOLUNTEERS", "TRAINING");
		assertThat(JsonPath.<List<String>>read(response.getResponseBody(), "$.states")).isEmpty();
		assertThat(JsonPath.<String>read(response.getResponseBody(), "$.email"))
			.isEqualTo("organizers@" + this.fresh + ".example");
		assertThat(JsonPath.<Object>read(response.getResponseBody(), "$.webhook")).isNull();
		assertThat(JsonPath.<Boolean>read(response.getResponseBody(), "$.inbox")).isTrue();
	}

	@Test
	void changedSubscriptionIsReadBackAndTheWebhookSecretIsShownOnce() {
		EntityExchangeResult<String> put = exchange(HttpMethod.PUT, this.roundTrip, Credential.OWN_CHAPTER, """
				{"topics":["OUTCOMES","ENDORSEMENTS","OUTCOMES"],"states":["ME","vt"],
				 "email":"alerts@providence.example","webhook":{"url":"https://hooks.providence.example/in"},
				 "inbox":false}
				""");
		assertThat(put.getStatus().value()).isEqualTo(200);
		String secret = JsonPath.read(put.getResponseBody(), "$.webhook.secret");
		assertThat(secret).startsWith("whsec_");

		String read = exchange(HttpMethod.GET, this.roundTrip, Credential.STAFF, null).getResponseBody();
		assertThat(JsonPath.<List<String>>read(read, "$.topics")).containsExactly("ENDORSEMENTS", "OUTCOMES");
		assertThat(JsonPath.<List<String>>read(read, "$.states")).containsExactly("ME", "VT");
		assertThat(JsonPath.<String>read(read, "$.email")).isEqualTo("alerts@providence.example");
		assertThat(JsonPath.<String>read(read, "$.webhook.url")).isEqualTo("https://hooks.providence.example/in");
		assertThat(JsonPath.<Boolean>read(read, "$.inbox")).isFalse();
		assertThat(read).doesNotContain("secret").doesNotContain(secret);

		String same = exchange(HttpMethod.PUT, this.roundTrip, Credential.OWN_CHAPTER, """
				{"topics":["ENDORSEMENTS"],"webhook":{"url":"https://hooks.providence.example/in"},"inbox":true}
				""").getResponseBody();
		assertThat(same).doesNotContain("secret");
		String moved = exchange(HttpMethod.PUT, this.roundTrip, Credential.OWN_CHAPTER, """
				{"topics":["ENDORSEMENTS"],"webhook":{"url":"https://hooks.providence.example/v2"},"inbox":true}
				""").getResponseBody();
		assertThat(JsonPath.<String>read(moved, "$.webhook.secret")).startsWith("whsec_").isNotEqualTo(secret);
	}

	@Test
	void invalidSubscriptionIsAProblemNamingEveryFieldAndNothingIsStored() {
		exchange(HttpMethod.PUT, this.invalid, Credential.OWN_CHAPTER, VALID);
		String before = exchange(HttpMethod.GET, this.invalid, Credential.OWN_CHAPTER, null).getResponseBody();

		EntityExchangeResult<String> response = exchange(HttpMethod.PUT, this.invalid, Credential.OWN_CHAPTER, """
				{"topics":["ENDORSEMENTS","OUTCOMES","GOSSIP"],"states":["ME","XX"],"email":"not an address",
				 "webhook":{"url":"http://192.168.1.20/in"},"inbox":true}
				""");

		assertThat(response.getStatus().value()).isEqualTo(400);
		assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(JsonPath.<List<String>>read(response.getResponseBody(), "$.errors[*].field"))
			.containsExactly("topics[2]", "states[1]", "email", "webhook.url");
		assertThat(exchange(HttpMethod.GET, this.invalid, Credential.OWN_CHAPTER, null).getResponseBody())
			.isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			{"topics":["ENDORSEMENTS"],"webhook":{"url":"http://10.0.0.8:9000/in"},"inbox":true}    | webhook.url
			{"topics":["ENDORSEMENTS"],"webhook":{"url":"http://[fe80::1]/in"},"inbox":true}        | webhook.url
			{"topics":["ENDORSEMENTS"],"webhook":{"url":"http://169.254.169.254/in"},"inbox":true}  | webhook.url
			{"topics":["ENDORSEMENTS","BOGUS"],"digestTopics":["ENDORSEMENTS"],"inbox":true}         | topics[1]
			{"topics":["ENDORSEMENTS"],"digestTopics":["VOLUNTEERS"],"inbox":true}                   | digestTopics[0]
			{"topics":["ENDORSEMENTS"],"webhook":{"url":"not a url"},"inbox":true}                  | webhook.url
			{"topics":["ENDORSEMENTS"],"webhook":{},"inbox":true}                                   | webhook.url
			{"topics":["endorse"],"inbox":true}                                                      | topics[0]
			{"inbox":true}                                                                           | topics
			{"topics":[]}                                                                            | inbox
			""")
	void eachInvalidFieldIsNamed(String body, String field) {
		String before = exchange(HttpMethod.GET, this.invalid, Credential.STAFF, null).getResponseBody();

		EntityExchangeResult<String> response = exchange(HttpMethod.PUT, this.invalid, Credential.STAFF, body);

		assertThat(response.getStatus().value()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(response.getResponseBody(), "$.errors[*].field")).containsExactly(field);
		assertThat(exchange(HttpMethod.GET, this.invalid, Credential.STAFF, null).getResponseBody()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} as {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			GET | ANONYMOUS      | 401
			GET | STAFF          | 200
			GET | OWN_CHAPTER    | 200
			GET | OTHER_CHAPTER  | 403
			GET | NO_ROLE        | 403
			GET | TRAINING_STAFF | 403
			PUT | ANONYMOUS      | 401
			PUT | STAFF          | 200
			PUT | OWN_CHAPTER    | 200
			PUT | OTHER_CHAPTER  | 403
			PUT | NO_ROLE        | 403
			PUT | TRAINING_STAFF | 403
			""")
	void eachCallerGetsWhatItsRoleAllows(HttpMethod method, Credential caller, int status) {
		EntityExchangeResult<String> response = exchange(method, this.chapter, caller, VALID);

		assertThat(response.getStatus().value()).isEqualTo(status);
		if (status >= 400) {
			assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getResponseBody()).doesNotContain("organizers@").doesNotContain("alerts@");
		}
		else {
			assertThat(JsonPath.<String>read(response.getResponseBody(), "$.chapterId")).isEqualTo(this.chapter);
		}
	}

	@Test
	void aChapterCannotChangeAnotherChaptersSubscription() {
		exchange(HttpMethod.PUT, this.chapter, Credential.OWN_CHAPTER, VALID);
		String before = exchange(HttpMethod.GET, this.chapter, Credential.STAFF, null).getResponseBody();

		EntityExchangeResult<String> response = exchange(HttpMethod.PUT, this.chapter, Credential.OTHER_CHAPTER, """
				{"topics":[],"email":"attacker@evil.example","webhook":{"url":"https://evil.example/in"},"inbox":false}
				""");

		assertThat(response.getStatus().value()).isEqualTo(403);
		assertThat(exchange(HttpMethod.GET, this.chapter, Credential.STAFF, null).getResponseBody()).isEqualTo(before);
	}

	static Stream<Arguments> everyMethodWithEveryRefusedToken() {
		return Stream.of(HttpMethod.GET, HttpMethod.PUT)
			.flatMap((method) -> Credential.REFUSED.stream().map((token) -> Arguments.of(method, token)));
	}

	@ParameterizedTest(name = "{0} with {1}: 401")
	@MethodSource("everyMethodWithEveryRefusedToken")
	void aBadTokenIsRefused(HttpMethod method, Credential token) {
		EntityExchangeResult<String> response = exchange(method, this.chapter, token, VALID);

		assertThat(response.getStatus().value()).isEqualTo(401);
		assertThat(response.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
	}

	@ParameterizedTest(name = "{0} as {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			GET | STAFF          | 404
			GET | OWN_CHAPTER    | 404
			GET | OTHER_CHAPTER  | 403
			GET | TRAINING_STAFF | 403
			PUT | STAFF          | 404
			PUT | OWN_CHAPTER    | 404
			PUT | OTHER_CHAPTER  | 403
			PUT | TRAINING_STAFF | 403
			""")
	void unknownChapterHasNoSubscription(HttpMethod method, Credential caller, int status) {
		String unknown = "chapter-" + UUID.randomUUID();

		EntityExchangeResult<String> response = exchange(method, unknown, caller, VALID);

		assertThat(response.getStatus().value()).isEqualTo(status);
		assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(exchange(HttpMethod.GET, unknown, Credential.STAFF, null).getStatus().value()).isEqualTo(404);
	}

	/**
	 * @param chapterId the chapter in the path; {@link Credential#OWN_CHAPTER} is its
	 * token
	 */
	private EntityExchangeResult<String> exchange(HttpMethod method, String chapterId, Credential caller, String body) {
		RequestBodySpec request = this.http.method(method).uri(PATH, chapterId);
		String token = caller.token(chapterId);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (method == HttpMethod.PUT) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange().expectBody(String.class).returnResult();
	}

}

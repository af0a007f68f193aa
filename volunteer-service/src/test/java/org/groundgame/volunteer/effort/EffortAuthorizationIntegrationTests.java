package org.groundgame.volunteer.effort;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.groundgame.test.security.Credential;
import org.groundgame.volunteer.VolunteerServiceIntegrationTest;
import org.groundgame.volunteer.hours.Organizers;
import org.groundgame.volunteer.hours.StoredShifts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestHeadersSpec;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read the effort behind an endorsement, asked of the service itself: every
 * endpoint for every kind of caller, on an endorsement the chapter at stake
 * ({@code OWN_CHAPTER}) and another chapter ({@code OTHER_CHAPTER}) both worked on; and
 * the attack: a chapter that names the other's endorsement, or asks for it in every way
 * the API takes, still reads its own part only.
 */
@VolunteerServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class EffortAuthorizationIntegrationTests {

	private static final List<String> ENDPOINTS = List.of("/api/opportunities/effort?endorsementId={endorsement}",
			"/api/opportunities/effort/endorsements");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	private final String endorsement = "endorsement-" + UUID.randomUUID();

	private String chapter;

	@BeforeAll
	void twoChaptersWorkedOnTheEndorsement() {
		this.chapter = new Organizers(this.client).chapter("Effort Authorization", "MO");
		StoredShifts stored = new StoredShifts(this.mongo);
		Instant startsAt = Instant.parse("2026-10-01T16:00:00Z");
		stored.shift(stored.opportunity("OPEN", this.chapter, "Phone bank", null), startsAt, Duration.ofHours(2))
			.race("race", this.endorsement)
			.set("chapterId", this.chapter)
			.signup("volunteer-of-own", this.chapter, "ATTENDED", 2.0)
			.store();
		String other = Credential.otherChapter(this.chapter);
		stored.shift(stored.opportunity("OPEN", other, "Canvass", null), startsAt, Duration.ofHours(2))
			.race("race", this.endorsement)
			.set("chapterId", other)
			.set("type", "CANVASS")
			.signup("volunteer-of-other", other, "ATTENDED", 5.0)
			.store();
	}

	@ParameterizedTest(name = "GET {0} as {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/opportunities/effort?endorsementId={endorsement}   | ANONYMOUS      | 401
			/api/opportunities/effort?endorsementId={endorsement}   | STAFF          | 200
			/api/opportunities/effort?endorsementId={endorsement}   | OWN_CHAPTER    | 200
			/api/opportunities/effort?endorsementId={endorsement}   | OTHER_CHAPTER  | 200
			/api/opportunities/effort?endorsementId={endorsement}   | NO_ROLE        | 403
			/api/opportunities/effort?endorsementId={endorsement}   | TRAINING_STAFF | 403
			/api/opportunities/effort                               | ANONYMOUS      | 401
			/api/opportunities/effort                               | TRAINING_STAFF | 403
			/api/opportunities/effort                               | STAFF          | 400
			/api/opportunities/effort/endorsements                  | ANONYMOUS      | 401
			/api/opportunities/effort/endorsements                  | STAFF          | 200
			/api/opportunities/effort/endorsements                  | OWN_CHAPTER    | 200
			/api/opportunities/effort/endorsements                  | OTHER_CHAPTER  | 200
			/api/opportunities/effort/endorsements                  | NO_ROLE        | 403
			/api/opportunities/effort/endorsements                  | TRAINING_STAFF | 403
			""")
	void eachCallerGetsWhatItsRoleAllows(String path, Credential caller, int status) {
		RestTestClientResponse response = get(path, caller);

		assertThat(response).hasStatus(status);
		if (status >= 400) {
			assertThat(response).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	static Stream<Arguments> everyEndpointWithEveryRefusedToken() {
		return ENDPOINTS.stream()
			.flatMap((endpoint) -> Credential.REFUSED.stream().map((token) -> Arguments.of(endpoint, token)));
	}

	@ParameterizedTest(name = "GET {0} with {1}: 401")
	@MethodSource("everyEndpointWithEveryRefusedToken")
	void aBadTokenIsRefused(String path, Credential token) {
		assertThat(get(path, token)).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aChapterReadsItsOwnPartOnlyHoweverItAsks() {
		String other = Credential.otherChapter(this.chapter);
		List<String> attempts = List.of("/api/opportunities/effort?endorsementId={endorsement}",
				"/api/opportunities/effort?endorsementId={endorsement}&chapterId=" + other,
				"/api/opportunities/effort?endorsementId={endorsement}&endorsementId={endorsement}",
				"/api/opportunities/effort/endorsements", "/api/opportunities/effort/endorsements?chapterId=" + other,
				"/api/opportunities/effort/endorsements?endorsementId={endorsement}");

		for (String attempt : attempts) {
			RestTestClientResponse response = get(attempt, Credential.OWN_CHAPTER);
			assertThat(response).as(attempt).hasStatus(200);
			String body = new String(response.getExchangeResult().getResponseBodyContent(),
					java.nio.charset.StandardCharsets.UTF_8);
			assertThat(body).as(attempt)
				.doesNotContain(other)
				.doesNotContain("CANVASS")
				.doesNotContain("5.0")
				.doesNotContain("7.0");
		}
		JsonNode own = this.json.readTree(
				get("/api/opportunities/effort?endorsementId={endorsement}", Credential.OWN_CHAPTER).getExchangeResult()
					.getResponseBodyContent());
		assertThat(own.get("totals").get("hours").asDouble()).isEqualTo(2.0);
		assertThat(own.get("chapters").get(0).get("chapterId").asString()).isEqualTo(this.chapter);
		JsonNode staff = this.json
			.readTree(get("/api/opportunities/effort?endorsementId={endorsement}", Credential.STAFF).getExchangeResult()
				.getResponseBodyContent());
		assertThat(staff.get("totals").get("hours").asDouble()).as("the control: both parts are there").isEqualTo(7.0);
	}

	private RestTestClientResponse get(String path, Credential caller) {
		RequestHeadersSpec<?> request = this.client.get().uri(path.replace("{endorsement}", this.endorsement));
		String token = caller.token(this.chapter);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return RestTestClientResponse.from(request.exchange());
	}

}

package org.groundgame.gateway.security;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.groundgame.gateway.GatewayClient;
import org.groundgame.gateway.GatewayTestConfiguration;
import org.groundgame.gateway.StubService;
import org.groundgame.gateway.TestBackends;
import org.groundgame.security.ProblemResponses;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bearer token is checked at the gateway, before any service is called: the public
 * endpoints need none, everything else under {@code /api} a valid one, and a token that
 * is presented must be valid even on a public endpoint.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(GatewayTestConfiguration.class)
class TokenAtTheEdgeTests {

	private final CircuitBreakerRegistry circuitBreakers;

	private final GatewayClient gateway;

	@Autowired
	TokenAtTheEdgeTests(@LocalServerPort int port, CircuitBreakerRegistry circuitBreakers) {
		this.circuitBreakers = circuitBreakers;
		this.gateway = new GatewayClient(port);
	}

	@BeforeEach
	void forgetEarlierRequests() {
		TestBackends.reset(this.circuitBreakers);
	}

	@ParameterizedTest
	@CsvSource({ "GET, /api/chapters, volunteer", "GET, /api/chapters/c-1, volunteer",
			"POST, /api/nominations, endorsement", "POST, /api/slates, endorsement",
			"GET, /api/endorsements, endorsement", "GET, /api/endorsements/e-1, endorsement",
			"GET, /api/races, endorsement", "GET, /api/races/r-1, endorsement",
			"GET, /api/endorsements/results, endorsement", "GET, /questionnaire, web", "GET, /, web",
			"GET, /candidates/e-1, web", "POST, /opportunities/o-1/rsvp, web",
			"GET, /webjars/htmx.org/dist/htmx.min.js, web", "POST, /volunteers/v-1/key, web",
			"POST, /api/volunteers, volunteer", "POST, /api/volunteers/confirmations, volunteer",
			"GET, /api/opportunities, volunteer", "GET, /api/opportunities/o-1, volunteer",
			"GET, /api/opportunities/o-1/calendar.ics, volunteer", "POST, /api/shifts/s-1/signups, volunteer",
			"DELETE, /api/shifts/s-1/signups/u-1, volunteer", "POST, /api/shifts/s-1/rsvps, volunteer",
			"GET, /api/volunteers/v-1/shifts, volunteer", "DELETE, /api/volunteers/confirmations, volunteer",
			"POST, /api/shifts/s-1/signups/u-1/confirm, volunteer", "GET, /api/shifts/s-1, volunteer",
			"GET, /api/volunteers/v-1/calendar.ics, volunteer", "GET, /api/leaderboards/chapters, volunteer",
			"HEAD, /api/volunteers/v-1/calendar.ics, volunteer", "HEAD, /api/opportunities/o-1/calendar.ics, volunteer",
			"POST, /oauth2/token, identity", "GET, /.well-known/openid-configuration, identity",
			"GET, /.well-known/oauth-authorization-server, identity", "GET, /oauth2/jwks, identity",
			"GET, /login, identity", "POST, /login, identity", "GET, /logout, identity",
			"GET, /api/notifications/preferences, notification", "PUT, /api/notifications/preferences, notification",
			"POST, /api/notifications/unsubscribe, notification" })
	void publicEndpointReachesItsServiceWithoutAToken(String method, String path, String service) throws Exception {
		HttpResponse<String> response = this.gateway.send(method, path, "{}", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Served-By")).hasValue(service + "-service");
	}

	@ParameterizedTest
	@CsvSource({ "POST, /api/chapters", "GET, /api/nominations", "GET, /api/nominations/n-1",
			"POST, /api/nominations/n-1/decision", "POST, /api/nominations/n-1/withdraw",
			"PUT, /api/nominations/n-1/research", "GET, /api/slates/s-1", "PUT, /api/questionnaires/2026",
			"POST, /api/endorsements/e-1/rescind", "POST, /api/endorsements/e-1/outcome", "GET, /api/volunteers",
			"DELETE, /api/volunteers/v-1", "POST, /api/opportunities", "GET, /api/shifts/s-1/signups",
			"POST, /api/shifts/s-1/signups/u-1/attendance", "GET, /api/leaderboards/volunteers",
			"GET, /api/volunteers/v-1/hours", "POST, /api/opportunities/o-1/shifts",
			"POST, /api/opportunities/o-1/publish", "PUT, /api/shifts/s-1/capacity", "PUT, /api/chapters/c-1",
			"POST, /api/training/cohorts", "PUT, /api/training/cohorts/k-1/capacity",
			"PUT, /api/training/cohorts/k-1/sessions/1/attendance", "POST, /api/training/cohorts/k-1/completion",
			"GET, /api/training/cohorts/k-1/enrollments", "POST, /api/training/enrollments/e-1/enroll",
			"GET, /api/training/pipeline", "GET, /api/notifications/inbox", "PUT, /api/notifications/subscriptions/c-1",
			"DELETE, /api/notifications/preferences", "POST, /api/notifications/preferences",
			"GET, /api/notifications/unsubscribe", "DELETE, /api/notifications/unsubscribe", "POST, /api/clients",
			"POST, /api/signing-keys/rotation", "GET, /api/unheard-of" })
	void protectedEndpointWithoutATokenIsA401ProblemAndNoServiceIsCalled(String method, String path) throws Exception {
		HttpResponse<String> response = this.gateway.send(method, path, "{}", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		assertThat(GatewayClient.json(response)).containsEntry("type", ProblemResponses.UNAUTHORIZED.toString())
			.containsEntry("status", 401)
			.containsEntry("instance", path);
		assertNoServiceCalled();
	}

	@ParameterizedTest
	@CsvSource({ "GET, /api/training/cohorts/k-1", "POST, /api/training/cohort-alerts",
			"GET, /api/training/cohort-alerts", "DELETE, /api/training/cohort-alerts" })
	void aCohortAndTheCohortAlertsReachTheServiceWithoutAToken(String method, String path) throws Exception {
		HttpResponse<String> response = this.gateway.send(method, path, "{}", null);

		// campaign-training-service drops connections in these tests: reached, not
		// refused.
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(TestBackends.campaignTraining.connections()).isPositive();
	}

	@ParameterizedTest
	@CsvSource({ "GET, /api/training/enrollments/e-1", "DELETE, /api/training/enrollments/e-1",
			"POST, /api/training/enrollments/e-1/withdraw", "POST, /api/training/enrollments/e-1/accept-offer",
			"POST, /api/training/enrollments/e-1/decline-offer" })
	void enrollmentIsManagedWithItsOwnTokenWhichTheServiceChecks(String method, String path) throws Exception {
		HttpResponse<String> response = this.gateway.send(this.gateway.request(path)
			.header("X-Manage-Token", "m-1")
			.method(method, java.net.http.HttpRequest.BodyPublishers.noBody()));

		// campaign-training-service drops connections in these tests: reached, not
		// refused.
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(TestBackends.campaignTraining.connections()).isPositive();
	}

	@ParameterizedTest
	@CsvSource({ "GET, /training/enrollments/e-1", "POST, /training/enrollments/e-1/key", "GET, /volunteers/v-1",
			"GET, /email-preferences", "POST, /join", "GET, /css/site.css" })
	void theSitesPagesReachTheWebModuleWithoutAToken(String method, String path) throws Exception {
		HttpResponse<String> response = this.gateway.send(method, path, "token=t-1", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Served-By")).hasValue("web-service");
		assertThat(TestBackends.campaignTraining.connections()).isZero();
	}

	@ParameterizedTest
	@CsvSource({ "DELETE, /volunteers/v-1", "PUT, /candidates/e-1", "GET, /nowhere" })
	void nothingButReadingAndPostingFormsReachesTheSiteAndNoOtherPathReachesItAtAll(String method, String path)
			throws Exception {
		HttpResponse<String> response = this.gateway.send(method, path, "{}", null);

		assertThat(response.statusCode()).isIn(401, 404, 405);
		assertThat(TestBackends.web.receivedRequests()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "GET", "PUT" })
	void candidateAnswersTheQuestionnaireWithTheTokenOfTheirLinkWhichTheServiceChecks(String method) throws Exception {
		HttpResponse<String> response = this.gateway.send(this.gateway.request("/api/questionnaire")
			.header("X-Questionnaire-Token", "q-1")
			.header("Content-Type", "application/json")
			.method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Served-By")).hasValue("endorsement-service");
	}

	@ParameterizedTest
	@MethodSource("badTokens")
	void badTokenIsA401OnProtectedAndPublicEndpointsAlikeAndNoServiceIsCalled(String token) throws Exception {
		for (String[] call : new String[][] { { "GET", "/api/nominations" }, { "GET", "/api/chapters" },
				{ "POST", "/api/volunteers" } }) {
			HttpResponse<String> response = this.gateway.send(call[0], call[1], "{}", token);

			assertThat(response.statusCode()).as(call[0] + " " + call[1]).isEqualTo(401);
			assertThat(GatewayClient.json(response)).containsEntry("type", ProblemResponses.UNAUTHORIZED.toString());
			assertThat(response.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((challenge) -> assertThat(challenge).contains("invalid_token"));
		}
		assertNoServiceCalled();
	}

	static Stream<Arguments> badTokens() {
		return Stream.of(Arguments.of(Named.of("expired", TestTokens.token().roles("STAFF").expired().build())),
				Arguments.of(Named.of("signed with another key",
						TestTokens.token().roles("STAFF").signedWithAnotherKey().build())),
				Arguments.of(Named.of("alg none", TestTokens.unsigned())),
				Arguments.of(Named.of("another issuer",
						TestTokens.token().roles("STAFF").issuer("https://issuer.example.org").build())),
				Arguments.of(Named.of("another audience", TestTokens.token().roles("STAFF").audience("other").build())),
				Arguments.of(Named.of("not a token", "not-a-jwt")));
	}

	@ParameterizedTest
	@MethodSource("validTokens")
	void validTokenReachesTheServiceWithItsAuthorizationHeaderIntact(String token) throws Exception {
		HttpResponse<String> response = this.gateway.send("POST", "/api/nominations/n-1/decision",
				"{\"decision\":\"ENDORSE\"}", token);

		assertThat(response.statusCode()).isEqualTo(200);
		StubService.RecordedRequest received = TestBackends.endorsement.takeRequest();
		assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
	}

	static Stream<Arguments> validTokens() {
		return Stream.of(Arguments.of(Named.of("staff", TestTokens.staff())),
				Arguments.of(Named.of("chapter", TestTokens.chapter("c-7"))),
				// Roles are the services' to enforce: a valid token without one passes.
				Arguments.of(Named.of("no role", TestTokens.token().build())));
	}

	@Test
	void validTokenOnAPublicEndpointIsRelayedToo() throws Exception {
		String token = TestTokens.chapter("c-7");

		HttpResponse<String> response = this.gateway.send("POST", "/api/nominations", "{}", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestBackends.endorsement.takeRequest().header("Authorization")).isEqualTo("Bearer " + token);
	}

	private static void assertNoServiceCalled() {
		Stream.of(TestBackends.endorsement, TestBackends.volunteer, TestBackends.notification, TestBackends.identity)
			.forEach((service) -> assertThat(service.receivedRequests()).isEmpty());
		assertThat(TestBackends.campaignTraining.connections()).isZero();
	}

}

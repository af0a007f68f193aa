package org.groundgame.gateway.edge;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.groundgame.gateway.GatewayClient;
import org.groundgame.gateway.GatewayTestConfiguration;
import org.groundgame.gateway.StubService;
import org.groundgame.gateway.TestBackends;
import org.groundgame.gateway.error.EdgeProblems;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the gateway adds to every exchange: the request id, the security headers, CORS for
 * the platform's web origins, and the access log.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(GatewayTestConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class EdgeHeadersTests {

	private final CircuitBreakerRegistry circuitBreakers;

	private static final String WEB_APP = "http://localhost:5173";

	private final GatewayClient gateway;

	@Autowired
	EdgeHeadersTests(@LocalServerPort int port, CircuitBreakerRegistry circuitBreakers) {
		this.circuitBreakers = circuitBreakers;
		this.gateway = new GatewayClient(port);
	}

	@BeforeEach
	void forgetEarlierRequests() {
		TestBackends.reset(this.circuitBreakers);
	}

	@Test
	void requestWithoutAnIdGetsANewOneWhichTheServiceSeesToo() throws Exception {
		HttpResponse<String> response = this.gateway.get("/api/chapters");

		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(UUID.fromString(requestId)).isNotNull();
		assertThat(TestBackends.volunteer.takeRequest().header("X-Request-Id")).isEqualTo(requestId);
	}

	@Test
	void validIncomingIdIsKeptAndPassedOn() throws Exception {
		String requestId = "web-3f2a.9_Z-" + "x".repeat(51);

		HttpResponse<String> response = this.gateway
			.send(this.gateway.request("/api/chapters").header("X-Request-Id", requestId));

		assertThat(response.headers().allValues("X-Request-Id")).containsExactly(requestId);
		assertThat(TestBackends.volunteer.takeRequest().header("X-Request-Id")).isEqualTo(requestId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "has space", "semi;colon", "<script>", "quote\"d", "ä-umlaut" })
	void invalidIncomingIdIsReplaced(String sent) throws Exception {
		assertInvalidIdReplaced(sent);
	}

	@Test
	void tooLongIncomingIdIsReplaced() throws Exception {
		assertInvalidIdReplaced("x".repeat(65));
	}

	private void assertInvalidIdReplaced(String sent) throws Exception {
		HttpResponse<String> response = this.gateway
			.send(this.gateway.request("/api/chapters").header("X-Request-Id", sent));

		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(requestId).isNotEqualTo(sent);
		assertThat(UUID.fromString(requestId)).isNotNull();
		assertThat(TestBackends.volunteer.takeRequest().header("X-Request-Id")).isEqualTo(requestId);
	}

	@Test
	void serviceEchoingTheIdDoesNotDoubleIt() throws Exception {
		TestBackends.volunteer.on("/api/chapters",
				StubService.Answer.of(200, "application/json", "[]", Map.of("X-Request-Id", "service-own")));

		HttpResponse<String> response = this.gateway
			.send(this.gateway.request("/api/chapters").header("X-Request-Id", "client-1"));

		assertThat(response.headers().allValues("X-Request-Id")).containsExactly("client-1");
	}

	@Test
	void everyProblemOfTheGatewayCarriesTheRequestId() throws Exception {
		HttpResponse<String> unauthorized = this.gateway.send("GET", "/api/volunteers", null, null);
		HttpResponse<String> notFound = this.gateway.send("GET", "/api/unheard-of", null, TestTokens.staff());
		HttpResponse<String> unavailable = this.gateway.send("POST", "/api/training/cohorts", "{}", TestTokens.staff());
		HttpResponse<String> forbiddenOrigin = this.gateway
			.send(this.gateway.request("/api/chapters").header("Origin", "https://elsewhere.example.org"));

		assertThat(unauthorized.statusCode()).as(answer(unauthorized)).isEqualTo(401);
		assertThat(notFound.statusCode()).as(answer(notFound)).isEqualTo(404);
		assertThat(unavailable.statusCode()).as(answer(unavailable)).isEqualTo(503);
		assertThat(forbiddenOrigin.statusCode()).as(answer(forbiddenOrigin)).isEqualTo(403);
		for (HttpResponse<String> problem : new HttpResponse[] { unauthorized, notFound, unavailable,
				forbiddenOrigin }) {
			assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(problem.headers().allValues("X-Request-Id")).singleElement()
				.satisfies((id) -> assertThat(UUID.fromString(id)).isNotNull());
		}
	}

	/**
	 * What an answer was, for a failure's message: its status, headers and body (which
	 * layer answered a request that went wrong shows in them).
	 */
	private static String answer(HttpResponse<String> response) {
		return response.statusCode() + " " + response.headers().map() + " " + response.body();
	}

	@Test
	void apiAnswersCarryTheSecurityHeaders() throws Exception {
		HttpResponse<String> response = this.gateway.send("GET", "/api/nominations", null, TestTokens.staff());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValue("default-src 'none'; frame-ancestors 'none'");
		assertThat(response.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cacheControl) -> assertThat(cacheControl).contains("no-store"));
		// Plain HTTP here: HSTS is only sent over HTTPS, where it means something.
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void problemsCarryTheSecurityHeadersToo() throws Exception {
		HttpResponse<String> response = this.gateway.send("GET", "/api/volunteers", null, null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValue("default-src 'none'; frame-ancestors 'none'");
	}

	@Test
	void theSitesPagesKeepTheirOwnStricterPolicyAloneAndSendNoReferrer() throws Exception {
		String sitePolicy = "default-src 'self'; script-src 'self'; style-src 'self'";
		TestBackends.web.on("/candidates", StubService.Answer.of(200, "text/html", "<!DOCTYPE html>",
				Map.of("Content-Security-Policy", sitePolicy)));

		HttpResponse<String> response = this.gateway.get("/candidates");

		assertThat(response.statusCode()).isEqualTo(200);
		// One policy, the page's: a second one (the API's default-src 'none') would apply
		// too and break the page.
		assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly(sitePolicy);
		// The private links' tokens are in fragments, which no request carries; no page
		// they link to learns the page's address either.
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
	}

	/**
	 * The site's pages ask for no referrer, so a browser sends its own form posts to them
	 * with {@code Origin: null}: they reach the web module (which checks their CSRF
	 * token), while the API still refuses that origin.
	 */
	@Test
	void theSitesOwnFormPostsWithANullOriginReachThePagesButNotTheApi() throws Exception {
		TestBackends.web.on("/join", StubService.Answer.of(200, "text/html", "<!DOCTYPE html>", Map.of()));

		HttpResponse<String> form = this.gateway.send(this.gateway.request("/join")
			.header("Origin", "null")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("name=Ada&_csrf=t")));
		HttpResponse<String> api = this.gateway.send(this.gateway.request("/api/volunteers")
			.header("Origin", "null")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));

		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(TestBackends.web.takeRequest().path()).isEqualTo("/join");
		assertThat(api.statusCode()).isEqualTo(403);
		assertThat(GatewayClient.json(api)).containsEntry("type", EdgeProblems.ORIGIN_NOT_ALLOWED.toString());
	}

	/**
	 * identity-service's sign-in page, which the console sends people to, is a page too:
	 * its form posts with {@code Origin: null} reach identity-service, which checks their
	 * CSRF token.
	 */
	@Test
	void theSignInFormPostedWithANullOriginReachesIdentityService() throws Exception {
		TestBackends.identity.on("/login", StubService.Answer.of(302, "text/html", "", Map.of("Location", "/")));

		HttpResponse<String> form = this.gateway.send(this.gateway.request("/login")
			.header("Origin", "null")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=staff&password=p&_csrf=t")));

		assertThat(form.statusCode()).isEqualTo(302);
		assertThat(TestBackends.identity.takeRequest().path()).isEqualTo("/login");
	}

	@Test
	void swaggerUiGetsAPagePolicyThatAllowsOnlyItsOwnOrigin() throws Exception {
		HttpResponse<String> response = this.gateway.get("/swagger-ui/index.html");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).startsWith("default-src 'self';")
				.contains("frame-ancestors 'none'")
				.doesNotContain("script-src")
				.doesNotContain("*"));
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void preflightFromThePlatformsWebAppIsAnsweredAtTheEdge() throws Exception {
		HttpResponse<String> response = this.gateway.send(this.gateway.request("/api/nominations/n-1/decision")
			.method("OPTIONS", BodyPublishers.noBody())
			.header("Origin", WEB_APP)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization, content-type, x-request-id"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WEB_APP);
		assertThat(String.join(",", response.headers().allValues("Access-Control-Allow-Methods"))).contains("POST");
		assertThat(String.join(",", response.headers().allValues("Access-Control-Allow-Headers")).toLowerCase())
			.contains("authorization", "content-type", "x-request-id");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		assertThat(TestBackends.endorsement.receivedRequests()).isEmpty();
	}

	@Test
	void preflightFromAnotherOriginIsA403Problem() throws Exception {
		HttpResponse<String> response = this.gateway.send(this.gateway.request("/api/nominations")
			.method("OPTIONS", BodyPublishers.noBody())
			.header("Origin", "https://elsewhere.example.org")
			.header("Access-Control-Request-Method", "POST"));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(GatewayClient.json(response)).containsEntry("type", EdgeProblems.ORIGIN_NOT_ALLOWED.toString())
			.containsEntry("status", 403);
		assertThat(TestBackends.endorsement.receivedRequests()).isEmpty();
	}

	@Test
	void preflightForAMethodNotAllowedIsRefused() throws Exception {
		HttpResponse<String> response = this.gateway.send(this.gateway.request("/api/nominations")
			.method("OPTIONS", BodyPublishers.noBody())
			.header("Origin", WEB_APP)
			.header("Access-Control-Request-Method", "PATCH"));

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void crossOriginAnswerExposesWhatTheWebAppNeeds() throws Exception {
		HttpResponse<String> response = this.gateway
			.send(this.gateway.request("/api/chapters").header("Origin", WEB_APP));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WEB_APP);
		assertThat(String.join(",", response.headers().allValues("Access-Control-Expose-Headers"))).contains("Location",
				"Retry-After", "X-Request-Id");
	}

	@Test
	void accessLogNamesRequestAndClientButNoTokenAndNoQuery(CapturedOutput output) throws Exception {
		String token = TestTokens.token().subject("access-log-client").roles("STAFF").build();
		HttpResponse<String> response = this.gateway
			.send(this.gateway.request("/api/volunteers?email=ada%40example.org&chapterId=c-1")
				.header("Authorization", "Bearer " + token)
				.header("Cookie", "session=secret-cookie"));
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();

		String line = await().atMost(Duration.ofSeconds(5))
			.until(() -> accessLogLine(output, requestId), (found) -> found != null);
		assertThat(line).contains("method=GET", "path=/api/volunteers ", "status=200", "durationMs=",
				"client=access-log-client");
		assertThat(output.getAll()).doesNotContain(token)
			.doesNotContain("ada@example.org")
			.doesNotContain("ada%40example.org")
			.doesNotContain("secret-cookie");
	}

	@Test
	void accessLogNamesAnonymousCallersAndRefusals(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.gateway.send("GET", "/api/volunteers?email=bob%40example.org", null, null);
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();

		String line = await().atMost(Duration.ofSeconds(5))
			.until(() -> accessLogLine(output, requestId), (found) -> found != null);
		assertThat(line).contains("path=/api/volunteers ", "status=401", "client=anonymous");
		assertThat(line).doesNotContain("bob");
	}

	private static String accessLogLine(CapturedOutput output, String requestId) {
		return output.getOut()
			.lines()
			.filter((line) -> line.contains("org.groundgame.gateway.access") && line.contains("requestId=" + requestId))
			.findFirst()
			.orElse(null);
	}

}

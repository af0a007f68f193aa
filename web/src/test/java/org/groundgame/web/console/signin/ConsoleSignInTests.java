package org.groundgame.web.console.signin;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import org.groundgame.test.InfrastructureTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's door, without identity-service (its address answers nothing): a visitor
 * who is not signed in is sent to the authorization server with a PKCE challenge, holding
 * only an {@code HttpOnly}, {@code Secure}, {@code SameSite} cookie scoped to the
 * console, whose session is in the store; nothing of the console answers without a
 * sign-in, and its forms refuse a post without the CSRF token. The whole sign-in, with
 * identity-service, is in end-to-end-tests (a real browser).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "groundgame.web.console.client-secret=console-secret-of-the-tests",
				"groundgame.web.console.issuer=https://organizers.example.org" })
@Import(InfrastructureTestConfiguration.class)
class ConsoleSignInTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MongoTemplate store;

	private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@DynamicPropertySource
	static void identityIsDown(DynamicPropertyRegistry registry) throws IOException {
		String nothing = "http://127.0.0.1:" + freePort();
		registry.add("groundgame.web.console.identity", () -> nothing);
	}

	@Test
	void aVisitorWhoIsNotSignedInIsSentToSignIn() throws Exception {
		HttpResponse<String> page = get("/console/nominations", null);

		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/console/oauth2/authorization/console"));
	}

	@Test
	void signingInGoesToTheAuthorizationServerWithAPkceChallengeAndAConsoleOnlyCookie() throws Exception {
		HttpResponse<String> redirect = get("/console/oauth2/authorization/console", null);

		assertThat(redirect.statusCode()).isEqualTo(302);
		URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
		assertThat(location.getScheme() + "://" + location.getHost() + location.getPath())
			.isEqualTo("https://organizers.example.org/oauth2/authorize");
		var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
		assertThat(query.getFirst("client_id")).isEqualTo("ground-game-console");
		assertThat(query.getFirst("response_type")).isEqualTo("code");
		assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
		assertThat(query.getFirst("code_challenge")).isNotBlank();
		assertThat(query.getFirst("state")).isNotBlank();
		assertThat(query.getFirst("redirect_uri"))
			.isEqualTo("http://localhost:" + this.port + "/console/login/oauth2/code/console");

		List<String> cookies = redirect.headers().allValues("Set-Cookie");
		assertThat(cookies).singleElement().satisfies((cookie) -> {
			assertThat(cookie).startsWith("gg_console=")
				.contains("; Path=/console")
				.contains("; HttpOnly")
				.contains("; Secure")
				.contains("; SameSite=Lax");
		});
		// The authorization request (its PKCE verifier) waits in the stored session, not
		// in
		// this process: another instance, or this one restarted, completes the sign-in.
		assertThat(this.store.getCollection(StoredSessions.COLLECTION).countDocuments()).isPositive();
	}

	@Test
	void theConsoleTellsAPartialUpdateWhoseSessionEndedToSignInAgainRatherThanRedirectingIt() throws Exception {
		HttpResponse<String> fragment = get("/console/inbox/unread", "true");

		assertThat(fragment.statusCode()).isEqualTo(401);
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
		HttpResponse<String> post = this.browser.send(HttpRequest.newBuilder(uri("/console/sign-out"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(""))
			.build(), BodyHandlers.ofString());

		assertThat(post.statusCode()).isEqualTo(403);
	}

	@Test
	void theSignedOutPageIsOpenAndKeptByNoCache() throws Exception {
		HttpResponse<String> page = get("/console/signed-out", null);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("You are signed out");
		assertThat(page.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store").doesNotContain("public"));
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
	}

	private HttpResponse<String> get(String path, String htmx) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en");
		if (htmx != null) {
			request.header("HX-Request", htmx);
		}
		return this.browser.send(request.GET().build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

package org.groundgame.identity.token;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.groundgame.identity.Browser;
import org.groundgame.identity.IdentityHttp;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.groundgame.identity.person.Totp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in through a browser: authorization code with PKCE for the public web
 * client, over real HTTP with a cookie jar and no automatic redirects, every step as a
 * browser takes it.
 */
@IdentityServiceIntegrationTest
class AuthorizationCodeIntegrationTests {

	private static final String CLIENT_ID = "ground-game-web";

	private static final String REDIRECT_URI = "http://localhost:8080/swagger-ui/oauth2-redirect.html";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final IdentityHttp http;

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Autowired
	AuthorizationCodeIntegrationTests(@LocalServerPort int port) {
		this.http = new IdentityHttp(port);
	}

	@Test
	void aChapterOrganizerSignsInAndGetsATokenForTheirChapter() throws Exception {
		String verifier = randomVerifier();
		String code = signIn("organizer", "organizer-pw", challenge(verifier));

		// Without a verifier the public client has not authenticated at all (RFC 6749
		// 5.2).
		HttpResponse<String> withoutVerifier = redeem(code, null);
		assertThat(withoutVerifier.statusCode()).as(withoutVerifier.body()).isEqualTo(401);
		assertThat(IdentityHttp.json(withoutVerifier).get("error").asString()).isEqualTo("invalid_client");
		assertThat(withoutVerifier.body()).doesNotContain("access_token");

		HttpResponse<String> wrongVerifier = redeem(code, randomVerifier());
		assertThat(wrongVerifier.statusCode()).as(wrongVerifier.body()).isEqualTo(400);
		assertThat(IdentityHttp.json(wrongVerifier).get("error").asString()).isEqualTo("invalid_grant");

		HttpResponse<String> response = redeem(code, verifier);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = IdentityHttp.json(response);
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		// A public client gets no refresh token.
		assertThat(body.has("refresh_token")).isFalse();
		Jwt jwt = this.http.decoderFromJwks().decode(body.get("access_token").asString());
		// The person's opaque id, not what they sign in with.
		assertThat(jwt.getSubject()).isNotBlank().isNotEqualTo("organizer");
		assertThat(jwt.getIssuer()).hasToString(IdentityHttp.ISSUER);
		assertThat(jwt.getAudience()).containsExactly("ground-game");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CHAPTER");
		assertThat(jwt.getClaimAsString("chapter_id")).isEqualTo("chapter-stl");
		Jwt idToken = this.http.decoderFromJwks().decode(body.get("id_token").asString());
		assertThat(idToken.getSubject()).isEqualTo(jwt.getSubject());
		assertThat(idToken.getClaimAsStringList("roles")).containsExactly("CHAPTER");
		assertThat(idToken.getClaimAsString("chapter_id")).isEqualTo("chapter-stl");
	}

	@Test
	void aStaffMembersTokenCarriesTheStaffRoleAndOpensTheApiOnceTheyGaveTheirOneTimeCode() {
		Browser browser = new Browser(this.http);
		HttpResponse<String> password = browser.signIn("director", "director-pw");
		assertThat(password.statusCode()).isEqualTo(302);
		assertThat(browser.location(password)).endsWith("/account/code");
		HttpResponse<String> codePage = browser.get(browser.location(password));
		assertThat(codePage.statusCode()).isEqualTo(200);

		HttpResponse<String> signedIn = browser.post("/account/code", codePage,
				Map.of("code", Totp.code(IdentityServiceIntegrationTest.DIRECTOR_TOTP_SECRET, Instant.now())));

		HttpResponse<String> response = browser.redeem(browser.code(signedIn));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = IdentityHttp.json(response);
		Jwt jwt = this.http.decoderFromJwks().decode(body.get("access_token").asString());
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("STAFF");
		assertThat(jwt.hasClaim("chapter_id")).isFalse();
		assertThat(this.http.get("/api/clients", jwt.getTokenValue()).statusCode()).isEqualTo(200);
		// The ID token tells the client who signed in: the same subject and roles, and a
		// name.
		Jwt idToken = this.http.decoderFromJwks().decode(body.get("id_token").asString());
		assertThat(idToken.getSubject()).isEqualTo(jwt.getSubject()).isNotEqualTo("director");
		assertThat(idToken.getClaimAsStringList("roles")).containsExactly("STAFF");
		assertThat(idToken.getClaimAsString("name")).isEqualTo("Dana Director");
	}

	@Test
	void trainingStaffGetTheTrainingStaffRoleAndNoChapter() throws Exception {
		String verifier = randomVerifier();
		String code = signIn("trainer", "trainer-pw", challenge(verifier));

		JsonNode body = IdentityHttp.json(redeem(code, verifier));

		Jwt jwt = this.http.decoderFromJwks().decode(body.get("access_token").asString());
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("TRAINING_STAFF");
		assertThat(jwt.hasClaim("chapter_id")).isFalse();
		Jwt idToken = this.http.decoderFromJwks().decode(body.get("id_token").asString());
		assertThat(idToken.getClaimAsStringList("roles")).containsExactly("TRAINING_STAFF");
		assertThat(idToken.getClaimAsString("name")).isEqualTo("trainer");
	}

	@Test
	void aCodeIsRedeemedOnce() throws Exception {
		String verifier = randomVerifier();
		String code = signIn("organizer", "organizer-pw", challenge(verifier));
		assertThat(redeem(code, verifier).statusCode()).isEqualTo(200);

		HttpResponse<String> again = redeem(code, verifier);

		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(IdentityHttp.json(again).get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void aWrongPasswordGetsNoCode() throws Exception {
		HttpResponse<String> toLogin = authorize(challenge(randomVerifier()));
		String loginPage = get(location(toLogin)).body();

		HttpResponse<String> login = postForm(this.http.base() + "/login",
				Map.of("username", "organizer", "password", "wrong", "_csrf", csrf(loginPage)));

		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(location(login)).contains("/login?error");
	}

	@Test
	void anAuthorizationRequestWithoutPkceIsRefused() {
		HttpResponse<String> response = get(this.http.base() + "/oauth2/authorize?response_type=code&client_id="
				+ CLIENT_ID + "&redirect_uri=" + REDIRECT_URI + "&scope=openid&state=s");

		// The error goes back to the client's redirect URI, never a code.
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).startsWith(REDIRECT_URI + "?")
			.contains("error=invalid_request")
			.doesNotContain("code=");
	}

	/** The browser's way to a code: authorize, the login form, sign in, back again. */
	private String signIn(String username, String password, String challenge) {
		HttpResponse<String> toLogin = authorize(challenge);
		assertThat(toLogin.statusCode()).as(toLogin.body()).isEqualTo(302);
		assertThat(location(toLogin)).endsWith("/login");

		HttpResponse<String> loginPage = get(location(toLogin));
		assertThat(loginPage.statusCode()).isEqualTo(200);

		HttpResponse<String> login = postForm(this.http.base() + "/login",
				Map.of("username", username, "password", password, "_csrf", csrf(loginPage.body())));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(location(login)).contains("/oauth2/authorize");

		HttpResponse<String> authorized = get(location(login));
		assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
		String redirect = location(authorized);
		assertThat(redirect).startsWith(REDIRECT_URI + "?");
		Map<String, String> parameters = UriComponentsBuilder.fromUriString(redirect)
			.build()
			.getQueryParams()
			.toSingleValueMap();
		assertThat(parameters).containsEntry("state", "state-123");
		return java.net.URLDecoder.decode(parameters.get("code"), StandardCharsets.UTF_8);
	}

	private HttpResponse<String> authorize(String challenge) {
		String uri = UriComponentsBuilder.fromUriString(this.http.base() + "/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", CLIENT_ID)
			.queryParam("redirect_uri", REDIRECT_URI)
			.queryParam("scope", "openid")
			.queryParam("state", "state-123")
			.queryParam("code_challenge", challenge)
			.queryParam("code_challenge_method", "S256")
			.encode()
			.toUriString();
		return get(uri);
	}

	private HttpResponse<String> redeem(String code, String verifier) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", REDIRECT_URI);
		form.put("client_id", CLIENT_ID);
		if (verifier != null) {
			form.put("code_verifier", verifier);
		}
		return this.http.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(IdentityHttp.form(form))));
	}

	private HttpResponse<String> get(String uri) {
		return send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").GET());
	}

	private HttpResponse<String> postForm(String uri, Map<String, String> form) {
		return send(HttpRequest.newBuilder(URI.create(uri))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(IdentityHttp.form(form))));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String location(HttpResponse<String> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		return location.startsWith("/") ? this.http.base() + location : location;
	}

	private static String csrf(String loginPage) {
		Matcher matcher = CSRF.matcher(loginPage);
		assertThat(matcher.find()).as(loginPage).isTrue();
		return matcher.group(1);
	}

	private static String randomVerifier() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

}

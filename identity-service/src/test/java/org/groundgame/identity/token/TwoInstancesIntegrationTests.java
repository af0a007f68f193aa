package org.groundgame.identity.token;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bson.Document;
import org.groundgame.identity.Accounts;
import org.groundgame.identity.IdentityHttp;
import org.groundgame.identity.IdentityServiceApplication;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.groundgame.identity.MailTestConfiguration;
import org.groundgame.identity.person.Totp;
import org.groundgame.test.InfrastructureTestConfiguration;
import org.groundgame.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of identity-service on the one store, as the gateway balances a browser
 * over them: this test's context (instance A) and a second one started beside it
 * (instance B). A browser signs in on one and is authorized on the other, a code issued
 * by one is redeemed at the other, and a code that both redeem at the same moment gives
 * tokens once. Nothing of a session or a token is stored in clear.
 */
@IdentityServiceIntegrationTest
class TwoInstancesIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static ConfigurableApplicationContext instanceB;

	private final IdentityHttp a;

	private final IdentityHttp b;

	private final MongoTemplate store;

	@Autowired
	TwoInstancesIntegrationTests(@LocalServerPort int port, MongoTemplate store) {
		this.a = new IdentityHttp(port);
		this.b = new IdentityHttp(((WebServerApplicationContext) instanceB).getWebServer().getPort());
		this.store = store;
	}

	/** Instance B: the same application, settings and store as the tests' context. */
	@BeforeAll
	static void startInstanceB() {
		List<String> properties = new ArrayList<>(
				List.of(IdentityServiceIntegrationTest.class.getAnnotation(SpringBootTest.class).properties()));
		String kafka = TestInfrastructure.get().kafkaBootstrapServers();
		properties.addAll(List.of("server.port=0", "spring.kafka.bootstrap-servers=" + kafka,
				"spring.cloud.stream.kafka.binder.brokers=" + kafka));
		// Command-line arguments: above the application's own settings, as the tests'
		// properties are.
		instanceB = new SpringApplicationBuilder(IdentityServiceApplication.class,
				InfrastructureTestConfiguration.class, MailTestConfiguration.class)
			.run(properties.stream().map((property) -> "--" + property).toArray(String[]::new));
	}

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@Test
	void aBrowserSignsInOnOneInstanceAndIsAuthorizedAndRedeemsItsCodeAtTheOther() {
		Browser browser = new Browser();
		HttpResponse<String> toLogin = browser.authorize(this.a);
		assertThat(toLogin.statusCode()).as(toLogin.body()).isEqualTo(302);
		HttpResponse<String> form = browser.get(this.a, browser.location(toLogin));
		assertThat(form.statusCode()).isEqualTo(200);
		HttpResponse<String> signedIn = browser.post(this.a, "/login", form,
				Map.of("username", "organizer", "password", "organizer-pw"));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(browser.location(signedIn)).contains("/oauth2/authorize");

		// The saved request and the signed-in person, read by the other instance.
		String code = browser.code(browser.get(this.b, browser.location(signedIn)));
		HttpResponse<String> tokens = browser.redeem(this.b, code);

		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		assertThat(this.b.decoderFromJwks()
			.decode(IdentityHttp.json(tokens).get("access_token").asString())
			.getClaimAsString("chapter_id")).isEqualTo("chapter-stl");
		// A code is redeemed once, whichever instance is asked again.
		HttpResponse<String> again = browser.redeem(this.a, code);
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(IdentityHttp.json(again).get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void aStaffMemberEnrolsTheirAuthenticatorAcrossBothInstances() {
		String email = Accounts.newEmail("staff");
		new Accounts(this.a).active(email, "STAFF", null);
		Browser browser = new Browser();
		HttpResponse<String> form = browser.get(this.a, browser.location(browser.authorize(this.a)));
		HttpResponse<String> password = browser.post(this.a, "/login", form,
				Map.of("username", email, "password", Accounts.GOOD_PASSWORD));
		assertThat(browser.location(password)).endsWith("/account/enrol");

		// The secret offered by one instance is kept in the session the other one reads.
		HttpResponse<String> enrolPage = browser.get(this.a, "/account/enrol");
		String secret = enrolPage.body().replaceAll("(?s).*secret=([A-Z2-7]+)&amp;.*", "$1");
		HttpResponse<String> enrolled = browser.post(this.b, "/account/enrol", enrolPage,
				Map.of("code", Totp.code(secret, Instant.now())));
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(302);
		String code = browser.code(browser.get(this.a, browser.location(enrolled)));
		HttpResponse<String> tokens = browser.redeem(this.b, code);

		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		assertThat(this.a.decoderFromJwks()
			.decode(IdentityHttp.json(tokens).get("access_token").asString())
			.getClaimAsStringList("roles")).containsExactly("STAFF");
	}

	@Test
	void aCodeBothInstancesRedeemAtTheSameMomentGivesTokensOnce() throws Exception {
		try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
			for (int round = 0; round < 10; round++) {
				Browser browser = new Browser();
				String code = browser.signIn(this.a, "trainer", "trainer-pw");
				CyclicBarrier together = new CyclicBarrier(2);
				List<CompletableFuture<HttpResponse<String>>> redemptions = Stream.of(this.a, this.b)
					.map((instance) -> CompletableFuture.supplyAsync(() -> {
						await(together);
						return browser.redeem(instance, code);
					}, threads))
					.toList();

				List<Integer> statuses = redemptions.stream()
					.map(CompletableFuture::join)
					.map(HttpResponse::statusCode)
					.toList();

				assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 400);
			}
		}
	}

	@Test
	void neitherTheSessionsNorTheAuthorizationsHoldAnythingInClear() {
		Browser browser = new Browser();
		String code = browser.signIn(this.a, "organizer", "organizer-pw");
		String accessToken = IdentityHttp.json(browser.redeem(this.b, code)).get("access_token").asString();

		List<String> sessions = this.store.getCollection("sessions")
			.find()
			.map((session) -> new String(session.get("attributes", org.bson.types.Binary.class).getData(),
					StandardCharsets.ISO_8859_1))
			.into(new ArrayList<>());
		List<String> authorizations = this.store.getCollection("authorizations")
			.find()
			.map(Document::toJson)
			.into(new ArrayList<>());

		assertThat(sessions).isNotEmpty().noneMatch((session) -> session.contains("organizer"));
		assertThat(authorizations).isNotEmpty()
			.noneMatch((authorization) -> authorization.contains(code))
			.noneMatch((authorization) -> authorization.contains(accessToken))
			.anyMatch((authorization) -> authorization.contains(IssuedAuthorizations.hash(code)));
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A browser whose requests go to whichever instance a step names, with one cookie jar
	 * (cookies name a host, not a port): what the gateway's balancing does to it.
	 */
	private static final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private final String verifier = randomVerifier();

		HttpResponse<String> authorize(IdentityHttp instance) {
			return get(instance,
					UriComponentsBuilder.fromUriString("/oauth2/authorize")
						.queryParam("response_type", "code")
						.queryParam("client_id", org.groundgame.identity.Browser.WEB_CLIENT)
						.queryParam("redirect_uri", org.groundgame.identity.Browser.REDIRECT_URI)
						.queryParam("scope", "openid")
						.queryParam("state", "state-123")
						.queryParam("code_challenge", challenge(this.verifier))
						.queryParam("code_challenge_method", "S256")
						.encode()
						.toUriString());
		}

		/** Authorize, sign in and come back, all at one instance: the code. */
		String signIn(IdentityHttp instance, String username, String password) {
			HttpResponse<String> form = get(instance, location(authorize(instance)));
			HttpResponse<String> signedIn = post(instance, "/login", form,
					Map.of("username", username, "password", password));
			return code(get(instance, location(signedIn)));
		}

		String code(HttpResponse<String> authorized) {
			assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
			String redirect = location(authorized);
			assertThat(redirect).startsWith(org.groundgame.identity.Browser.REDIRECT_URI + "?");
			Map<String, String> parameters = UriComponentsBuilder.fromUriString(redirect)
				.build()
				.getQueryParams()
				.toSingleValueMap();
			return URLDecoder.decode(parameters.get("code"), StandardCharsets.UTF_8);
		}

		HttpResponse<String> redeem(IdentityHttp instance, String code) {
			Map<String, String> form = new LinkedHashMap<>();
			form.put("grant_type", "authorization_code");
			form.put("code", code);
			form.put("redirect_uri", org.groundgame.identity.Browser.REDIRECT_URI);
			form.put("client_id", org.groundgame.identity.Browser.WEB_CLIENT);
			form.put("code_verifier", this.verifier);
			return instance.send(HttpRequest.newBuilder(URI.create(instance.base() + "/oauth2/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(IdentityHttp.form(form))));
		}

		/**
		 * A page of this instance, by its path or by an address another instance named.
		 */
		HttpResponse<String> get(IdentityHttp instance, String uri) {
			return send(HttpRequest.newBuilder(URI.create(at(instance, uri))).header("Accept", "text/html").GET());
		}

		HttpResponse<String> post(IdentityHttp instance, String path, HttpResponse<String> page,
				Map<String, String> fields) {
			Map<String, String> form = new LinkedHashMap<>(fields);
			Matcher csrf = CSRF.matcher(page.body());
			assertThat(csrf.find()).as(page.body()).isTrue();
			form.put("_csrf", csrf.group(1));
			return send(HttpRequest.newBuilder(URI.create(at(instance, path)))
				.header("Accept", "text/html")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(IdentityHttp.form(form))));
		}

		String location(HttpResponse<String> response) {
			return response.headers().firstValue("Location").orElseThrow();
		}

		private static String at(IdentityHttp instance, String uri) {
			URI given = URI.create(uri);
			if (given.getHost() != null && !given.getHost().equals("127.0.0.1")) {
				return uri;
			}
			String path = given.getRawPath() + ((given.getRawQuery() != null) ? "?" + given.getRawQuery() : "");
			return instance.base() + path;
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static String randomVerifier() {
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}

		private static String challenge(String verifier) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256")
					.digest(verifier.getBytes(StandardCharsets.US_ASCII));
				return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}

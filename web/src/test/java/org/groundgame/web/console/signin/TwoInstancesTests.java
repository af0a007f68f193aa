package org.groundgame.web.console.signin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.bson.types.Binary;
import org.groundgame.test.InfrastructureTestConfiguration;
import org.groundgame.web.WebApplication;
import org.groundgame.web.console.StubApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of {@code web} on the one store, as the gateway balances an organizer's
 * browser over them: this test's context (instance A) and a second one started beside it
 * (instance B), with a stand-in identity-service (its token endpoint and keys) and a
 * stand-in volunteer API. The sign-in started on one instance is completed on the other,
 * and the console's pages are then served by either, calling the API with the person's
 * access token; the session in the store gives no token away.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TwoInstancesTests.SECRET, TwoInstancesTests.ISSUER, TwoInstancesTests.KEY })
@Import(InfrastructureTestConfiguration.class)
class TwoInstancesTests {

	static final String SECRET = "groundgame.web.console.client-secret=console-secret-of-the-tests";

	static final String ISSUER = "groundgame.web.console.issuer=http://localhost:8080";

	static final String KEY = "groundgame.web.console.sessions.key=" + InfrastructureTestConfiguration.TEST_KEK;

	private static final StubApi identity = StubApi.start();

	private static final StubApi volunteer = StubApi.start();

	private static final RSAKey signingKey = rsaKey();

	private static ConfigurableApplicationContext instanceB;

	private final String a;

	private final String b;

	private final MongoTemplate store;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	TwoInstancesTests(@LocalServerPort int port, MongoTemplate store) {
		this.a = "http://127.0.0.1:" + port;
		this.b = "http://127.0.0.1:" + ((WebServerApplicationContext) instanceB).getWebServer().getPort();
		this.store = store;
	}

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("groundgame.web.console.identity", identity::uri);
		registry.add("groundgame.web.services.volunteer", volunteer::uri);
	}

	/** Instance B: the same application, settings and store as the tests' context. */
	@BeforeAll
	static void startInstanceB() {
		// Command-line arguments: above the application's own settings, as the tests'
		// properties are.
		instanceB = new SpringApplicationBuilder(WebApplication.class, InfrastructureTestConfiguration.class).run(Stream
			.of(SECRET, ISSUER, KEY, "server.port=0", "groundgame.web.console.identity=" + identity.uri(),
					"groundgame.web.services.volunteer=" + volunteer.uri())
			.map((property) -> "--" + property)
			.toArray(String[]::new));
	}

	@AfterAll
	static void stop() {
		if (instanceB != null) {
			instanceB.close();
		}
		identity.close();
		volunteer.close();
	}

	@Test
	void anOrganizerSignedInThroughOneInstanceIsServedByTheOther() throws Exception {
		volunteer.json("GET /api/volunteers", 200,
				"{\"content\":[],\"page\":{\"number\":0,\"size\":1,\"totalElements\":42,\"totalPages\":42}}");
		// The sign-in starts at instance A: the page asked for and the authorization
		// request (state, nonce, PKCE verifier) are kept in the session.
		HttpResponse<String> asked = get(this.a, "/console", null);
		assertThat(asked.statusCode()).isEqualTo(302);
		String cookie = sessionCookie(asked);
		HttpResponse<String> toSignIn = get(this.a, "/console/oauth2/authorization/console", cookie);
		assertThat(toSignIn.statusCode()).isEqualTo(302);
		Map<String, String> authorize = UriComponentsBuilder
			.fromUriString(toSignIn.headers().firstValue("Location").orElseThrow())
			.build()
			.getQueryParams()
			.toSingleValueMap();
		answerTheTokenRequest(authorize.get("nonce"));

		// identity-service sends the browser back; the gateway takes it to instance B.
		HttpResponse<String> back = get(this.b,
				"/console/login/oauth2/code/console?code=code-of-olive&state=" + authorize.get("state"), cookie);

		assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
		assertThat(back.headers().firstValue("Location")).hasValue("http://localhost:8080/console?continue");
		assertThat(identity.bodies().get("POST /oauth2/token")).contains("code=code-of-olive")
			.contains("code_verifier=");
		// A new session id at sign-in, read by both instances.
		String signedIn = sessionCookie(back);
		assertThat(signedIn).isNotEqualTo(cookie);
		for (String instance : List.of(this.a, this.b)) {
			HttpResponse<String> home = get(instance, "/console", signedIn);
			assertThat(home.statusCode()).as(instance).isEqualTo(200);
			assertThat(home.body()).contains("42");
		}
		assertThat(volunteer.requestLines()).hasSize(2)
			.allSatisfy((line) -> assertThat(line).startsWith("GET /api/volunteers?chapterId=chapter-stl")
				.endsWith("Bearer access-token-of-olive"));
		// The old id no longer opens anything.
		assertThat(get(this.b, "/console", cookie).statusCode()).isEqualTo(302);
	}

	@Test
	void theStoredSessionsGiveNoTokenAway() throws Exception {
		HttpResponse<String> toSignIn = get(this.a, "/console/oauth2/authorization/console", null);
		Map<String, String> authorize = UriComponentsBuilder
			.fromUriString(toSignIn.headers().firstValue("Location").orElseThrow())
			.build()
			.getQueryParams()
			.toSingleValueMap();
		answerTheTokenRequest(authorize.get("nonce"));
		HttpResponse<String> back = get(this.b,
				"/console/login/oauth2/code/console?code=code-of-olive&state=" + authorize.get("state"),
				sessionCookie(toSignIn));
		assertThat(back.statusCode()).isEqualTo(302);

		List<String> sessions = this.store.getCollection(StoredSessions.COLLECTION)
			.find()
			.map((session) -> new String(session.get("attributes", Binary.class).getData(),
					StandardCharsets.ISO_8859_1))
			.into(new ArrayList<>());

		assertThat(sessions).isNotEmpty()
			.noneMatch((session) -> session.contains("access-token-of-olive"))
			.noneMatch((session) -> session.contains("refresh-token-of-olive"))
			.noneMatch((session) -> session.contains("chapter-stl"));
	}

	/**
	 * The stand-in identity-service: its keys, and tokens for the code, with an ID token
	 * naming a chapter organizer and the nonce of the authorization request.
	 */
	private static void answerTheTokenRequest(String nonce) throws Exception {
		Instant now = Instant.now();
		SignedJWT idToken = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer("http://localhost:8080")
					.subject("olive-subject")
					.audience("ground-game-console")
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plusSeconds(900)))
					.claim("nonce", nonce)
					.claim("roles", List.of("CHAPTER"))
					.claim("chapter_id", "chapter-stl")
					.claim("name", "Olive Organizer")
					.build());
		idToken.sign(new RSASSASigner(signingKey));
		identity.json("GET /oauth2/jwks", 200, new JWKSet(signingKey.toPublicJWK()).toString());
		identity.json("POST /oauth2/token", 200,
				"{\"access_token\":\"access-token-of-olive\",\"token_type\":\"Bearer\",\"expires_in\":900,"
						+ "\"refresh_token\":\"refresh-token-of-olive\",\"scope\":\"openid profile\",\"id_token\":\""
						+ idToken.serialize() + "\"}");
	}

	/**
	 * A request as the gateway forwards it: the public address in {@code X-Forwarded-*},
	 * so both instances build the same callback address.
	 */
	private HttpResponse<String> get(String instance, String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance + path))
			.header("Accept", "text/html")
			.header("Accept-Language", "en")
			.header("X-Forwarded-Proto", "http")
			.header("X-Forwarded-Host", "localhost:8080");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.GET().build(), BodyHandlers.ofString());
	}

	/** {@code gg_console=…} from the answer's cookie (Secure: sent here by hand). */
	private static String sessionCookie(HttpResponse<String> response) {
		String setCookie = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("gg_console="))
			.findFirst()
			.orElseThrow();
		return setCookie.substring(0, setCookie.indexOf(';'));
	}

	private static RSAKey rsaKey() {
		try {
			return new RSAKeyGenerator(2048).keyID("identity-stand-in").generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

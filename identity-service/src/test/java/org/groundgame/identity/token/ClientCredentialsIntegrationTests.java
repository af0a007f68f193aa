package org.groundgame.identity.token;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.SignedJWT;
import org.groundgame.identity.IdentityHttp;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /oauth2/token} with client credentials, as every machine client uses it.
 */
@IdentityServiceIntegrationTest
class ClientCredentialsIntegrationTests {

	private final IdentityHttp http;

	@Autowired
	ClientCredentialsIntegrationTests(@LocalServerPort int port) {
		this.http = new IdentityHttp(port);
	}

	@Test
	void aSeededStaffClientGetsAShortLivedRs256TokenForThePlatform() throws Exception {
		HttpResponse<String> response = this.http.token(IdentityHttp.STAFF_CLIENT, IdentityHttp.STAFF_SECRET);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = IdentityHttp.json(response);
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isBetween(890L, 900L);
		String token = body.get("access_token").asString();

		JWSHeader header = SignedJWT.parse(token).getHeader();
		assertThat(header.getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(header.getKeyID()).isNotBlank();

		Jwt jwt = this.http.decoderFromJwks().decode(token);
		assertThat(jwt.getIssuer()).hasToString(IdentityHttp.ISSUER);
		assertThat(jwt.getAudience()).containsExactly("ground-game");
		assertThat(jwt.getSubject()).isEqualTo(IdentityHttp.STAFF_CLIENT);
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("STAFF");
		assertThat(jwt.hasClaim("chapter_id")).isFalse();
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void aSeededChapterClientsTokenNamesItsChapter() {
		Jwt jwt = this.http.decoderFromJwks()
			.decode(this.http.accessToken(IdentityHttp.CHAPTER_CLIENT, IdentityHttp.CHAPTER_SECRET));

		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CHAPTER");
		assertThat(jwt.getClaimAsString("chapter_id")).isEqualTo(IdentityHttp.CHAPTER_ID);
	}

	@Test
	void aWrongSecretGetsNoToken() {
		HttpResponse<String> response = this.http.token(IdentityHttp.STAFF_CLIENT, "not-the-secret");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(IdentityHttp.json(response).get("error").asString()).isEqualTo("invalid_client");
		assertThat(response.body()).doesNotContain("access_token");
	}

	@Test
	void anUnknownClientGetsNoToken() {
		assertThat(this.http.token("nobody", "anything").statusCode()).isEqualTo(401);
	}

	@Test
	void aTokenRequestWithoutClientCredentialsIsAnInvalidClient() {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/oauth2/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(IdentityHttp.json(response).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void theWebClientCannotUseClientCredentials() {
		assertThat(this.http.token("ground-game-web", "").statusCode()).isIn(400, 401);
	}

	@Test
	void aDisabledClientGetsNoMoreTokens() {
		String staff = this.http.staffToken();
		JsonNode created = IdentityHttp
			.json(this.http.post("/api/clients", "{\"name\":\"Soon gone\",\"role\":\"STAFF\"}", staff));
		String clientId = created.get("clientId").asString();
		String secret = created.get("clientSecret").asString();
		assertThat(this.http.token(clientId, secret).statusCode()).isEqualTo(200);

		assertThat(this.http.delete("/api/clients/" + clientId, staff).statusCode()).isEqualTo(204);

		assertThat(this.http.token(clientId, secret).statusCode()).isEqualTo(401);
		assertThat(IdentityHttp.json(this.http.get("/api/clients/" + clientId, staff)).get("disabled").asBoolean())
			.isTrue();
	}

	@Test
	void discoveryNamesTheIssuerAndTheKeys() {
		for (String path : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
			HttpResponse<String> response = this.http.get(path, null);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			JsonNode metadata = IdentityHttp.json(response);
			assertThat(metadata.get("issuer").asString()).isEqualTo(IdentityHttp.ISSUER);
			assertThat(metadata.get("jwks_uri").asString()).isEqualTo(IdentityHttp.ISSUER + "/oauth2/jwks");
			assertThat(metadata.get("token_endpoint").asString()).isEqualTo(IdentityHttp.ISSUER + "/oauth2/token");
		}
	}

}

package org.groundgame.identity.key;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.groundgame.identity.IdentityHttp;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.BadJwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A signing key that leaked is revoked at once: gone from the JWK Set, so that a token it
 * signed, whoever holds it, is refused by a service that checks the set from then on, and
 * by this service's own API.
 */
@IdentityServiceIntegrationTest
class KeyRevocationIntegrationTests {

	private final IdentityHttp http;

	@Autowired
	KeyRevocationIntegrationTests(@LocalServerPort int port) {
		this.http = new IdentityHttp(port);
	}

	@Test
	void aRevokedCurrentKeyIsReplacedAndItsTokensStopVerifyingAtOnce() throws Exception {
		String leaked = this.http.staffToken();
		String leakedKey = keyId(leaked);
		assertThat(this.http.get("/api/clients", leaked).statusCode()).isEqualTo(200);

		HttpResponse<String> response = this.http.post("/api/signing-keys/" + leakedKey + "/revocation", "",
				this.http.staffToken());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode revocation = IdentityHttp.json(response);
		assertThat(revocation.get("revokedKeyId").asString()).isEqualTo(leakedKey);
		String currentKey = revocation.get("current").get("keyId").asString();
		assertThat(currentKey).isNotEqualTo(leakedKey);
		assertThat(publishedKeyIds()).doesNotContain(leakedKey).contains(currentKey);
		// Refused by this service's API, and by any service that reads the set now.
		assertThat(this.http.get("/api/clients", leaked).statusCode()).isEqualTo(401);
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.http.decoderFromJwks().decode(leaked));
		// New tokens are signed with the new key, and work.
		String fresh = this.http.staffToken();
		assertThat(keyId(fresh)).isEqualTo(currentKey);
		assertThat(this.http.get("/api/clients", fresh).statusCode()).isEqualTo(200);
	}

	@Test
	void aRevokedRetiredKeyLeavesTheSetWhileTheCurrentOneStays() throws Exception {
		String old = this.http.staffToken();
		String oldKey = keyId(old);
		String staff = this.http.staffToken();
		String currentKey = IdentityHttp.json(this.http.post("/api/signing-keys/rotation", "", staff))
			.get("keyId")
			.asString();
		assertThat(publishedKeyIds()).contains(oldKey, currentKey);

		HttpResponse<String> response = this.http.post("/api/signing-keys/" + oldKey + "/revocation", "",
				this.http.staffToken());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(IdentityHttp.json(response).get("current").get("keyId").asString()).isEqualTo(currentKey);
		assertThat(publishedKeyIds()).doesNotContain(oldKey).contains(currentKey);
		assertThat(this.http.get("/api/clients", old).statusCode()).isEqualTo(401);
	}

	@Test
	void onlyStaffRevokeAndAnUnknownKeyIsNotFound() throws Exception {
		String chapter = this.http.accessToken(IdentityHttp.CHAPTER_CLIENT, IdentityHttp.CHAPTER_SECRET);
		String current = keyId(chapter);

		assertThat(this.http.post("/api/signing-keys/" + current + "/revocation", "", chapter).statusCode())
			.isEqualTo(403);
		assertThat(this.http.post("/api/signing-keys/" + current + "/revocation", "", null).statusCode())
			.isEqualTo(401);
		assertThat(publishedKeyIds()).contains(current);
		HttpResponse<String> unknown = this.http.post("/api/signing-keys/no-such-key/revocation", "",
				this.http.staffToken());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private List<String> publishedKeyIds() throws Exception {
		JWKSet set = JWKSet.parse(this.http.get("/oauth2/jwks", null).body());
		List<String> ids = new ArrayList<>();
		set.getKeys().forEach((key) -> ids.add(key.getKeyID()));
		return ids;
	}

	private static String keyId(String token) throws Exception {
		return SignedJWT.parse(token).getHeader().getKeyID();
	}

}

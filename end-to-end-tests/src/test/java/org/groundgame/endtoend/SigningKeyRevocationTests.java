package org.groundgame.endtoend;

import java.time.Duration;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A signing key that leaked is revoked by staff, and a token it signed — whoever holds it
 * — is refused by the gateway and the services from then on (once their copy of the JWK
 * Set is read again: at most 30 s), while new tokens work.
 */
@ExtendWith(RunningPlatform.class)
class SigningKeyRevocationTests {

	private final Gateway gateway;

	SigningKeyRevocationTests(Gateway gateway) {
		this.gateway = gateway;
	}

	@Test
	void aTokenSignedByARevokedKeyIsRefusedThroughTheGateway() throws Exception {
		String leaked = this.gateway.tokens().staff();
		String leakedKey = SignedJWT.parse(leaked).getHeader().getKeyID();
		assertThat(this.gateway.withToken(leaked).get("/api/nominations").status()).isEqualTo(200);

		Gateway.Answer revocation = this.gateway.withToken(leaked)
			.send("POST", "/api/signing-keys/" + leakedKey + "/revocation", null);

		assertThat(revocation.status()).as(revocation.body()).isEqualTo(200);
		String currentKey = revocation.json().path("current").path("keyId").asString();
		assertThat(currentKey).isNotEqualTo(leakedKey);
		// The tokens the suite holds were signed with the revoked key too.
		this.gateway.tokens().forget();
		assertThat(this.gateway.anonymous().get("/oauth2/jwks").body()).doesNotContain(leakedKey);
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.gateway.withToken(leaked).get("/api/nominations").status() == 401);
		assertThat(this.gateway.withToken(leaked).get("/api/clients").status()).isEqualTo(401);
		String fresh = this.gateway.tokens().staff();
		assertThat(SignedJWT.parse(fresh).getHeader().getKeyID()).isEqualTo(currentKey);
		assertThat(this.gateway.withToken(fresh).get("/api/nominations").status()).isEqualTo(200);
	}

}

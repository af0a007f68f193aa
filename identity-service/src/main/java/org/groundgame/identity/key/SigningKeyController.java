package org.groundgame.identity.key;

import java.time.Instant;

import org.groundgame.identity.key.SigningKeys.SigningKeyInfo;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/signing-keys/rotation} (STAFF): a new current key now, rather than at
 * the end of the rotation period. The previous key stays published until the tokens it
 * signed have expired. {@code POST /api/signing-keys/{keyId}/revocation} (STAFF): a key
 * that leaked is withdrawn at once.
 */
@RestController
class SigningKeyController {

	private final SigningKeys keys;

	SigningKeyController(SigningKeys keys) {
		this.keys = keys;
	}

	@PostMapping("/api/signing-keys/rotation")
	SigningKeyResponse rotate() {
		SigningKeyInfo key = this.keys.rotate();
		return new SigningKeyResponse(key.keyId(), key.createdAt());
	}

	/**
	 * {@code POST /api/signing-keys/{keyId}/revocation} (STAFF): for a key that leaked.
	 * It is removed from the JWK Set at once, so tokens it signed stop verifying; if it
	 * was the current key, a new one is current first. Answers the key that signs now.
	 */
	@PostMapping("/api/signing-keys/{keyId}/revocation")
	RevocationResponse revoke(@PathVariable String keyId) {
		SigningKeyInfo current = this.keys.revoke(keyId);
		return new RevocationResponse(keyId, new SigningKeyResponse(current.keyId(), current.createdAt()));
	}

	record SigningKeyResponse(String keyId, Instant createdAt) {
	}

	record RevocationResponse(String revokedKeyId, SigningKeyResponse current) {
	}

}

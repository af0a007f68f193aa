package org.groundgame.identity.key;

import java.time.Instant;

import org.groundgame.identity.key.SigningKeys.SigningKeyInfo;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/signing-keys/rotation} (STAFF): a new current key now, rather than at
 * the end of the rotation period. The previous key stays published until the tokens it
 * signed have expired.
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

	record SigningKeyResponse(String keyId, Instant createdAt) {
	}

}

package org.groundgame.identity.key;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Signing keys", description = "The keys that sign the platform's tokens: rotating one now, "
		+ "revoking one that leaked. Staff only.")
class SigningKeyController {

	private final SigningKeys keys;

	SigningKeyController(SigningKeys keys) {
		this.keys = keys;
	}

	@PostMapping("/api/signing-keys/rotation")
	@Operation(summary = "Make a new current signing key now; the previous one stays published while its tokens live")
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
	@Operation(summary = "Revoke a signing key that leaked: its tokens stop verifying at once")
	RevocationResponse revoke(@PathVariable String keyId) {
		SigningKeyInfo current = this.keys.revoke(keyId);
		return new RevocationResponse(keyId, new SigningKeyResponse(current.keyId(), current.createdAt()));
	}

	record SigningKeyResponse(String keyId, Instant createdAt) {
	}

	record RevocationResponse(String revokedKeyId, SigningKeyResponse current) {
	}

}

package org.groundgame.identity.token;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An authorization of the authorization-code flow as stored ({@code authorizations}):
 * what Spring Authorization Server's {@code JdbcOAuth2AuthorizationService} stores in its
 * table, with no token in clear. Each token is stored as the SHA-256 of its value (what a
 * request that presents it is looked up by) and its value sealed with the key-encryption
 * key (to rebuild the authorization); the attributes (the authorization request, the
 * signed-in principal) and each token's metadata (its claims, whether it was invalidated)
 * as JSON written by Spring Security's Jackson modules, as the JDBC service writes them.
 *
 * @param id the authorization's id
 * @param registeredClientId the client's registration id
 * @param principalName the person's username
 * @param grantType the grant type
 * @param scopes the authorized scopes
 * @param attributes the attributes, JSON
 * @param stateHash the SHA-256 of the {@code state} (consent only), or {@code null}
 * @param code the authorization code, or {@code null}
 * @param accessToken the access token, or {@code null}
 * @param refreshToken the refresh token, or {@code null}
 * @param idToken the OpenID Connect ID token, or {@code null}
 * @param expiresAt when the last of its tokens expires (the cleanup's condition), or
 * {@code null} while it holds none
 * @param version how many times it was changed since it was first stored: every change is
 * conditional on the version it was read at, so that of two instances redeeming one code
 * (or refreshing with one refresh token) at the same moment exactly one stores its tokens
 */
@Document(AuthorizationDocument.COLLECTION)
record AuthorizationDocument(@Id String id, String registeredClientId, String principalName, String grantType,
		Set<String> scopes, String attributes, String stateHash, StoredToken code, StoredToken accessToken,
		StoredToken refreshToken, StoredToken idToken, Instant expiresAt, long version) {

	static final String COLLECTION = "authorizations";

	static final String STATE_HASH = "stateHash";

	static final String CODE_HASH = "code.valueHash";

	static final String ACCESS_TOKEN_HASH = "accessToken.valueHash";

	static final String REFRESH_TOKEN_HASH = "refreshToken.valueHash";

	static final String ID_TOKEN_HASH = "idToken.valueHash";

	static final String EXPIRES_AT = "expiresAt";

	static final String VERSION = "version";

	/**
	 * A token as stored.
	 *
	 * @param valueHash the SHA-256 of its value, hex
	 * @param sealedValue its value sealed with the key-encryption key
	 * @param issuedAt when it was issued
	 * @param expiresAt when it expires
	 * @param metadata its metadata, JSON
	 * @param scopes an access token's scopes
	 */
	record StoredToken(String valueHash, String sealedValue, Instant issuedAt, Instant expiresAt, String metadata,
			Set<String> scopes) {

		@Override
		public String toString() {
			return "StoredToken[issuedAt=" + this.issuedAt + ", expiresAt=" + this.expiresAt + "]";
		}

	}

}

package org.groundgame.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.groundgame.identity.token.AuthorizationDocument.StoredToken;
import org.groundgame.support.secrets.KeyEncryption;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * The authorizations the server must remember: only those of the authorization-code flow,
 * from issuing a code until every token they hold has expired, kept in the store
 * ({@link AuthorizationStore}) so that every instance of the service knows them: a code
 * issued by one instance is redeemed at another, and redeemed once only, even when two
 * instances redeem it at the same moment. A client-credentials authorization is not kept
 * at all: its JWT is self-contained, there is no refresh token, and keeping each would
 * grow without bound.
 * <p>
 * Stored as Spring Authorization Server's {@code JdbcOAuth2AuthorizationService} stores
 * them (the attributes and each token's metadata as JSON, through Spring Security's
 * Jackson modules), except that no token is stored in clear: a token is found by the
 * SHA-256 of the value presented (codes and tokens are long random values or signed JWTs,
 * which need no salt), and its value is kept sealed with the key-encryption key, to
 * rebuild the authorization.
 */
@Component
class IssuedAuthorizations implements OAuth2AuthorizationService {

	/**
	 * The attribute that carries the version an authorization was read at until it is
	 * saved again (never stored among the attributes).
	 */
	static final String VERSION = IssuedAuthorizations.class.getName() + ".version";

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final AuthorizationStore store;

	private final RegisteredClientRepository clients;

	private final KeyEncryption encryption;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder()
		.addModules(SecurityJacksonModules.getModules(IssuedAuthorizations.class.getClassLoader()))
		.build();

	IssuedAuthorizations(AuthorizationStore store, RegisteredClientRepository clients, KeyEncryption encryption,
			Clock clock) {
		this.store = store;
		this.clients = clients;
		this.encryption = encryption;
		this.clock = clock;
	}

	/**
	 * Stores a new authorization; a changed one only if it is still as it was read (its
	 * version in {@link #VERSION}, an attribute it carries from
	 * {@link #findByToken}/{@link #findById} to here).
	 * @throws OAuth2AuthenticationException ({@code invalid_grant}) when it changed
	 * meanwhile: another redemption of its code (or refresh with its refresh token) came
	 * first, and this one's tokens are never handed out
	 */
	@Override
	public void save(OAuth2Authorization authorization) {
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
			return;
		}
		Long read = authorization.getAttribute(VERSION);
		if (read == null) {
			this.store.insert(document(authorization, 0));
		}
		else if (!this.store.replaceIfUnchanged(document(authorization, read + 1))) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.store.remove(authorization.getId());
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return this.store.byId(id).map(this::authorization).orElse(null);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		String hash = hash(token);
		String[] fields;
		if (tokenType == null) {
			fields = new String[] { AuthorizationDocument.STATE_HASH, AuthorizationDocument.CODE_HASH,
					AuthorizationDocument.ACCESS_TOKEN_HASH, AuthorizationDocument.REFRESH_TOKEN_HASH,
					AuthorizationDocument.ID_TOKEN_HASH };
		}
		else {
			String field = switch (tokenType.getValue()) {
				case OAuth2ParameterNames.STATE -> AuthorizationDocument.STATE_HASH;
				case OAuth2ParameterNames.CODE -> AuthorizationDocument.CODE_HASH;
				case OAuth2ParameterNames.ACCESS_TOKEN -> AuthorizationDocument.ACCESS_TOKEN_HASH;
				case OAuth2ParameterNames.REFRESH_TOKEN -> AuthorizationDocument.REFRESH_TOKEN_HASH;
				case OidcParameterNames.ID_TOKEN -> AuthorizationDocument.ID_TOKEN_HASH;
				// The device grant is not offered.
				default -> null;
			};
			if (field == null) {
				return null;
			}
			fields = new String[] { field };
		}
		return this.store.byTokenHash(hash, fields).map(this::authorization).orElse(null);
	}

	/**
	 * Forgets the authorizations whose every token has expired: one conditional delete,
	 * which every instance runs, harmlessly at the same moment.
	 */
	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void forgetExpired() {
		this.store.removeExpired(this.clock.instant());
	}

	private AuthorizationDocument document(OAuth2Authorization authorization, long version) {
		OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
		OAuth2Authorization.Token<OAuth2AccessToken> accessToken = authorization.getAccessToken();
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		Map<String, Object> attributes = new HashMap<>(authorization.getAttributes());
		attributes.remove(VERSION);
		return new AuthorizationDocument(authorization.getId(), authorization.getRegisteredClientId(),
				authorization.getPrincipalName(), authorization.getAuthorizationGrantType().getValue(),
				Set.copyOf(authorization.getAuthorizedScopes()), write(attributes),
				(state != null) ? hash(state) : null, stored(code, null),
				stored(accessToken, (accessToken != null) ? accessToken.getToken().getScopes() : null),
				stored(authorization.getRefreshToken(), null), stored(authorization.getToken(OidcIdToken.class), null),
				expiresAt(authorization), version);
	}

	private StoredToken stored(OAuth2Authorization.Token<? extends OAuth2Token> token, Set<String> scopes) {
		if (token == null) {
			return null;
		}
		String value = token.getToken().getTokenValue();
		return new StoredToken(hash(value), this.encryption.seal(value), token.getToken().getIssuedAt(),
				token.getToken().getExpiresAt(), write(token.getMetadata()),
				(scopes != null) ? Set.copyOf(scopes) : null);
	}

	/**
	 * When the last of its tokens expires; {@code null} while it holds none, or one that
	 * never expires.
	 */
	private static Instant expiresAt(OAuth2Authorization authorization) {
		Instant last = null;
		for (OAuth2Token token : Stream.<OAuth2Authorization.Token<? extends OAuth2Token>>of(
				authorization.getToken(OAuth2AuthorizationCode.class), authorization.getAccessToken(),
				authorization.getRefreshToken(), authorization.getToken(OidcIdToken.class))
			.filter(Objects::nonNull)
			.map(OAuth2Authorization.Token::getToken)
			.toList()) {
			if (token.getExpiresAt() == null) {
				return null;
			}
			last = (last == null || token.getExpiresAt().isAfter(last)) ? token.getExpiresAt() : last;
		}
		return last;
	}

	private OAuth2Authorization authorization(AuthorizationDocument document) {
		RegisteredClient client = this.clients.findById(document.registeredClientId());
		if (client == null) {
			throw new DataRetrievalFailureException("The client of a stored authorization is no longer registered");
		}
		Map<String, Object> attributes = read(document.attributes());
		OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
			.id(document.id())
			.principalName(document.principalName())
			.authorizationGrantType(new AuthorizationGrantType(document.grantType()))
			.authorizedScopes(new HashSet<>(document.scopes()))
			.attributes((all) -> all.putAll(attributes))
			.attribute(VERSION, document.version());
		StoredToken code = document.code();
		if (code != null) {
			builder.token(new OAuth2AuthorizationCode(open(code), code.issuedAt(), code.expiresAt()), metadata(code));
		}
		StoredToken access = document.accessToken();
		if (access != null) {
			builder.token(
					new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, open(access), access.issuedAt(),
							access.expiresAt(), (access.scopes() != null) ? access.scopes() : Set.of()),
					metadata(access));
		}
		StoredToken refresh = document.refreshToken();
		if (refresh != null) {
			builder.token(new OAuth2RefreshToken(open(refresh), refresh.issuedAt(), refresh.expiresAt()),
					metadata(refresh));
		}
		StoredToken id = document.idToken();
		if (id != null) {
			Map<String, Object> metadata = read(id.metadata());
			@SuppressWarnings("unchecked")
			Map<String, Object> claims = (Map<String, Object>) metadata
				.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
			builder.token(new OidcIdToken(open(id), id.issuedAt(), id.expiresAt(), claims),
					(all) -> all.putAll(metadata));
		}
		return builder.build();
	}

	private Consumer<Map<String, Object>> metadata(StoredToken token) {
		Map<String, Object> metadata = read(token.metadata());
		return (all) -> all.putAll(metadata);
	}

	private String open(StoredToken token) {
		return this.encryption.open(token.sealedValue());
	}

	private String write(Map<String, Object> map) {
		return this.json.writeValueAsString((Map<?, ?>) plain(map));
	}

	/**
	 * The value with its lists, sets and maps copied into the JDK collections Spring
	 * Security's Jackson modules read back (their type validator refuses others, such as
	 * the {@code List.of} of the tokens' {@code roles} claim).
	 */
	private static Object plain(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new HashMap<>();
			map.forEach((key, entry) -> copy.put(key, plain(entry)));
			return copy;
		}
		if (value instanceof List<?> list) {
			return new ArrayList<>(list.stream().map(IssuedAuthorizations::plain).toList());
		}
		if (value instanceof Set<?> set) {
			return Collections
				.unmodifiableSet(new LinkedHashSet<>(set.stream().map(IssuedAuthorizations::plain).toList()));
		}
		return value;
	}

	private Map<String, Object> read(String json) {
		return this.json.readValue(json, MAP);
	}

	static String hash(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}

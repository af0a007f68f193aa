package org.groundgame.identity.key;

import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.groundgame.identity.IdentityConfiguration.IdentityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/**
 * The signing keys as the authorization server and the resource server see them: the
 * {@link JwtEncoder} signs with the current key only; the one {@link JWKSource} bean,
 * served at {@code /oauth2/jwks}, publishes the current key and the retired ones still
 * within their grace; the {@link JwtDecoder} checks this service's own API's tokens
 * against the same keys, with issuer, audience, timestamps and RS256 enforced.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return (selector, context) -> selector
			.select(new JWKSet(keys.published().stream().<JWK>map((key) -> jwk(key, false)).toList()));
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(jwk(keys.current(), true))));
	}

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, AuthorizationServerSettings settings, IdentityProperties properties) {
		JWKSource<SecurityContext> published = (selector, context) -> {
			Optional<String> keyId = Optional.ofNullable(selector.getMatcher().getKeyIDs())
				.flatMap((ids) -> ids.stream().filter((id) -> id != null).findFirst());
			List<JWK> jwks = keys.publishedFor(keyId).stream().<JWK>map((key) -> jwk(key, false)).toList();
			return selector.select(new JWKSet(jwks));
		};
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(published)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.getIssuer()),
						// The timestamp validator lets a token without an expiry through;
						// ours all have one.
						new JwtClaimValidator<Object>(JwtClaimNames.EXP, (exp) -> exp != null),
						new JwtAudienceValidator(properties.audience())));
		return decoder;
	}

	static RSAKey jwk(SigningKey key, boolean withPrivateKey) {
		RSAKey.Builder builder = new RSAKey.Builder(key.publicKey()).keyID(key.id())
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256);
		if (withPrivateKey) {
			builder.privateKey(key.privateKey());
		}
		return builder.build();
	}

}

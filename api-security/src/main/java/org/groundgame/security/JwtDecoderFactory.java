package org.groundgame.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestTemplate;

/**
 * Builds the one {@link JwtDecoder} of the gateway and of every service from Spring
 * Boot's {@code spring.security.oauth2.resourceserver.jwt.*} properties, so that the
 * platform's own identity-service and an external OIDC provider are interchangeable by
 * configuration.
 * <p>
 * Keys come from, in this order: {@code public-key-location} (a PEM RSA public key, used
 * by tests), {@code jwk-set-uri}, or the {@code issuer-uri}'s discovery document (looked
 * up on first use, not at start-up). Whatever the source, a token must be signed with one
 * of {@code jws-algorithms} (never {@code none}), unexpired, with an expiry at all, from
 * the {@code issuer-uri} and for one of the {@code audiences} when those are set.
 */
public final class JwtDecoderFactory {

	private static final Duration KEY_FETCH_TIMEOUT = Duration.ofSeconds(5);

	static final Duration DEFAULT_JWK_SET_CACHE_DURATION = Duration.ofSeconds(30);

	private JwtDecoderFactory() {
	}

	public static JwtDecoder create(OAuth2ResourceServerProperties.Jwt properties) {
		return create(properties, DEFAULT_JWK_SET_CACHE_DURATION);
	}

	/**
	 * @param properties Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}
	 * @param jwkSetCacheDuration how long keys read from {@code jwk-set-uri} are used
	 * before they are read again: a signing key the identity provider revoked stops
	 * verifying within this time (Spring Security's own cache would keep it 5 minutes)
	 */
	public static JwtDecoder create(OAuth2ResourceServerProperties.Jwt properties, Duration jwkSetCacheDuration) {
		return create(properties, jwkSetCacheDuration, Ticker.systemTicker());
	}

	/**
	 * As {@link #create(OAuth2ResourceServerProperties.Jwt, Duration)}, with the cache's
	 * time read from a ticker: the tests' own, which they move on.
	 */
	static JwtDecoder create(OAuth2ResourceServerProperties.Jwt properties, Duration jwkSetCacheDuration,
			Ticker ticker) {
		Set<SignatureAlgorithm> algorithms = algorithms(properties.getJwsAlgorithms());
		JwtDecoder decoder;
		if (properties.getPublicKeyLocation() != null) {
			NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(publicKey(properties))
				.signatureAlgorithm(algorithms.iterator().next())
				.build();
			nimbus.setJwtValidator(validator(properties));
			decoder = nimbus;
		}
		else if (StringUtils.hasText(properties.getJwkSetUri())) {
			NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(properties.getJwkSetUri())
				.jwsAlgorithms((pinned) -> pinned.addAll(algorithms))
				.restOperations(keyFetcher())
				.cache(new CaffeineCache("jwk-set",
						Caffeine.newBuilder()
							.expireAfterWrite(jwkSetCacheDuration)
							.ticker(ticker)
							.maximumSize(16)
							.build()))
				.build();
			nimbus.setJwtValidator(validator(properties));
			decoder = nimbus;
		}
		else if (StringUtils.hasText(properties.getIssuerUri())) {
			decoder = new SupplierJwtDecoder(() -> {
				NimbusJwtDecoder nimbus = JwtDecoders.fromIssuerLocation(properties.getIssuerUri());
				nimbus.setJwtValidator(validator(properties));
				return nimbus;
			});
		}
		else {
			throw new IllegalStateException("No token keys configured: set spring.security.oauth2.resourceserver.jwt."
					+ "jwk-set-uri, issuer-uri or public-key-location");
		}
		return decoder;
	}

	static OAuth2TokenValidator<Jwt> validator(OAuth2ResourceServerProperties.Jwt properties) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator());
		// JwtTimestampValidator accepts a token without "exp"; ours must all expire.
		validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, (exp) -> exp != null));
		if (StringUtils.hasText(properties.getIssuerUri())) {
			validators.add(new JwtIssuerValidator(properties.getIssuerUri()));
		}
		List<String> audiences = properties.getAudiences();
		if (audiences != null && !audiences.isEmpty()) {
			validators.add(audiences.size() == 1 ? new JwtAudienceValidator(audiences.get(0))
					: new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
							(aud) -> aud != null && aud.stream().anyMatch(audiences::contains)));
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	private static Set<SignatureAlgorithm> algorithms(List<String> names) {
		Set<SignatureAlgorithm> algorithms = new LinkedHashSet<>();
		for (String name : (names == null || names.isEmpty()) ? List.of("RS256") : names) {
			SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
			if (algorithm == null) {
				throw new IllegalStateException("Unknown or unsupported JWS algorithm '" + name + "'");
			}
			algorithms.add(algorithm);
		}
		return algorithms;
	}

	private static RSAPublicKey publicKey(OAuth2ResourceServerProperties.Jwt properties) {
		try {
			String pem = properties.readPublicKey()
				.replace("-----BEGIN PUBLIC KEY-----", "")
				.replace("-----END PUBLIC KEY-----", "")
				.replaceAll("\\s", "");
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the token public key", ex);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("The token public key is not an RSA public key in PEM", ex);
		}
	}

	private static RestTemplate keyFetcher() {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(KEY_FETCH_TIMEOUT);
		requests.setReadTimeout(KEY_FETCH_TIMEOUT);
		return new RestTemplate(requests);
	}

}

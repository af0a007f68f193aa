package org.groundgame.gateway.security;

import org.groundgame.security.ApiSecurityProperties;
import org.groundgame.security.JwtDecoderFactory;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The platform's token decoder ({@link JwtDecoderFactory}, as every service has it),
 * behind a cache of the tokens it accepted ({@link CachingJwtDecoder}): a client sends
 * the same token with each request for its whole lifetime, and the gateway checked its
 * signature every time.
 */
@Configuration(proxyBeanMethods = false)
class TokenDecoderConfiguration {

	/** Tokens remembered at most: one per active client, plenty for one instance. */
	static final long MAX_TOKENS = 10_000;

	@Bean
	JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, ApiSecurityProperties security) {
		return new CachingJwtDecoder(JwtDecoderFactory.create(properties.getJwt(), security.jwkSetCacheDuration()),
				security.jwkSetCacheDuration(), MAX_TOKENS);
	}

}

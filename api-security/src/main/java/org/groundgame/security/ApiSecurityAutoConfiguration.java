package org.groundgame.security;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes an application a resource server of the platform: the {@link JwtDecoder} of
 * {@link JwtDecoderFactory}, roles from the token as {@code ROLE_STAFF} and
 * {@code ROLE_CHAPTER}, {@link Caller} as a controller argument, and, when the
 * application declares no filter chain of its own, one that requires a token everywhere
 * but on the operations endpoints.
 */
@AutoConfiguration(before = { OAuth2ResourceServerAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ ApiSecurityProperties.class, OAuth2ResourceServerProperties.class })
public class ApiSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, ApiSecurityProperties security) {
		return JwtDecoderFactory.create(properties.getJwt(), security.jwkSetCacheDuration());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenClaims tokenClaims(ApiSecurityProperties properties) {
		return new TokenClaims(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter jwtAuthenticationConverter(TokenClaims claims) {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> {
			Caller caller = claims.caller(jwt);
			List<GrantedAuthority> authorities = (caller.role() != null)
					? List.of(new SimpleGrantedAuthority(caller.role().authority())) : List.of();
			return authorities;
		});
		return converter;
	}

	@Bean
	@ConditionalOnMissingBean
	ApiHttpSecurity apiHttpSecurity(JwtAuthenticationConverter converter) {
		return new ApiHttpSecurity(converter);
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain tokenRequiredFilterChain(HttpSecurity http, ApiHttpSecurity api) throws Exception {
		return api.build(http, (endpoints) -> {
		});
	}

	@Bean
	WebMvcConfigurer callerArgument(TokenClaims claims) {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver(claims));
			}
		};
	}

}

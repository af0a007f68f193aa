package org.groundgame.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a token keeps what {@link Caller} reads, so that an external identity provider
 * with other claim names needs configuration only. The token's validation (issuer,
 * audience, keys, algorithms) is Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}.
 *
 * @param rolesClaim the claim holding the roles ({@code STAFF}, {@code CHAPTER}), a list
 * or a space-separated string; a dotted path such as {@code realm_access.roles} reaches
 * into a nested object (Keycloak)
 * @param chapterClaim the claim holding a chapter's id
 * @param jwkSetCacheDuration how long the keys read from {@code jwk-set-uri} are used
 * before they are read again (a token naming a key not among them reads them at once): a
 * signing key the identity provider revoked stops verifying within this time
 */
@ConfigurationProperties("groundgame.security")
public record ApiSecurityProperties(@DefaultValue("roles") String rolesClaim,
		@DefaultValue("chapter_id") String chapterClaim, @DefaultValue("30s") Duration jwkSetCacheDuration) {

}

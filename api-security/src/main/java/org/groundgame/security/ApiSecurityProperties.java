package org.groundgame.security;

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
 */
@ConfigurationProperties("groundgame.security")
public record ApiSecurityProperties(@DefaultValue("roles") String rolesClaim,
		@DefaultValue("chapter_id") String chapterClaim) {

}

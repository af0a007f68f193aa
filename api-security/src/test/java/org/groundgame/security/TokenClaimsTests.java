package org.groundgame.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class TokenClaimsTests {

	private final TokenClaims platform = new TokenClaims(
			new ApiSecurityProperties("roles", "chapter_id", Duration.ofSeconds(30)));

	@Test
	void staffWinsOverChapter() {
		Caller caller = this.platform.caller(jwt(Map.of("roles", List.of("CHAPTER", "STAFF"), "chapter_id", "c1")));
		assertThat(caller.isStaff()).isTrue();
		assertThat(caller.chapterId()).isNull();
	}

	@Test
	void unknownRolesAreIgnored() {
		Caller caller = this.platform.caller(jwt(Map.of("roles", List.of("ADMIN", "ROOT"))));
		assertThat(caller.role()).isNull();
		assertThat(caller.isAnonymous()).isFalse();
		assertThat(caller.mayAccessChapter("c1")).isFalse();
	}

	@Test
	void nestedAndSpaceSeparatedClaimsOfAnExternalProviderAreRead() {
		TokenClaims keycloak = new TokenClaims(
				new ApiSecurityProperties("realm_access.roles", "chapter", Duration.ofSeconds(30)));
		Caller caller = keycloak.caller(
				jwt(Map.of("realm_access", Map.of("roles", List.of("chapter", "offline_access")), "chapter", "c9")));
		assertThat(caller.isChapter()).isTrue();
		assertThat(caller.chapterId()).isEqualTo("c9");
		TokenClaims spaced = new TokenClaims(new ApiSecurityProperties("scope", "chapter_id", Duration.ofSeconds(30)));
		assertThat(spaced.caller(jwt(Map.of("scope", "read STAFF"))).isStaff()).isTrue();
	}

	private static Jwt jwt(Map<String, Object> claims) {
		Jwt.Builder builder = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("client-1")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60));
		claims.forEach(builder::claim);
		return builder.build();
	}

}

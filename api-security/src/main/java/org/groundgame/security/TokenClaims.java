package org.groundgame.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the platform's roles and chapter out of a validated token. */
public final class TokenClaims {

	private final ApiSecurityProperties properties;

	public TokenClaims(ApiSecurityProperties properties) {
		this.properties = properties;
	}

	/**
	 * The platform roles a token carries; unknown role names are ignored.
	 * @param jwt a validated token
	 * @return its roles, possibly none
	 */
	public Set<Role> roles(Jwt jwt) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : names(claim(jwt.getClaims(), this.properties.rolesClaim()))) {
			for (Role role : Role.values()) {
				if (role.name().equalsIgnoreCase(name)) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	/**
	 * The caller a token stands for: staff wins over training staff, training staff over
	 * chapter; a chapter role without a chapter id grants nothing.
	 * @param jwt a validated token
	 * @return the caller
	 */
	public Caller caller(Jwt jwt) {
		Set<Role> roles = roles(jwt);
		if (roles.contains(Role.STAFF)) {
			return Caller.staff(jwt.getSubject());
		}
		if (roles.contains(Role.TRAINING_STAFF)) {
			return Caller.trainingStaff(jwt.getSubject());
		}
		Object chapter = claim(jwt.getClaims(), this.properties.chapterClaim());
		if (roles.contains(Role.CHAPTER) && chapter instanceof String id && !id.isBlank()) {
			return Caller.chapter(jwt.getSubject(), id);
		}
		return new Caller(null, (jwt.getSubject() != null) ? jwt.getSubject() : "", null);
	}

	private static Object claim(Map<String, Object> claims, String path) {
		Object value = claims.get(path);
		if (value != null || !path.contains(".")) {
			return value;
		}
		Object current = claims;
		for (String part : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(part);
		}
		return current;
	}

	private static Collection<String> names(Object value) {
		if (value instanceof String text) {
			return List.of(text.trim().split("[\\s,]+"));
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

}

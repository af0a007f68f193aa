package org.groundgame.support.audit;

import org.groundgame.security.Caller;
import org.groundgame.security.TokenClaims;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;

import org.groundgame.support.web.RequestIdLogging;

/**
 * The actor and request id of the change being made on this thread, read where the
 * change's events are put into the outbox: the bearer token of the current request, or
 * the service itself outside any request.
 */
public class AuditActors {

	private final @Nullable TokenClaims claims;

	public AuditActors(@Nullable TokenClaims claims) {
		this.claims = claims;
	}

	public AuditActor current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
			Jwt jwt = token.getToken();
			Caller caller = (this.claims != null) ? this.claims.caller(jwt) : Caller.anonymous();
			return new AuditActor(jwt.getSubject(), clientOf(jwt),
					(caller.role() != null) ? caller.role().name() : null, caller.chapterId());
		}
		return (RequestContextHolder.getRequestAttributes() != null) ? AuditActor.ANONYMOUS : AuditActor.SYSTEM;
	}

	/** The gateway's request id of the current request, if it gave one. */
	public @Nullable String currentRequestId() {
		return MDC.get(RequestIdLogging.MDC_KEY);
	}

	private static @Nullable String clientOf(Jwt jwt) {
		for (String claim : new String[] { "azp", "client_id" }) {
			String value = jwt.getClaimAsString(claim);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}

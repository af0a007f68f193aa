package org.groundgame.identity.account;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.identity.person.Person;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The steps of signing in through the browser: after the password, either back to what
 * the person asked for (the authorization request that sent them to sign in), or to the
 * one-time code (or, for a person who has no authenticator yet, to enrolling one); after
 * the code, signed in. A failed password goes back to the form, saying only that it
 * failed, or that there were too many failures.
 */
@Component
public class SignInFlow implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	static final String CODE_PAGE = "/account/code";

	static final String ENROL_PAGE = "/account/enrol";

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	private final SavedRequestAwareAuthenticationSuccessHandler backToRequest = new SavedRequestAwareAuthenticationSuccessHandler();

	private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, jakarta.servlet.ServletException {
		if (authentication instanceof PendingSecondFactor pending) {
			// The request saved before the sign-in form stays saved for after the code.
			response.sendRedirect(pending.enrolled() ? CODE_PAGE : ENROL_PAGE);
			return;
		}
		this.backToRequest.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		response.sendRedirect(
				(exception instanceof PasswordSignIn.SignInThrottledException) ? "/login?throttled" : "/login?error");
	}

	/**
	 * The person passed the second factor: signed in, in a new session id, and sent back
	 * to what they asked for.
	 */
	void completeSignIn(Person person, HttpServletRequest request, HttpServletResponse response)
			throws IOException, jakarta.servlet.ServletException {
		Authentication signedIn = withSecondFactor(person, request, response);
		this.backToRequest.onAuthenticationSuccess(request, response, signedIn);
	}

	/**
	 * The session's person now holds both factors (after the code, or after enrolling an
	 * authenticator while signed in), in a new session id.
	 */
	Authentication withSecondFactor(Person person, HttpServletRequest request, HttpServletResponse response) {
		Authentication signedIn = PasswordSignIn.signedIn(person, passwordAt(), Instant.now());
		request.changeSessionId();
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(signedIn);
		this.contexts.setContext(context);
		this.repository.saveContext(context, request, response);
		return signedIn;
	}

	private Instant passwordAt() {
		PendingSecondFactor pending = pending();
		if (pending != null) {
			return pending.passwordAt();
		}
		Authentication current = this.contexts.getContext().getAuthentication();
		return (current != null) ? current.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map((authority) -> ((FactorGrantedAuthority) authority).getIssuedAt())
			.findFirst()
			.orElseGet(Instant::now) : Instant.now();
	}

	/** The person who owes a one-time code in this session, if any. */
	PendingSecondFactor pending() {
		Authentication current = this.contexts.getContext().getAuthentication();
		return (current instanceof PendingSecondFactor pending) ? pending : null;
	}

	/** The person signed in in this session, if any. */
	Authentication signedIn() {
		Authentication current = this.contexts.getContext().getAuthentication();
		return (current != null && current.isAuthenticated() && !(current instanceof PendingSecondFactor)
				&& current.getAuthorities().stream().noneMatch((a) -> a.getAuthority().equals("ROLE_ANONYMOUS")))
						? current : null;
	}

	/**
	 * A request refused to someone who still owes a one-time code goes to the code page
	 * rather than a bare 403.
	 */
	public AccessDeniedHandler accessDeniedHandler() {
		return (request, response, denied) -> {
			if (pending() != null) {
				response.sendRedirect(CODE_PAGE);
				return;
			}
			this.forbidden.handle(request, response, denied);
		};
	}

	/**
	 * A person who gave the right password and still owes a one-time code: not
	 * authenticated, so that neither the authorization endpoint (which issues a code only
	 * to an authenticated principal) nor any other page treats them as signed in.
	 */
	static final class PendingSecondFactor extends AbstractAuthenticationToken {

		private final String username;

		private final boolean enrolled;

		private final Instant passwordAt;

		PendingSecondFactor(String username, boolean enrolled, Instant passwordAt) {
			super(List.of());
			this.username = username;
			this.enrolled = enrolled;
			this.passwordAt = passwordAt;
			super.setAuthenticated(false);
		}

		/** When the person gave their password. */
		Instant passwordAt() {
			return this.passwordAt;
		}

		/** Whether the person has an authenticator (else they enrol one first). */
		boolean enrolled() {
			return this.enrolled;
		}

		@Override
		public Object getCredentials() {
			return null;
		}

		@Override
		public Object getPrincipal() {
			return this.username;
		}

		@Override
		public void setAuthenticated(boolean authenticated) {
			if (authenticated) {
				throw new IllegalArgumentException("A pending second factor is never authenticated");
			}
			super.setAuthenticated(false);
		}

	}

}

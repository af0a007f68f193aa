package org.groundgame.web.console;

import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.web.api.ApiProblem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page shares: the person signed in (for the header), no caching of
 * anything (every console page is someone's data), and a refusal by a service (a page of
 * another chapter, or of another role, reached by link or by form) shown as a page of its
 * own with a {@code 403}, whatever part of the console it came from; any other refusal as
 * the site's error pages show it.
 */
@ControllerAdvice(basePackages = "org.groundgame.web.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsolePages {

	@ModelAttribute("organizer")
	Organizer organizer(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof OidcUser user) ? Organizer.of(user)
				: null;
	}

	/**
	 * A service's refusal that no console page handled itself. Handled here entirely: an
	 * exception rethrown from an advice's handler reaches no other advice (it would be a
	 * 500).
	 */
	@ExceptionHandler
	String refused(ApiProblem ex, HttpServletResponse response, Model model) {
		switch (ex.status()) {
			case HttpServletResponse.SC_FORBIDDEN -> {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				return "console/forbidden";
			}
			case HttpServletResponse.SC_NOT_FOUND -> {
				response.setStatus(HttpServletResponse.SC_NOT_FOUND);
				return "error/404";
			}
			case 429 -> {
				response.setStatus(429);
				return "error/429";
			}
			default -> {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("problem", ex);
				return "error/4xx";
			}
		}
	}

}

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
 * own with a {@code 403}, whatever part of the console it came from.
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

	@ExceptionHandler
	String refused(ApiProblem ex, HttpServletResponse response, Model model) throws ApiProblem {
		if (ex.status() != HttpServletResponse.SC_FORBIDDEN) {
			throw ex;
		}
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "console/forbidden";
	}

}

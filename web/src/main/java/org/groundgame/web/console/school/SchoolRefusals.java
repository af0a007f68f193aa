package org.groundgame.web.console.school;

import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.console.Organizer;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.ui.Model;

/**
 * What the school's pages show for a refusal no form could place: another role's page
 * (403), an unknown cohort, trainee or session (404), too many requests (429), anything
 * else the API refused (400). The school's controllers handle these themselves: an
 * exception rethrown by an advice's handler reaches no other advice, and would be a 500.
 */
final class SchoolRefusals {

	private SchoolRefusals() {
	}

	static String page(ApiProblem problem, HttpServletResponse response, Model model) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
			model.addAttribute("organizer", Organizer.of(user));
		}
		if (problem.status() == HttpServletResponse.SC_FORBIDDEN) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return "console/forbidden";
		}
		if (problem.isNotFound()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "error/404";
		}
		if (problem.status() == 429) {
			response.setStatus(429);
			return "error/429";
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("problem", problem);
		return "error/4xx";
	}

}

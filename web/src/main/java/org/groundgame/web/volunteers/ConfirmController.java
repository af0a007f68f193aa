package org.groundgame.web.volunteers;

import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PlatformApis;
import org.groundgame.web.site.PrivateKeys;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The confirmation of a sign-up again ({@code /volunteers/confirm#token=…}, e-mailed to
 * the address when someone signed up with it): the page asks the person to confirm with a
 * button, so that a mail scanner that opens links confirms nothing, and only then applies
 * the change.
 */
@Controller
class ConfirmController {

	private final PlatformApis apis;

	ConfirmController(PlatformApis apis) {
		this.apis = apis;
	}

	@GetMapping("/volunteers/confirm")
	String page(Model model) {
		model.addAttribute("action", "/volunteers/confirm");
		return "volunteers/confirm";
	}

	@PostMapping("/volunteers/confirm")
	String confirm(@RequestParam(required = false) String token, @RequestParam(required = false) String answer,
			HttpServletResponse response, Model model) {
		if (!PrivateKeys.wellFormed(token)) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return expired(model);
		}
		boolean notMe = "not-me".equals(answer);
		try {
			if (notMe) {
				this.apis.volunteer()
					.delete()
					.uri("/api/volunteers/confirmations")
					.header("X-Confirmation-Token", token)
					.retrieve()
					.toBodilessEntity();
			}
			else {
				this.apis.volunteer()
					.post()
					.uri("/api/volunteers/confirmations")
					.header("X-Confirmation-Token", token)
					.retrieve()
					.toBodilessEntity();
			}
		}
		catch (ApiProblem problem) {
			if (!problem.isNotFound() && !problem.isConflict()) {
				throw problem;
			}
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return expired(model);
		}
		return notMe ? "volunteers/declined" : "volunteers/confirmed";
	}

	private static String expired(Model model) {
		model.addAttribute("hintKey", "expired.volunteer");
		model.addAttribute("next", "/join");
		model.addAttribute("nextKey", "expired.join");
		return "private/link-expired";
	}

}

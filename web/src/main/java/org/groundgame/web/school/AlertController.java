package org.groundgame.web.school;

import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PlatformApis;
import org.groundgame.web.site.PrivateKeys;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The links of "tell me when the next cohort opens": stopping an alert from the link in
 * its confirmation ({@code /training/alerts#token=…}, with a button, so that a mail
 * scanner stops nothing), and the cohort an alert announced
 * ({@code /training/cohorts/<id>}), which is the school's page of that cohort.
 */
@Controller
class AlertController {

	static final String TOKEN = "X-Alert-Token";

	private final PlatformApis apis;

	AlertController(PlatformApis apis) {
		this.apis = apis;
	}

	@GetMapping("/training/alerts")
	String page(Model model) {
		model.addAttribute("action", "/training/alerts");
		return "school/stop-alert";
	}

	@PostMapping("/training/alerts")
	String stop(@RequestParam(required = false) String token, HttpServletResponse response) {
		if (!PrivateKeys.wellFormed(token)) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "school/alert-stopped";
		}
		try {
			// Answered alike whether or not there was an alert to stop.
			this.apis.training()
				.delete()
				.uri("/api/training/cohort-alerts")
				.header(TOKEN, token)
				.retrieve()
				.toBodilessEntity();
		}
		catch (ApiProblem problem) {
			if (problem.status() != 404 && problem.status() != 400) {
				throw problem;
			}
		}
		return "school/alert-stopped";
	}

	@GetMapping("/training/cohorts/{id}")
	String cohort(@PathVariable String id) {
		if (!id.matches("[A-Za-z0-9-]{1,64}")) {
			throw new ApiProblem(404, null, null, java.util.List.of());
		}
		return "redirect:/school/cohorts/" + id + "/apply";
	}

}

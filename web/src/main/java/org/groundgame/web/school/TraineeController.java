package org.groundgame.web.school;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
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
 * The trainee's page, from the private link of their application or of a seat offer
 * ({@code /training/enrollments/<id>#token=<key>}): their place in line, and accepting or
 * declining a seat offered before the offer lapses, or withdrawing. campaign-training-
 * service checks the key on every call.
 */
@Controller
class TraineeController {

	static final String MANAGE_TOKEN = "X-Manage-Token";

	static final List<String> ACTIONS = List.of("accept-offer", "decline-offer", "withdraw");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private final PlatformApis apis;

	private final School school;

	TraineeController(PlatformApis apis, School school) {
		this.apis = apis;
		this.school = school;
	}

	@GetMapping("/training/enrollments/{id}")
	String enrollment(@PathVariable String id, @RequestParam(required = false) String done, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		requireId(id);
		Optional<String> key = PrivateKeys.held(request);
		if (key.isEmpty()) {
			model.addAttribute("action", path(id) + "/key");
			model.addAttribute("titleKey", "enrollment.title");
			return "private/open-link";
		}
		Optional<Enrollment> enrollment = read(id, key.get());
		if (enrollment.isEmpty()) {
			PrivateKeys.forget(request, response, path(id));
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return expired(model);
		}
		model.addAttribute("enrollment", enrollment.get());
		model.addAttribute("cohort", this.school.cohort(enrollment.get().cohortId()).orElse(null));
		model.addAttribute("done", (done != null && (ACTIONS.contains(done) || "conflict".equals(done))) ? done : null);
		return "school/enrollment";
	}

	@PostMapping("/training/enrollments/{id}/key")
	String openLink(@PathVariable String id, @RequestParam(required = false) String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		requireId(id);
		if (!PrivateKeys.wellFormed(token) || read(id, token).isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return expired(model);
		}
		PrivateKeys.keep(request, response, path(id), token);
		return "redirect:" + path(id);
	}

	@PostMapping("/training/enrollments/{id}/{action}")
	String act(@PathVariable String id, @PathVariable String action, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		requireId(id);
		if (action == null || !ACTIONS.contains(action)) {
			throw new ApiProblem(404, null, null, List.of());
		}
		Optional<String> key = PrivateKeys.held(request);
		if (key.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return expired(model);
		}
		try {
			this.apis.training()
				.post()
				.uri("/api/training/enrollments/{id}/{action}", id, action)
				.header(MANAGE_TOKEN, key.get())
				.retrieve()
				.toBodilessEntity();
		}
		catch (ApiProblem problem) {
			if (!problem.isConflict()) {
				throw problem;
			}
			// The offer lapsed meanwhile, say: the page shows where things stand now.
			return "redirect:" + path(id) + "?done=conflict";
		}
		return "redirect:" + path(id) + "?done=" + action;
	}

	private Optional<Enrollment> read(String id, String key) {
		try {
			return Optional.ofNullable(this.apis.training()
				.get()
				.uri("/api/training/enrollments/{id}", id)
				.header(MANAGE_TOKEN, key)
				.retrieve()
				.body(Enrollment.class));
		}
		catch (ApiProblem problem) {
			if (problem.status() == 404 || problem.status() == 401 || problem.status() == 403) {
				return Optional.empty();
			}
			throw problem;
		}
	}

	static String path(String id) {
		return "/training/enrollments/" + id;
	}

	private static void requireId(String id) {
		if (!ID.matcher(id).matches()) {
			throw new ApiProblem(404, null, null, List.of());
		}
	}

	private static String expired(Model model) {
		model.addAttribute("hintKey", "expired.trainee");
		model.addAttribute("next", "/school");
		model.addAttribute("nextKey", "school.back");
		return "private/link-expired";
	}

}

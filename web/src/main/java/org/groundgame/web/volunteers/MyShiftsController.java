package org.groundgame.web.volunteers;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PlatformApis;
import org.groundgame.web.site.Htmx;
import org.groundgame.web.site.PrivateKeys;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * My shifts, from the private link in any e-mail ({@code /volunteers/<id>#token=<key>}),
 * without a password: upcoming and past shifts, the place on a waitlist, cancelling, and
 * the calendar. The key is the proof: volunteer-service checks it on every call, and an
 * id without it (or with someone else's key) shows nothing.
 */
@Controller
class MyShiftsController {

	static final String MANAGE_TOKEN = "X-Manage-Token";

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private final PlatformApis apis;

	MyShiftsController(PlatformApis apis) {
		this.apis = apis;
	}

	@GetMapping("/volunteers/{id}")
	String myShifts(@PathVariable String id, @RequestParam(required = false) String done,
			@RequestHeader(name = Htmx.REQUEST, required = false) String htmx, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		requireId(id);
		Optional<String> key = PrivateKeys.held(request);
		if (key.isEmpty()) {
			model.addAttribute("action", "/volunteers/" + id + "/key");
			model.addAttribute("titleKey", "myshifts.title");
			return "private/open-link";
		}
		Optional<MyShifts> shifts = read(id, key.get());
		if (shifts.isEmpty()) {
			PrivateKeys.forget(request, response, path(id));
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return expired(model);
		}
		model.addAttribute("volunteerId", id);
		model.addAttribute("shifts", shifts.get());
		model.addAttribute("done", ("cancel".equals(done) || "confirm".equals(done)) ? done : null);
		return Htmx.fragmentOr(htmx, "volunteers/my-shifts", "shifts");
	}

	@PostMapping("/volunteers/{id}/key")
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

	@PostMapping("/volunteers/{id}/signups/{signupId}/{action}")
	String change(@PathVariable String id, @PathVariable String signupId, @PathVariable String action,
			@RequestParam String shiftId, @RequestHeader(name = Htmx.REQUEST, required = false) String htmx,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		requireId(id);
		requireId(signupId);
		requireId(shiftId);
		if (!"cancel".equals(action) && !"confirm".equals(action)) {
			throw new ApiProblem(404, null, null, java.util.List.of());
		}
		Optional<String> key = PrivateKeys.held(request);
		if (key.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return expired(model);
		}
		try {
			if ("cancel".equals(action)) {
				this.apis.volunteer()
					.delete()
					.uri("/api/shifts/{shiftId}/signups/{signupId}", shiftId, signupId)
					.header(MANAGE_TOKEN, key.get())
					.retrieve()
					.toBodilessEntity();
			}
			else {
				this.apis.volunteer()
					.post()
					.uri("/api/shifts/{shiftId}/signups/{signupId}/confirm", shiftId, signupId)
					.header(MANAGE_TOKEN, key.get())
					.retrieve()
					.toBodilessEntity();
			}
		}
		catch (ApiProblem problem) {
			if (!problem.isConflict() && !problem.isNotFound() && problem.status() != 403) {
				throw problem;
			}
			// Already cancelled, or not this volunteer's: the page shows what holds now.
		}
		if ("true".equals(htmx)) {
			return myShifts(id, action, htmx, request, response, model);
		}
		return "redirect:" + path(id) + "?done=" + action;
	}

	private Optional<MyShifts> read(String id, String key) {
		try {
			return Optional.ofNullable(this.apis.volunteer()
				.get()
				.uri("/api/volunteers/{id}/shifts", id)
				.header(MANAGE_TOKEN, key)
				.retrieve()
				.body(MyShifts.class));
		}
		catch (ApiProblem problem) {
			if (problem.status() == 404 || problem.status() == 401 || problem.status() == 403) {
				return Optional.empty();
			}
			throw problem;
		}
	}

	static String path(String id) {
		return "/volunteers/" + id;
	}

	private static void requireId(String id) {
		if (!ID.matcher(id).matches()) {
			throw new ApiProblem(404, null, null, java.util.List.of());
		}
	}

	private static String expired(Model model) {
		model.addAttribute("hintKey", "expired.volunteer");
		model.addAttribute("next", "/join");
		model.addAttribute("nextKey", "expired.join");
		return "private/link-expired";
	}

}

package org.groundgame.web.console.staff;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.console.Organizer;
import org.groundgame.web.site.FormErrors;
import org.groundgame.web.site.Htmx;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * National staff's endorsements: the list (active or rescinded, by state, level and
 * cycle), and an endorsement's page, where staff record the outcome of each stage of the
 * election and rescind it with a reason (public, as the API keeps it). A change someone
 * else made meanwhile (the API's {@code 409}) is shown, not overwritten.
 */
@Controller
class EndorsementsController {

	private final StaffEndorsements endorsements;

	private final FormErrors formErrors;

	EndorsementsController(StaffEndorsements endorsements, FormErrors formErrors) {
		this.endorsements = endorsements;
		this.formErrors = formErrors;
	}

	@GetMapping("/console/endorsements")
	String list(Organizer organizer, @RequestParam(required = false) String status,
			@RequestParam(required = false) String state, @RequestParam(required = false) String level,
			@RequestParam(required = false) Integer cycle, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = Htmx.REQUEST, required = false) String htmx, Model model) {
		StaffPages.requireStaff(organizer);
		StaffEndorsements.Filter filter = new StaffEndorsements.Filter(status, state, level, cycle);
		StaffPages.requireWellFormed(filter.isWellFormed());
		model.addAttribute("filter", filter);
		model.addAttribute("endorsements", this.endorsements.endorsements(filter, Math.max(page, 0)));
		return Htmx.fragmentOr(htmx, "console/staff/endorsements", "results");
	}

	@GetMapping("/console/endorsements/{id}")
	String endorsement(Organizer organizer, @PathVariable String id, Model model) {
		StaffPages.requireStaff(organizer);
		return page(this.endorsements.endorsement(id), model);
	}

	@PostMapping("/console/endorsements/{id}/outcome")
	String recordOutcome(Organizer organizer, @PathVariable String id, @RequestParam(required = false) String result,
			@RequestParam(required = false) String stage, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		StaffPages.requireStaff(organizer);
		Map<String, Object> body = new LinkedHashMap<>();
		if (result != null && !result.isBlank()) {
			body.put("result", result);
		}
		if (stage != null && !stage.isBlank()) {
			body.put("stage", stage);
		}
		return act(id, "outcome", () -> this.endorsements.recordOutcome(id, body), Map.of(), locale, model, response,
				redirect);
	}

	/**
	 * Publishes the victory announcement: the service checks the words (each field at
	 * fault shown by its field) and that there is a victory to announce and none
	 * announced yet (a conflict, shown as such).
	 */
	@PostMapping("/console/endorsements/{id}/announcement")
	String announceVictory(Organizer organizer, @PathVariable String id,
			@RequestParam(required = false) String headline, @RequestParam(required = false) String message,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		StaffPages.requireStaff(organizer);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("headline", (headline != null) ? headline : "");
		body.put("message", (message != null) ? message : "");
		return act(id, "announcement", () -> this.endorsements.announceVictory(id, body), Map.of(), locale, model,
				response, redirect);
	}

	@PostMapping("/console/endorsements/{id}/rescind")
	String rescind(Organizer organizer, @PathVariable String id, @RequestParam(required = false) String rescindReason,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		StaffPages.requireStaff(organizer);
		if (rescindReason == null || rescindReason.isBlank()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("failedForm", "rescind");
			model.addAttribute("errors",
					Map.of("rescindReason", this.formErrors.message("console.staff.error.rescind-reason", locale)));
			return page(this.endorsements.endorsement(id), model);
		}
		return act(id, "rescind", () -> this.endorsements.rescind(id, rescindReason.strip()),
				Map.of("reason", "rescindReason"), locale, model, response, redirect);
	}

	private String act(String id, String command, Runnable call, Map<String, String> fieldNames, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			call.run();
		}
		catch (ApiProblem problem) {
			if (problem.isConflict()) {
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				model.addAttribute("conflict", command);
				return page(this.endorsements.endorsement(id), model);
			}
			if (problem.status() != HttpServletResponse.SC_BAD_REQUEST) {
				throw problem;
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Map<String, String> errors = this.formErrors.byField(problem, locale, fieldNames);
			if (errors.isEmpty()) {
				model.addAttribute("problem", this.formErrors.general(problem, locale, "error.form"));
			}
			model.addAttribute("failedForm", command);
			model.addAttribute("errors", errors);
			return page(this.endorsements.endorsement(id), model);
		}
		redirect.addFlashAttribute("done", command);
		return "redirect:/console/endorsements/" + id;
	}

	private String page(Endorsement endorsement, Model model) {
		model.addAttribute("endorsement", endorsement);
		return "console/staff/endorsement";
	}

	@ExceptionHandler
	String problem(ApiProblem problem, HttpServletResponse response) {
		return StaffPages.problem(problem, response);
	}

}

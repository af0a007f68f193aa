package org.groundgame.web.console.staff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.Organizer;
import org.groundgame.web.console.staff.StaffNominations.Command;
import org.groundgame.web.console.staff.StaffNominations.HistoryEntry;
import org.groundgame.web.console.staff.StaffNominations.QueueFilter;
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
 * National staff's nominations: the queue (by status, state, cycle and level, with the
 * count of each status) and a nomination's page, where the review happens: start it, hold
 * and resume it, record research and a recommendation, endorse or decline with a reason,
 * send the candidate a new questionnaire link. Every change is the API's: a refusal is
 * shown next to the form's fields, and a change someone else made meanwhile (the API's
 * {@code 409}) is shown with the nomination as it now stands, never overwritten.
 */
@Controller
class NominationsController {

	/**
	 * Requests that publish an event: the history shows the event (which says more), not
	 * the request as well.
	 */
	private static final Set<String> ANNOUNCED = Set.of("review", "decision", "questionnaire", "withdraw");

	private final StaffNominations nominations;

	private final FormErrors formErrors;

	NominationsController(StaffNominations nominations, FormErrors formErrors) {
		this.nominations = nominations;
		this.formErrors = formErrors;
	}

	@GetMapping("/console/nominations")
	String queue(Organizer organizer, @RequestParam(required = false) String status,
			@RequestParam(required = false) String state, @RequestParam(required = false) Integer cycle,
			@RequestParam(required = false) String level, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = Htmx.REQUEST, required = false) String htmx, Model model) {
		StaffPages.requireStaff(organizer);
		QueueFilter filter = new QueueFilter(status, (state != null) ? state.toUpperCase(Locale.ROOT) : null, cycle,
				level);
		StaffPages.requireWellFormed(filter.isWellFormed());
		PageOf<Nomination> queue = this.nominations.queue(filter, Math.max(page, 0));
		Map<String, Long> counts = this.nominations.counts(filter);
		model.addAttribute("filter", filter);
		model.addAttribute("queue", queue);
		model.addAttribute("counts", counts);
		model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
		return Htmx.fragmentOr(htmx, "console/staff/nominations", "results");
	}

	@GetMapping("/console/nominations/{id}")
	String nomination(Organizer organizer, @PathVariable String id, Model model) {
		StaffPages.requireStaff(organizer);
		return page(this.nominations.nomination(id), model);
	}

	@PostMapping("/console/nominations/{id}/review")
	String review(Organizer organizer, @PathVariable String id, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return act(organizer, id, Command.REVIEW, Map.of("reviewer", organizer.name()), Map.of(), locale, model,
				response, redirect);
	}

	@PostMapping("/console/nominations/{id}/hold")
	String hold(Organizer organizer, @PathVariable String id, @RequestParam(required = false) String holdReason,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(organizer, id, Command.HOLD, body("reason", holdReason), Map.of("reason", "holdReason"), locale,
				model, response, redirect);
	}

	@PostMapping("/console/nominations/{id}/resume")
	String resume(Organizer organizer, @PathVariable String id, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return act(organizer, id, Command.RESUME, Map.of(), Map.of(), locale, model, response, redirect);
	}

	/**
	 * Research replaces what was recorded: the opponents, polls and fundraising that the
	 * form does not show are sent back as the nomination holds them.
	 */
	@PostMapping("/console/nominations/{id}/research")
	String research(Organizer organizer, @PathVariable String id, @RequestParam(required = false) String incumbency,
			@RequestParam(required = false) String winNumber, @RequestParam(required = false) String researchNotes,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		StaffPages.requireStaff(organizer);
		Map<String, Object> body = body("incumbency", incumbency);
		put(body, "notes", researchNotes);
		Map<String, String> errors = new LinkedHashMap<>();
		if (winNumber != null && !winNumber.isBlank()) {
			try {
				body.put("winNumber", Long.parseLong(winNumber.strip()));
			}
			catch (NumberFormatException ex) {
				errors.put("winNumber", this.formErrors.message("console.staff.error.whole-number", locale));
			}
		}
		if (!errors.isEmpty()) {
			return refused(this.nominations.nomination(id), "research", errors, model, response);
		}
		Nomination.Research current = this.nominations.nomination(id).research();
		if (current != null) {
			body.put("opponents", current.opponents());
			body.put("polling", current.polling());
			if (current.fundraising() != null) {
				body.put("fundraising", current.fundraising());
			}
		}
		return act(organizer, id, Command.RESEARCH, body, Map.of("notes", "researchNotes"), locale, model, response,
				redirect);
	}

	@PostMapping("/console/nominations/{id}/recommendation")
	String recommend(Organizer organizer, @PathVariable String id,
			@RequestParam(required = false) String recommendation, @RequestParam(required = false) String tier,
			@RequestParam(required = false) String rationale, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, Object> body = body("recommendation", recommendation);
		put(body, "tier", tier);
		put(body, "rationale", rationale);
		return act(organizer, id, Command.RECOMMENDATION, body, Map.of(), locale, model, response, redirect);
	}

	/** Endorse or decline, always with a reason (the public reads a decline's). */
	@PostMapping("/console/nominations/{id}/decision")
	String decide(Organizer organizer, @PathVariable String id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String decisionReason, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		StaffPages.requireStaff(organizer);
		if (decisionReason == null || decisionReason.isBlank()) {
			return refused(this.nominations.nomination(id), "decision",
					Map.of("decisionReason", this.formErrors.message("console.staff.error.reason", locale)), model,
					response);
		}
		Map<String, Object> body = body("decision", decision);
		body.put("reason", decisionReason.strip());
		return act(organizer, id, Command.DECISION, body, Map.of("reason", "decisionReason"), locale, model, response,
				redirect);
	}

	@PostMapping("/console/nominations/{id}/questionnaire")
	String reissueQuestionnaire(Organizer organizer, @PathVariable String id,
			@RequestParam(required = false) String questionnaireEmail, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return act(organizer, id, Command.QUESTIONNAIRE, body("email", questionnaireEmail),
				Map.of("email", "questionnaireEmail"), locale, model, response, redirect);
	}

	/**
	 * Sends a command; done, back to the nomination's page with what was done. Refused
	 * for its input: the page again with the API's messages next to the fields. Refused
	 * because the nomination changed meanwhile (someone else decided, held, …): the page
	 * as the nomination now stands, saying so.
	 */
	private String act(Organizer organizer, String id, Command command, Map<String, Object> body,
			Map<String, String> fieldNames, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		StaffPages.requireStaff(organizer);
		try {
			this.nominations.command(id, command, body);
		}
		catch (ApiProblem problem) {
			if (problem.isConflict()) {
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				model.addAttribute("conflict", command.path());
				return page(this.nominations.nomination(id), model);
			}
			if (problem.status() != HttpServletResponse.SC_BAD_REQUEST) {
				throw problem;
			}
			Map<String, String> errors = this.formErrors.byField(problem, locale, fieldNames);
			if (errors.isEmpty()) {
				model.addAttribute("problem", this.formErrors.general(problem, locale, "error.form"));
			}
			return refused(this.nominations.nomination(id), command.path(), errors, model, response);
		}
		redirect.addFlashAttribute("done", command.path());
		return "redirect:/console/nominations/" + id;
	}

	private String refused(Nomination nomination, String form, Map<String, String> errors, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("errors", errors);
		model.addAttribute("failedForm", form);
		return page(nomination, model);
	}

	private String page(Nomination nomination, Model model) {
		model.addAttribute("nomination", nomination);
		List<HistoryEntry> history = new ArrayList<>(this.nominations.history(nomination.id()));
		if (nomination.endorsementId() != null) {
			// The endorsement's own events (granted, rescinded, outcomes) are filed under
			// its id.
			history.addAll(this.nominations.history(nomination.endorsementId()));
			history.sort(Comparator.comparingLong(HistoryEntry::sequence));
		}
		model.addAttribute("history", shown(history));
		model.addAttribute("chapter", (nomination.nominatedBy() != null && nomination.nominatedBy().chapterId() != null)
				? this.nominations.chapterName(nomination.nominatedBy().chapterId()) : null);
		return "console/staff/nomination";
	}

	private static List<HistoryEntry> shown(List<HistoryEntry> entries) {
		return entries.stream().filter((entry) -> !entry.isRequest() || !ANNOUNCED.contains(entry.what())).toList();
	}

	@ExceptionHandler
	String problem(ApiProblem problem, HttpServletResponse response) {
		return StaffPages.problem(problem, response);
	}

	private static Map<String, Object> body(String name, String value) {
		Map<String, Object> body = new LinkedHashMap<>();
		put(body, name, value);
		return body;
	}

	/** Puts what was given; a blank field is left out. */
	private static void put(Map<String, Object> body, String name, String value) {
		String given = blankIsNull(value);
		if (given != null) {
			body.put(name, given);
		}
	}

	private static String blankIsNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}

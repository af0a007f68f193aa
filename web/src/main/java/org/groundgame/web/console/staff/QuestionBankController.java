package org.groundgame.web.console.staff;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.console.ConsoleApis;
import org.groundgame.web.console.Organizer;
import org.groundgame.web.site.FormErrors;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The question bank of each election cycle: staff edit the questions, put them in order,
 * remove some, add one at a time, and preview the questionnaire as candidates see it.
 * Saving sends the whole list with the version it was made from: a bank changed by
 * someone else meanwhile is the API's {@code 409}, and the page shows the bank as it now
 * is instead of overwriting it.
 */
@Controller
class QuestionBankController {

	private static final Pattern QUESTION_FIELD = Pattern.compile("questions\\[(\\d+)\\]\\.(text|kind|id)");

	private static final List<String> AGREEMENTS = List.of("STRONGLY_AGREE", "AGREE", "NEUTRAL", "DISAGREE",
			"STRONGLY_DISAGREE");

	private final ConsoleApis apis;

	private final FormErrors formErrors;

	QuestionBankController(ConsoleApis apis, FormErrors formErrors) {
		this.apis = apis;
		this.formErrors = formErrors;
	}

	/** Which cycle's bank: the one asked for, else a chooser opening at this year. */
	@GetMapping("/console/questionnaires")
	String choose(Organizer organizer, @RequestParam(required = false) Integer cycle, Model model) {
		StaffPages.requireStaff(organizer);
		if (cycle != null) {
			return "redirect:/console/questionnaires/" + cycle;
		}
		model.addAttribute("cycle", LocalDate.now().getYear());
		return "console/staff/questionnaires";
	}

	@GetMapping("/console/questionnaires/{cycle}")
	String bank(Organizer organizer, @PathVariable int cycle, Model model) {
		StaffPages.requireStaff(organizer);
		QuestionBank bank = bank(cycle);
		return editor(bank, QuestionBankForm.of(bank), model);
	}

	@GetMapping("/console/questionnaires/{cycle}/preview")
	String preview(Organizer organizer, @PathVariable int cycle, Model model) {
		StaffPages.requireStaff(organizer);
		model.addAttribute("bank", bank(cycle));
		model.addAttribute("agreements", AGREEMENTS);
		return "console/staff/questionnaire-preview";
	}

	@PostMapping("/console/questionnaires/{cycle}")
	String save(Organizer organizer, @PathVariable int cycle, @ModelAttribute QuestionBankForm form, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		StaffPages.requireStaff(organizer);
		List<QuestionBankForm.Row> kept = form.kept();
		try {
			this.apis.endorsement()
				.put()
				.uri("/api/questionnaires/{cycle}", cycle)
				.contentType(MediaType.APPLICATION_JSON)
				.body(form.body(kept))
				.retrieve()
				.toBodilessEntity();
		}
		catch (ApiProblem problem) {
			if (problem.isConflict()) {
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				model.addAttribute("conflict", true);
				QuestionBank now = bank(cycle);
				return editor(now, QuestionBankForm.of(now), model);
			}
			if (problem.status() != HttpServletResponse.SC_BAD_REQUEST) {
				throw problem;
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", errorsOnRows(problem, kept, form, locale));
			model.addAttribute("problem", this.formErrors.general(problem, locale, "error.form"));
			return editor(bank(cycle), form.withBlankRow(), model);
		}
		redirect.addFlashAttribute("done", true);
		return "redirect:/console/questionnaires/" + cycle;
	}

	/**
	 * The API names a question by its place in the list sent ({@code questions[2].text});
	 * the form's rows were in another order.
	 */
	private Map<String, String> errorsOnRows(ApiProblem problem, List<QuestionBankForm.Row> kept, QuestionBankForm form,
			Locale locale) {
		Map<String, String> byApiField = this.formErrors.byField(problem, locale, Map.of());
		Map<String, String> errors = new LinkedHashMap<>();
		byApiField.forEach((field, message) -> {
			Matcher matcher = QUESTION_FIELD.matcher(field);
			if (matcher.matches() && Integer.parseInt(matcher.group(1)) < kept.size()) {
				int row = form.getQuestions().indexOf(kept.get(Integer.parseInt(matcher.group(1))));
				errors.put("questions[" + row + "]." + ("kind".equals(matcher.group(2)) ? "kind" : "text"), message);
			}
			else {
				errors.put(field, message);
			}
		});
		return errors;
	}

	private QuestionBank bank(int cycle) {
		return this.apis.endorsement()
			.get()
			.uri("/api/questionnaires/{cycle}", cycle)
			.retrieve()
			.body(QuestionBank.class);
	}

	private String editor(QuestionBank bank, QuestionBankForm form, Model model) {
		model.addAttribute("bank", bank);
		model.addAttribute("form", form);
		return "console/staff/questionnaire";
	}

	@ExceptionHandler
	String problem(ApiProblem problem, HttpServletResponse response) {
		return StaffPages.problem(problem, response);
	}

}

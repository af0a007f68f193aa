package org.groundgame.web.volunteers;

import java.util.List;
import java.util.Locale;

import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PlatformApis;
import org.groundgame.web.chapters.Chapters;
import org.groundgame.web.site.FormErrors;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Join the team": the sign-up form with consent per channel. The answer is the same
 * whether or not the address was known (the API's is), and says in plain words that a
 * known address changes nothing until its owner confirms from their mailbox.
 */
@Controller
class JoinController {

	static final List<String> INTERESTS = List.of("PHONE_BANKING", "CANVASSING", "DEEP_CANVASSING", "TEXT_BANKING",
			"EVENTS", "DATA");

	private final PlatformApis apis;

	private final Chapters chapters;

	private final FormErrors formErrors;

	JoinController(PlatformApis apis, Chapters chapters, FormErrors formErrors) {
		this.apis = apis;
		this.chapters = chapters;
		this.formErrors = formErrors;
	}

	@GetMapping("/join")
	String form(@RequestParam(required = false) String chapterId, Model model) {
		return page(JoinForm.empty(chapterId), null, model);
	}

	@PostMapping("/join")
	String join(@ModelAttribute JoinForm form, Locale locale, Model model) {
		try {
			this.apis.volunteer()
				.post()
				.uri("/api/volunteers")
				.contentType(MediaType.APPLICATION_JSON)
				.body(form.toRequest(locale.getLanguage()))
				.retrieve()
				.toBodilessEntity();
		}
		catch (ApiProblem problem) {
			if (problem.isNotFound() || problem.status() == 429) {
				throw problem;
			}
			return page(form, problem, model);
		}
		return "volunteers/joined";
	}

	private String page(JoinForm form, ApiProblem problem, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("interests", INTERESTS);
		model.addAttribute("chapters", this.chapters.chapters(null, 0).content());
		if (problem != null) {
			model.addAttribute("errors", this.formErrors.byField(problem,
					org.springframework.context.i18n.LocaleContextHolder.getLocale(), JoinForm.FIELD_NAMES));
			model.addAttribute("problem",
					problem.fieldMessages().isEmpty()
							? this.formErrors.general(problem,
									org.springframework.context.i18n.LocaleContextHolder.getLocale(), "error.form")
							: null);
		}
		return "volunteers/join";
	}

}

package org.groundgame.web.school;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.groundgame.web.WebProperties;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PlatformApis;
import org.groundgame.web.chapters.Chapters;
import org.groundgame.web.site.FormErrors;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The Campaign Leadership School: its cohorts with seats left and the waitlist, the
 * application form, and "tell me when the next cohort opens". Applying answers alike
 * whether or not the address applied before: the private link to the application goes to
 * the address by e-mail.
 */
@Controller
class SchoolController {

	static final List<String> TRACKS = List.of("CANDIDATE", "CAMPAIGN_MANAGER", "ORGANIZER");

	private final School school;

	private final Chapters chapters;

	private final PlatformApis apis;

	private final FormErrors formErrors;

	private final ZoneId zone;

	SchoolController(School school, Chapters chapters, PlatformApis apis, FormErrors formErrors,
			WebProperties properties) {
		this.school = school;
		this.chapters = chapters;
		this.apis = apis;
		this.formErrors = formErrors;
		this.zone = properties.timeZone();
	}

	@GetMapping("/school")
	String school(Model model) {
		return page(new AlertForm(null, null, null, false), null, model);
	}

	@PostMapping("/school/alerts")
	String alert(@ModelAttribute AlertForm form, Locale locale, Model model) {
		try {
			this.apis.training()
				.post()
				.uri("/api/training/cohort-alerts")
				.contentType(MediaType.APPLICATION_JSON)
				.body(form.toRequest(locale.getLanguage()))
				.retrieve()
				.toBodilessEntity();
		}
		catch (ApiProblem problem) {
			if (problem.status() == 429) {
				throw problem;
			}
			return page(form, this.formErrors.byField(problem, locale, Map.of()), model);
		}
		model.addAttribute("track", form.track());
		return "school/alerted";
	}

	@GetMapping("/school/cohorts/{id}/apply")
	String applicationForm(@PathVariable String id, Model model) {
		return application(cohort(id), ApplicationForm.empty(), null, model);
	}

	@PostMapping("/school/cohorts/{id}/apply")
	String apply(@PathVariable String id, @ModelAttribute ApplicationForm form, Locale locale, Model model) {
		Cohort cohort = cohort(id);
		try {
			this.apis.training()
				.post()
				.uri("/api/training/cohorts/{id}/applications", id)
				.contentType(MediaType.APPLICATION_JSON)
				.body(form.toRequest(locale.getLanguage()))
				.retrieve()
				.toBodilessEntity();
		}
		catch (ApiProblem problem) {
			if (problem.isNotFound() || problem.status() == 429) {
				throw problem;
			}
			Map<String, String> errors = this.formErrors.byField(problem, locale, Map.of());
			model.addAttribute("problem",
					errors.isEmpty() ? this.formErrors.general(problem, locale, "school.apply.refused") : null);
			return application(cohort, form, errors, model);
		}
		model.addAttribute("cohort", cohort);
		return "school/applied";
	}

	private Cohort cohort(String id) {
		return this.school.cohort(id).orElseThrow(() -> new ApiProblem(404, null, null, List.of()));
	}

	private String page(AlertForm form, Map<String, String> errors, Model model) {
		LocalDate today = LocalDate.now(this.zone);
		model.addAttribute("cohorts", this.school.cohorts().content());
		model.addAttribute("today", today);
		model.addAttribute("tracks", TRACKS);
		model.addAttribute("alert", form);
		model.addAttribute("errors", errors);
		return "school/school";
	}

	private String application(Cohort cohort, ApplicationForm form, Map<String, String> errors, Model model) {
		model.addAttribute("cohort", cohort);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("chapters", this.chapters.chapters(null, 0).content());
		return "school/apply";
	}

	/**
	 * "Tell me when the next cohort opens", as posted.
	 *
	 * @param email where to write
	 * @param name the name to greet them by, if given
	 * @param track which track's next cohort
	 * @param consent that they agree to that one e-mail
	 */
	record AlertForm(String email, String name, String track, Boolean consent) {

		Map<String, Object> toRequest(String language) {
			Map<String, Object> body = new java.util.LinkedHashMap<>();
			body.put("email", this.email);
			if (this.name != null && !this.name.isBlank()) {
				body.put("name", this.name.strip());
			}
			body.put("track", this.track);
			body.put("consent", Boolean.TRUE.equals(this.consent));
			body.put("language", language);
			return body;
		}

	}

}

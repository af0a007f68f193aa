package org.groundgame.web.nominate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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
 * "Nominate a candidate or a slate": the public form for members, and for a chapter
 * member choosing their chapter. The answer says what happens next.
 */
@Controller
class NominateController {

	private final PlatformApis apis;

	private final Chapters chapters;

	private final FormErrors formErrors;

	NominateController(PlatformApis apis, Chapters chapters, FormErrors formErrors) {
		this.apis = apis;
		this.chapters = chapters;
		this.formErrors = formErrors;
	}

	@GetMapping("/nominate")
	String candidate(@RequestParam(required = false) String chapterId, Model model) {
		return page(NominationForm.empty(1, chapterId), false, null, model);
	}

	@GetMapping("/nominate/slate")
	String slate(@RequestParam(required = false) String chapterId, Model model) {
		return page(NominationForm.empty(NominationForm.SLATE_ROWS, chapterId), true, null, model);
	}

	@PostMapping("/nominate")
	String nominate(@ModelAttribute NominationForm form, Locale locale, Model model) {
		return submit(form, false, "/api/nominations", form.toNomination(), locale, model);
	}

	@PostMapping("/nominate/slate")
	String nominateSlate(@ModelAttribute NominationForm form, Locale locale, Model model) {
		return submit(form, true, "/api/slates", form.toSlate(), locale, model);
	}

	private String submit(NominationForm form, boolean slate, String uri, Map<String, Object> body, Locale locale,
			Model model) {
		try {
			this.apis.endorsement()
				.post()
				.uri(uri)
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.retrieve()
				.toBodilessEntity();
		}
		catch (ApiProblem problem) {
			if (problem.status() == 429) {
				throw problem;
			}
			model.addAttribute("problem", this.formErrors.general(problem, locale, "error.form"));
			return page(form.padded(slate ? NominationForm.SLATE_ROWS : 1), slate,
					this.formErrors.byField(problem, locale, fieldNames(slate)), model);
		}
		model.addAttribute("slate", slate);
		return "nominate/nominated";
	}

	/**
	 * The API's field names ({@code candidate.email}, {@code nominations[1].race.state})
	 * as the form's.
	 */
	private static Map<String, String> fieldNames(boolean slate) {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("nominatedBy.name", "nominatorName");
		names.put("nominatedBy.email", "nominatorEmail");
		names.put("nominatedBy.chapterId", "chapterId");
		names.put("name", "slateName");
		for (String field : new String[] { "name", "email", "website" }) {
			names.put("candidate." + field, "candidates[0]." + field);
			for (int i = 0; i < NominationForm.SLATE_ROWS; i++) {
				names.put("nominations[" + i + "].candidate." + field, "candidates[" + i + "]." + field);
			}
		}
		for (String field : new String[] { "office", "level", "state", "district", "jurisdiction", "electionDate" }) {
			names.put("race." + field, "candidates[0]." + field);
			for (int i = 0; i < NominationForm.SLATE_ROWS; i++) {
				names.put("nominations[" + i + "].race." + field, "candidates[" + i + "]." + field);
			}
		}
		return names;
	}

	private String page(NominationForm form, boolean slate, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("slate", slate);
		model.addAttribute("errors", errors);
		model.addAttribute("chapters", this.chapters.chapters(null, 0).content());
		return "nominate/nominate";
	}

}

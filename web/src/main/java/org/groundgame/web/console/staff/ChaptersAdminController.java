package org.groundgame.web.console.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.ConsoleApis;
import org.groundgame.web.console.Organizer;
import org.groundgame.web.site.FormErrors;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Chapters for national staff (volunteer-service's {@code /api/chapters}): the directory
 * by state, registering a chapter, and editing one, with its sister chapters chosen from
 * the chapters of its state.
 */
@Controller
class ChaptersAdminController {

	private static final int PAGE_SIZE = 20;

	private static final ParameterizedTypeReference<PageOf<Chapter>> CHAPTERS = new ParameterizedTypeReference<>() {
	};

	private final ConsoleApis apis;

	private final FormErrors formErrors;

	ChaptersAdminController(ConsoleApis apis, FormErrors formErrors) {
		this.apis = apis;
		this.formErrors = formErrors;
	}

	@GetMapping("/console/chapters")
	String chapters(Organizer organizer, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") int page, Model model) {
		StaffPages.requireStaff(organizer);
		String code = (state == null || state.isBlank()) ? null : state.strip().toUpperCase(Locale.ROOT);
		StaffPages.requireWellFormed(StaffPages.isState(code));
		model.addAttribute("state", code);
		model.addAttribute("chapters",
				(code != null)
						? this.apis.volunteer()
							.get()
							.uri("/api/chapters?state={state}&page={page}&size={size}", code, Math.max(page, 0),
									PAGE_SIZE)
							.retrieve()
							.body(CHAPTERS)
						: this.apis.volunteer()
							.get()
							.uri("/api/chapters?page={page}&size={size}", Math.max(page, 0), PAGE_SIZE)
							.retrieve()
							.body(CHAPTERS));
		model.addAttribute("base", (code != null) ? "/console/chapters?state=" + code : "/console/chapters");
		return "console/staff/chapters";
	}

	@GetMapping("/console/chapters/new")
	String registration(Organizer organizer, Model model) {
		StaffPages.requireStaff(organizer);
		return form(ChapterForm.empty(), null, List.of(), model);
	}

	@PostMapping("/console/chapters")
	String register(Organizer organizer, ChapterForm form, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		StaffPages.requireStaff(organizer);
		Chapter registered;
		try {
			registered = this.apis.volunteer()
				.post()
				.uri("/api/chapters")
				.contentType(MediaType.APPLICATION_JSON)
				.body(form.body())
				.retrieve()
				.body(Chapter.class);
		}
		catch (ApiProblem problem) {
			return refused(problem, form, null, locale, model, response);
		}
		redirect.addFlashAttribute("done", "registered");
		return "redirect:/console/chapters/" + registered.id();
	}

	@GetMapping("/console/chapters/{id}")
	String chapter(Organizer organizer, @PathVariable String id, Model model) {
		StaffPages.requireStaff(organizer);
		Chapter chapter = chapter(id);
		return form(ChapterForm.of(chapter), chapter, sistersToChoose(chapter), model);
	}

	@PostMapping("/console/chapters/{id}")
	String edit(Organizer organizer, @PathVariable String id, ChapterForm form, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		StaffPages.requireStaff(organizer);
		try {
			this.apis.volunteer()
				.put()
				.uri("/api/chapters/{id}", id)
				.contentType(MediaType.APPLICATION_JSON)
				.body(form.body())
				.retrieve()
				.toBodilessEntity();
		}
		catch (ApiProblem problem) {
			return refused(problem, form, chapter(id), locale, model, response);
		}
		redirect.addFlashAttribute("done", "saved");
		return "redirect:/console/chapters/" + id;
	}

	private String refused(ApiProblem problem, ChapterForm form, Chapter chapter, Locale locale, Model model,
			HttpServletResponse response) {
		if (problem.status() != HttpServletResponse.SC_BAD_REQUEST) {
			throw problem;
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		Map<String, String> errors = this.formErrors.byField(problem, locale, Map.of("sisterChapterIds", "sisters"));
		if (errors.isEmpty()) {
			model.addAttribute("problem", this.formErrors.general(problem, locale, "error.form"));
		}
		model.addAttribute("errors", errors);
		return form(form, chapter, (chapter != null) ? sistersToChoose(chapter) : List.of(), model);
	}

	private Chapter chapter(String id) {
		return this.apis.volunteer().get().uri("/api/chapters/{id}", id).retrieve().body(Chapter.class);
	}

	/** The other chapters of the chapter's state, which may be its sisters. */
	private List<Chapter> sistersToChoose(Chapter chapter) {
		PageOf<Chapter> inState = this.apis.volunteer()
			.get()
			.uri("/api/chapters?state={state}&size=100", chapter.state())
			.retrieve()
			.body(CHAPTERS);
		List<Chapter> sisters = new ArrayList<>();
		if (inState != null) {
			inState.content().stream().filter((other) -> !other.id().equals(chapter.id())).forEach(sisters::add);
		}
		return sisters;
	}

	private String form(ChapterForm form, Chapter chapter, List<Chapter> sisters, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("chapter", chapter);
		model.addAttribute("sisters", sisters);
		return "console/staff/chapter";
	}

	@ExceptionHandler
	String problem(ApiProblem problem, HttpServletResponse response) {
		return StaffPages.problem(problem, response);
	}

	/** A chapter as volunteer-service shows it. */
	public record Chapter(String id, String name, String state, String city, String contactEmail,
			String parentOrganization, List<String> sisterChapterIds, Instant registeredAt) {

		public Chapter {
			sisterChapterIds = (sisterChapterIds != null) ? sisterChapterIds : List.of();
		}

	}

	/** The chapter's form: what {@code POST} and {@code PUT /api/chapters} take. */
	public record ChapterForm(String name, String state, String city, String contactEmail, String parentOrganization,
			List<String> sisters) {

		public ChapterForm {
			sisters = (sisters != null) ? sisters : List.of();
		}

		static ChapterForm empty() {
			return new ChapterForm(null, null, null, null, null, List.of());
		}

		static ChapterForm of(Chapter chapter) {
			return new ChapterForm(chapter.name(), chapter.state(), chapter.city(), chapter.contactEmail(),
					chapter.parentOrganization(), chapter.sisterChapterIds());
		}

		Map<String, Object> body() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", blankIsEmpty(this.name));
			body.put("state", blankIsEmpty(this.state));
			body.put("city", blankIsEmpty(this.city));
			body.put("contactEmail", blankIsEmpty(this.contactEmail));
			if (this.parentOrganization != null && !this.parentOrganization.isBlank()) {
				body.put("parentOrganization", this.parentOrganization.strip());
			}
			body.put("sisterChapterIds", this.sisters);
			return body;
		}

		private static String blankIsEmpty(String value) {
			return (value != null) ? value.strip() : "";
		}

	}

}

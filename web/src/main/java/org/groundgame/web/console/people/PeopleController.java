package org.groundgame.web.console.people;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.ConsoleApis;
import org.groundgame.web.console.Organizer;
import org.groundgame.web.site.FormErrors;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * National staff manage who may sign in to the console (identity-service's people API):
 * the people, inviting someone by e-mail with a role (and, for a chapter organizer, their
 * chapter), changing a person's role, disabling and enabling them, and sending an
 * invitation again. identity-service refuses all of it to anyone but staff; the pages
 * answer its refusal as every console page does.
 */
@Controller
class PeopleController {

	private static final ParameterizedTypeReference<PageOf<Person>> PEOPLE = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<PageOf<Chapter>> CHAPTERS = new ParameterizedTypeReference<>() {
	};

	static final List<String> ROLES = List.of("CHAPTER", "TRAINING_STAFF", "STAFF");

	private final ConsoleApis apis;

	private final FormErrors formErrors;

	PeopleController(ConsoleApis apis, FormErrors formErrors) {
		this.apis = apis;
		this.formErrors = formErrors;
	}

	@GetMapping("/console/people")
	String people(@RequestParam(defaultValue = "0") int page, Organizer organizer, Model model) {
		model.addAttribute("people",
				this.apis.identity()
					.get()
					.uri("/api/people?page={page}&size=50", Math.max(page, 0))
					.retrieve()
					.body(PEOPLE));
		model.addAttribute("chapterNames", chapterNames());
		return "console/people/people";
	}

	@GetMapping("/console/people/invite")
	String inviteForm(Model model) {
		return invitePage(new Invitation(null, null, "CHAPTER", null), null, model);
	}

	@PostMapping("/console/people/invite")
	String invite(@ModelAttribute Invitation invitation, Locale locale, Model model, RedirectAttributes redirect) {
		Person invited;
		try {
			invited = this.apis.identity()
				.post()
				.uri("/api/people")
				.contentType(MediaType.APPLICATION_JSON)
				.body(invitation.toRequest())
				.retrieve()
				.body(Person.class);
		}
		catch (ApiProblem problem) {
			if (problem.status() == 403) {
				throw problem;
			}
			model.addAttribute("problem", this.formErrors.general(problem, locale, "console.people.invite.problem"));
			return invitePage(invitation, this.formErrors.byField(problem, locale, Map.of()), model);
		}
		redirect.addFlashAttribute("notice", "console.people.invited");
		redirect.addFlashAttribute("noticeName", invited.displayName());
		return "redirect:/console/people/" + invited.id();
	}

	@GetMapping("/console/people/{id}")
	String person(@PathVariable String id, Model model) {
		return personPage(person(id), null, model);
	}

	@PostMapping("/console/people/{id}/role")
	String changeRole(@PathVariable String id, @RequestParam String role,
			@RequestParam(required = false) String chapterId, Locale locale, Model model, RedirectAttributes redirect) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("role", role);
		body.put("chapterId", "CHAPTER".equals(role) ? blankToNull(chapterId) : null);
		try {
			this.apis.identity()
				.put()
				.uri("/api/people/{id}/role", id)
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.retrieve()
				.toBodilessEntity();
		}
		catch (ApiProblem problem) {
			if (problem.status() == 403 || problem.isNotFound()) {
				throw problem;
			}
			model.addAttribute("problem", this.formErrors.general(problem, locale, "console.people.role.problem"));
			return personPage(person(id), this.formErrors.byField(problem, locale, Map.of()), model);
		}
		redirect.addFlashAttribute("notice", "console.people.role-changed");
		return "redirect:/console/people/" + id;
	}

	@PostMapping("/console/people/{id}/disable")
	String disable(@PathVariable String id, RedirectAttributes redirect) {
		return act(id, "disable", "console.people.disabled", redirect);
	}

	@PostMapping("/console/people/{id}/enable")
	String enable(@PathVariable String id, RedirectAttributes redirect) {
		return act(id, "enable", "console.people.enabled", redirect);
	}

	@PostMapping("/console/people/{id}/invitation")
	String inviteAgain(@PathVariable String id, RedirectAttributes redirect) {
		return act(id, "invitation", "console.people.invited-again", redirect);
	}

	private String act(String id, String action, String notice, RedirectAttributes redirect) {
		try {
			this.apis.identity().post().uri("/api/people/{id}/" + action, id).retrieve().toBodilessEntity();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (ApiProblem problem) {
			if (problem.status() != 409) {
				throw problem;
			}
			// Someone else changed the person meanwhile (or there is nothing to do): the
			// page shows them as they are now.
			redirect.addFlashAttribute("notice", "console.people.changed-meanwhile");
		}
		return "redirect:/console/people/" + id;
	}

	private Person person(String id) {
		return this.apis.identity().get().uri("/api/people/{id}", id).retrieve().body(Person.class);
	}

	private String personPage(Person person, Map<String, String> errors, Model model) {
		model.addAttribute("person", person);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", ROLES);
		model.addAttribute("chapters", chapters());
		model.addAttribute("chapterNames", chapterNames());
		return "console/people/person";
	}

	private String invitePage(Invitation invitation, Map<String, String> errors, Model model) {
		model.addAttribute("invitation", invitation);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", ROLES);
		model.addAttribute("chapters", chapters());
		return "console/people/invite";
	}

	private List<Chapter> chapters() {
		PageOf<Chapter> chapters = this.apis.volunteer().get().uri("/api/chapters?size=100").retrieve().body(CHAPTERS);
		return (chapters != null) ? chapters.content() : List.of();
	}

	private Map<String, String> chapterNames() {
		Map<String, String> names = new LinkedHashMap<>();
		chapters().forEach((chapter) -> names.put(chapter.id(), chapter.name()));
		return names;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** The invitation form. */
	record Invitation(String email, String displayName, String role, String chapterId) {

		Map<String, Object> toRequest() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("email", blankToNull(this.email));
			body.put("displayName", blankToNull(this.displayName));
			body.put("role", blankToNull(this.role));
			body.put("chapterId", "CHAPTER".equals(this.role) ? blankToNull(this.chapterId) : null);
			return body;
		}

	}

	/** A person as identity-service shows them to staff. */
	record Person(String id, String email, String displayName, String role, String chapterId, String status,
			boolean secondFactor, Instant createdAt, Instant invitationExpiresAt) {

		public boolean invited() {
			return "INVITED".equals(this.status);
		}

		public boolean disabled() {
			return "DISABLED".equals(this.status);
		}

	}

	/** A chapter, for the chapter choice. */
	record Chapter(String id, String name, String state) {

	}

}

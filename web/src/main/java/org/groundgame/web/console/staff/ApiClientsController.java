package org.groundgame.web.console.staff;

import java.time.Instant;
import java.util.LinkedHashMap;
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
 * API clients for chapters' integrations (identity-service's {@code /api/clients}): the
 * list, creating one (its secret is shown on the answer's page, once: it is never kept by
 * the console, not even in the session, and identity-service keeps only its hash), and
 * disabling one.
 */
@Controller
class ApiClientsController {

	private static final int PAGE_SIZE = 20;

	private static final ParameterizedTypeReference<PageOf<ApiClient>> CLIENTS = new ParameterizedTypeReference<>() {
	};

	private final ConsoleApis apis;

	private final FormErrors formErrors;

	ApiClientsController(ConsoleApis apis, FormErrors formErrors) {
		this.apis = apis;
		this.formErrors = formErrors;
	}

	@GetMapping("/console/clients")
	String clients(Organizer organizer, @RequestParam(defaultValue = "0") int page, Model model) {
		StaffPages.requireStaff(organizer);
		return page(Math.max(page, 0), null, null, null, null, model);
	}

	@PostMapping("/console/clients")
	String create(Organizer organizer, @RequestParam(name = "clientName", required = false) String name,
			@RequestParam(required = false) String role,
			@RequestParam(name = "clientChapterId", required = false) String chapterId, Locale locale, Model model,
			HttpServletResponse response) {
		StaffPages.requireStaff(organizer);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", (name != null) ? name.strip() : "");
		body.put("role", role);
		if ("CHAPTER".equals(role) && chapterId != null && !chapterId.isBlank()) {
			body.put("chapterId", chapterId.strip());
		}
		Created created;
		try {
			created = this.apis.identity()
				.post()
				.uri("/api/clients")
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.retrieve()
				.body(Created.class);
		}
		catch (ApiProblem problem) {
			if (problem.status() != HttpServletResponse.SC_BAD_REQUEST) {
				throw problem;
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Map<String, String> errors = this.formErrors.byField(problem, locale,
					Map.of("name", "clientName", "chapterId", "clientChapterId"));
			model.addAttribute("problem",
					errors.isEmpty() ? this.formErrors.general(problem, locale, "error.form") : null);
			return page(0, errors, name, role, chapterId, model);
		}
		model.addAttribute("created", created);
		return "console/staff/client-created";
	}

	@PostMapping("/console/clients/{clientId}/disable")
	String disable(Organizer organizer, @PathVariable String clientId, RedirectAttributes redirect) {
		StaffPages.requireStaff(organizer);
		this.apis.identity().delete().uri("/api/clients/{id}", clientId).retrieve().toBodilessEntity();
		redirect.addFlashAttribute("disabled", clientId);
		return "redirect:/console/clients";
	}

	private String page(int page, Map<String, String> errors, String name, String role, String chapterId, Model model) {
		model.addAttribute("clients",
				this.apis.identity()
					.get()
					.uri("/api/clients?page={page}&size={size}", page, PAGE_SIZE)
					.retrieve()
					.body(CLIENTS));
		model.addAttribute("errors", errors);
		model.addAttribute("clientName", name);
		model.addAttribute("clientRole", (role != null) ? role : "CHAPTER");
		model.addAttribute("clientChapterId", chapterId);
		return "console/staff/clients";
	}

	@ExceptionHandler
	String problem(ApiProblem problem, HttpServletResponse response) {
		return StaffPages.problem(problem, response);
	}

	/** A client as listed: never its secret. */
	public record ApiClient(String clientId, String name, String role, String chapterId, Instant createdAt,
			boolean disabled) {
	}

	/** A client just created, with its secret: shown this once. */
	public record Created(String clientId, String clientSecret, String name, String role, String chapterId) {
	}

}

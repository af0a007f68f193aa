package org.groundgame.web.preferences;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PlatformApis;
import org.groundgame.web.site.PrivateKeys;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * E-mail preferences, from the link at the foot of every e-mail to a person
 * ({@code /email-preferences#token=…}): whether to get e-mail at all beyond what they ask
 * for, and which topics. notification-service checks the token and honours the choice
 * from then on.
 */
@Controller
class PreferencesController {

	static final String TOKEN = "X-Preferences-Token";

	static final String PATH = "/email-preferences";

	private final PlatformApis apis;

	PreferencesController(PlatformApis apis) {
		this.apis = apis;
	}

	@GetMapping(PATH)
	String preferences(@RequestParam(required = false) String saved, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<String> key = PrivateKeys.held(request);
		if (key.isEmpty()) {
			model.addAttribute("action", PATH + "/key");
			model.addAttribute("titleKey", "preferences.title");
			return "private/open-link";
		}
		Optional<Preferences> preferences = read(key.get());
		if (preferences.isEmpty()) {
			PrivateKeys.forget(request, response, PATH);
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return expired(model);
		}
		model.addAttribute("preferences", preferences.get());
		model.addAttribute("saved", saved != null);
		return "preferences/preferences";
	}

	@PostMapping(PATH + "/key")
	String openLink(@RequestParam(required = false) String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!PrivateKeys.wellFormed(token) || read(token).isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return expired(model);
		}
		PrivateKeys.keep(request, response, PATH, token);
		return "redirect:" + PATH;
	}

	@PostMapping(PATH)
	String save(@RequestParam(defaultValue = "false") boolean email,
			@RequestParam(name = "topics", required = false) List<String> chosen, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<String> key = PrivateKeys.held(request);
		Optional<Preferences> current = key.flatMap(this::read);
		if (current.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return expired(model);
		}
		List<String> subscribed = (chosen != null) ? chosen : List.of();
		List<Map<String, Object>> topics = current.get()
			.topics()
			.stream()
			.map((topic) -> Map.<String, Object>of("topic", topic.topic(), "subscribed",
					subscribed.contains(topic.topic())))
			.toList();
		this.apis.notification()
			.put()
			.uri("/api/notifications/preferences")
			.header(TOKEN, key.get())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "topics", topics))
			.retrieve()
			.toBodilessEntity();
		return "redirect:" + PATH + "?saved=yes";
	}

	private Optional<Preferences> read(String key) {
		try {
			return Optional.ofNullable(this.apis.notification()
				.get()
				.uri("/api/notifications/preferences")
				.header(TOKEN, key)
				.retrieve()
				.body(Preferences.class));
		}
		catch (ApiProblem problem) {
			if (problem.status() == 404 || problem.status() == 401 || problem.status() == 403) {
				return Optional.empty();
			}
			throw problem;
		}
	}

	private static String expired(Model model) {
		model.addAttribute("hintKey", "expired.preferences");
		model.addAttribute("next", null);
		model.addAttribute("nextKey", null);
		return "private/link-expired";
	}

}

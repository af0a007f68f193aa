package org.groundgame.web.questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PlatformApis;
import org.groundgame.web.site.FormErrors;
import org.groundgame.web.site.PrivateKeys;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The candidate's questionnaire, from the private link e-mailed to a nominated candidate
 * ({@code /questionnaire/#token=…}): the questions on the agreement scale or in their own
 * words, saved with the link's token, which endorsement-service checks.
 */
@Controller
class QuestionnaireController {

	static final String TOKEN = "X-Questionnaire-Token";

	static final String PATH = "/questionnaire";

	private static final Pattern ANSWER_FIELD = Pattern.compile("answers\\[(\\d+)\\].*");

	private final PlatformApis apis;

	private final FormErrors formErrors;

	QuestionnaireController(PlatformApis apis, FormErrors formErrors) {
		this.apis = apis;
		this.formErrors = formErrors;
	}

	@GetMapping({ PATH, PATH + "/" })
	String questionnaire(@RequestParam(required = false) String saved, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<String> key = PrivateKeys.held(request);
		if (key.isEmpty()) {
			model.addAttribute("action", PATH + "/key");
			model.addAttribute("titleKey", "questionnaire.title");
			return "private/open-link";
		}
		Optional<Questionnaire> questionnaire = read(key.get());
		if (questionnaire.isEmpty()) {
			PrivateKeys.forget(request, response, PATH);
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return expired(model);
		}
		model.addAttribute("questionnaire", questionnaire.get());
		model.addAttribute("agreements", Questionnaire.AGREEMENTS);
		model.addAttribute("saved", saved != null);
		return "questionnaire/questionnaire";
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

	@PostMapping({ PATH, PATH + "/" })
	String answer(@RequestParam MultiValueMap<String, String> form, Locale locale, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<String> key = PrivateKeys.held(request);
		Optional<Questionnaire> questionnaire = key.flatMap(this::read);
		if (questionnaire.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return expired(model);
		}
		List<Map<String, Object>> answers = new ArrayList<>();
		for (Questionnaire.Question question : questionnaire.get().questions()) {
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("questionId", question.id());
			String agreement = form.getFirst("agreement-" + question.id());
			String text = form.getFirst("text-" + question.id());
			if (agreement != null && !agreement.isBlank()) {
				answer.put("agreement", agreement);
			}
			if (text != null && !text.isBlank()) {
				answer.put("text", text.strip());
			}
			answers.add(answer);
		}
		try {
			this.apis.endorsement()
				.put()
				.uri("/api/questionnaire")
				.header(TOKEN, key.get())
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("answers", answers))
				.retrieve()
				.toBodilessEntity();
		}
		catch (ApiProblem problem) {
			if (problem.isNotFound() || problem.status() == 429) {
				throw problem;
			}
			model.addAttribute("questionnaire", questionnaire.get());
			model.addAttribute("agreements", Questionnaire.AGREEMENTS);
			model.addAttribute("errors", byQuestion(problem, questionnaire.get(), locale));
			model.addAttribute("problem", this.formErrors.general(problem, locale, "error.form"));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "questionnaire/questionnaire";
		}
		return "redirect:" + PATH + "?saved=yes";
	}

	/**
	 * The API names answers by their index ({@code answers[2].text}): the page by
	 * question.
	 */
	private Map<String, String> byQuestion(ApiProblem problem, Questionnaire questionnaire, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		this.formErrors.byField(problem, locale, Map.of()).forEach((field, message) -> {
			Matcher matcher = ANSWER_FIELD.matcher(field);
			if (matcher.matches()) {
				int index = Integer.parseInt(matcher.group(1));
				if (index < questionnaire.questions().size()) {
					errors.putIfAbsent(questionnaire.questions().get(index).id(), message);
				}
			}
		});
		return errors;
	}

	private Optional<Questionnaire> read(String key) {
		try {
			return Optional.ofNullable(this.apis.endorsement()
				.get()
				.uri("/api/questionnaire")
				.header(TOKEN, key)
				.retrieve()
				.body(Questionnaire.class));
		}
		catch (ApiProblem problem) {
			if (problem.status() == 404 || problem.status() == 401 || problem.status() == 403
					|| problem.status() == 410) {
				return Optional.empty();
			}
			throw problem;
		}
	}

	private static String expired(Model model) {
		model.addAttribute("hintKey", "expired.candidate");
		model.addAttribute("next", null);
		model.addAttribute("nextKey", null);
		return "private/link-expired";
	}

}

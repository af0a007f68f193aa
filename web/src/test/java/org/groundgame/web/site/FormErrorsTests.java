package org.groundgame.web.site;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.ApiProblem.FieldProblem;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormErrorsTests {

	private final FormErrors formErrors = new FormErrors(siteMessages());

	private final ApiProblem problem = new ApiProblem(400, "Invalid input", "The request has invalid fields",
			List.of(new FieldProblem("email", "must be a well-formed e-mail address"),
					new FieldProblem("consent.email", "must be true or false"),
					new FieldProblem("email", "a second message for the same field")));

	@Test
	void englishReadersSeeTheApisMessageNextToTheFormsField() {
		Map<String, String> errors = this.formErrors.byField(this.problem, Locale.ENGLISH,
				Map.of("consent.email", "consentEmail"));

		assertThat(errors).containsExactly(Map.entry("email", "must be a well-formed e-mail address"),
				Map.entry("consentEmail", "must be true or false"));
	}

	@Test
	void spanishReadersSeeTheSitesOwnSpanishMessageForTheField() {
		Map<String, String> errors = this.formErrors.byField(this.problem, Locale.forLanguageTag("es"),
				Map.of("consent.email", "consentEmail"));

		assertThat(errors).containsEntry("email", "Escribe un correo electrónico válido.")
			// No message of its own for that field: the general one, in Spanish.
			.containsEntry("consentEmail", "Revisa este campo.");
	}

	@Test
	void aProblemOfNoFieldIsTheFormsOwnMessageInTheReadersLanguage() {
		ApiProblem full = new ApiProblem(409, "Conflict", "The shift is cancelled", List.of());

		assertThat(this.formErrors.general(full, Locale.ENGLISH, "rsvp.refused"))
			.isEqualTo("This shift can't take RSVPs now.");
		assertThat(this.formErrors.general(full, Locale.forLanguageTag("es"), "rsvp.refused"))
			.isEqualTo("Este turno no acepta confirmaciones ahora.");
	}

	private static ResourceBundleMessageSource siteMessages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}

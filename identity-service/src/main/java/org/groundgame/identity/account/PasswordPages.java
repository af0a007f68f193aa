package org.groundgame.identity.account;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.identity.person.AccountService;
import org.groundgame.identity.person.PasswordPolicy;
import org.groundgame.identity.person.PasswordRefused;
import org.groundgame.identity.person.Person;
import org.groundgame.security.Role;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of a person's password: setting it through their invitation link, asking for
 * a reset link (the answer is the same whether or not the address has an account), and
 * setting a new one through that link. The token comes in the link's query and goes back
 * in the form's body; the pages send no referrer, and the request log, if turned on,
 * records no query. In the reader's language ({@link PageLanguage}; the text is in the
 * {@code account} message bundles).
 */
@Controller
class PasswordPages {

	static final String INVITATION = "/account/invitation";

	static final String RESET = "/account/password-reset";

	static final String NEW_PASSWORD = "/account/password-reset/new";

	private final AccountService accounts;

	private final MessageSource messages;

	PasswordPages(AccountService accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping(INVITATION)
	String invitation(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Locale locale,
			Model model) {
		return passwordForm(this.accounts.invitation(token), token, INVITATION,
				message("password.invitation.title", locale), response, model);
	}

	@PostMapping(INVITATION)
	String acceptInvitation(@RequestParam(defaultValue = "") String token,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
			HttpServletResponse response, Locale locale, Model model) {
		return setPassword((t) -> this.accounts.acceptInvitation(t, password, confirmation), this.accounts::invitation,
				token, INVITATION, "password.invitation.title", response, locale, model);
	}

	@GetMapping(RESET)
	String askForReset() {
		return "account/reset-request";
	}

	@PostMapping(RESET)
	String requestReset(@RequestParam(defaultValue = "") String email) {
		this.accounts.requestPasswordReset(email);
		return "account/reset-sent";
	}

	@GetMapping(NEW_PASSWORD)
	String newPassword(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Locale locale,
			Model model) {
		return passwordForm(this.accounts.passwordReset(token), token, NEW_PASSWORD,
				message("password.reset.title", locale), response, model);
	}

	@PostMapping(NEW_PASSWORD)
	String resetPassword(@RequestParam(defaultValue = "") String token,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
			HttpServletResponse response, Locale locale, Model model) {
		return setPassword((t) -> this.accounts.resetPassword(t, password, confirmation), this.accounts::passwordReset,
				token, NEW_PASSWORD, "password.reset.title", response, locale, model);
	}

	private String setPassword(Function<String, Optional<Person>> set, Function<String, Optional<Person>> holder,
			String token, String action, String titleKey, HttpServletResponse response, Locale locale, Model model) {
		try {
			Optional<Person> person = set.apply(token);
			if (person.isEmpty()) {
				return linkGone(response);
			}
			return "redirect:/login?password-set";
		}
		catch (PasswordRefused ex) {
			String field = ex.errors().get(0).field();
			model.addAttribute("errors", Map.of(field,
					this.messages.getMessage("password.refused." + ex.reason(), new Object[] { ex.limit() }, locale)));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return passwordForm(holder.apply(token), token, action, message(titleKey, locale), response, model);
		}
	}

	private String passwordForm(Optional<Person> person, String token, String action, String title,
			HttpServletResponse response, Model model) {
		if (person.isEmpty()) {
			return linkGone(response);
		}
		model.addAttribute("heading", title);
		model.addAttribute("action", action);
		model.addAttribute("token", token.strip());
		model.addAttribute("email", person.get().username());
		model.addAttribute("displayName", person.get().displayName());
		model.addAttribute("staff", person.get().role() == Role.STAFF);
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return "account/password";
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private static String linkGone(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return "account/link-gone";
	}

}

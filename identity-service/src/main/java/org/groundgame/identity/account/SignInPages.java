package org.groundgame.identity.account;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.groundgame.identity.person.AccountService;
import org.groundgame.identity.person.People;
import org.groundgame.identity.person.Person;
import org.groundgame.identity.person.Totp;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in pages: the form (its post is Spring Security's), the one-time code step,
 * enrolling an authenticator, and signing out, in the reader's language
 * ({@link PageLanguage}; the text is in the {@code account} message bundles).
 */
@Controller
class SignInPages {

	static final String ENROLMENT_SECRET = SignInPages.class.getName() + ".secret";

	private final SignInFlow flow;

	private final SignInThrottle throttle;

	private final AccountService accounts;

	private final People people;

	private final MessageSource messages;

	SignInPages(SignInFlow flow, SignInThrottle throttle, AccountService accounts, People people,
			MessageSource messages) {
		this.flow = flow;
		this.throttle = throttle;
		this.accounts = accounts;
		this.people = people;
		this.messages = messages;
	}

	@GetMapping("/login")
	String signIn(HttpServletRequest request, Locale locale, Model model) {
		String problem = null;
		if (request.getParameter("error") != null) {
			problem = message("sign-in.problem.failed", locale);
		}
		else if (request.getParameter("throttled") != null) {
			problem = message("sign-in.problem.throttled", locale);
		}
		model.addAttribute("problem", problem);
		model.addAttribute("signedOut", request.getParameter("signed-out") != null);
		model.addAttribute("passwordSet", request.getParameter("password-set") != null);
		return "account/sign-in";
	}

	@GetMapping(SignInFlow.CODE_PAGE)
	String code(HttpServletResponse response, Model model) throws IOException {
		SignInFlow.PendingSecondFactor pending = this.flow.pending();
		if (pending == null) {
			return "redirect:/login";
		}
		if (!pending.enrolled()) {
			return "redirect:" + SignInFlow.ENROL_PAGE;
		}
		return "account/code";
	}

	@PostMapping(SignInFlow.CODE_PAGE)
	String checkCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Locale locale, Model model) throws IOException, ServletException {
		SignInFlow.PendingSecondFactor pending = this.flow.pending();
		if (pending == null) {
			return "redirect:/login";
		}
		String username = (String) pending.getPrincipal();
		if (throttled(username, request, response, locale, model)) {
			return "account/code";
		}
		if (!this.accounts.checkCode(username, code)) {
			this.throttle.failed();
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", Map.of("code", message("code.wrong", locale)));
			return "account/code";
		}
		this.throttle.succeeded(username, request.getRemoteAddr());
		return complete(username, request, response);
	}

	@GetMapping(SignInFlow.ENROL_PAGE)
	String enrol(HttpSession session, Model model) {
		String username = enrolling();
		if (username == null) {
			return "redirect:/login";
		}
		if (this.people.person(username).map(Person::authenticatorEnrolled).orElse(true)) {
			return "redirect:" + SignInFlow.CODE_PAGE;
		}
		String secret = (String) session.getAttribute(ENROLMENT_SECRET);
		if (secret == null) {
			secret = Totp.newSecret();
			session.setAttribute(ENROLMENT_SECRET, secret);
		}
		enrolment(model, username, secret);
		return "account/enrol";
	}

	@PostMapping(SignInFlow.ENROL_PAGE)
	String confirmEnrolment(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, HttpSession session, Locale locale, Model model)
			throws IOException, ServletException {
		String username = enrolling();
		String secret = (String) session.getAttribute(ENROLMENT_SECRET);
		if (username == null || secret == null) {
			return "redirect:/login";
		}
		enrolment(model, username, secret);
		if (throttled(username, request, response, locale, model)) {
			return "account/enrol";
		}
		if (!this.accounts.enrol(username, secret, code)) {
			this.throttle.failed();
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", Map.of("code", message("enrol.wrong", locale)));
			return "account/enrol";
		}
		this.throttle.succeeded(username, request.getRemoteAddr());
		session.removeAttribute(ENROLMENT_SECRET);
		if (this.flow.pending() != null) {
			return complete(username, request, response);
		}
		this.people.person(username).ifPresent((person) -> this.flow.withSecondFactor(person, request, response));
		return "redirect:/account/enrolled";
	}

	@GetMapping("/account/enrolled")
	String enrolled() {
		return "account/enrolled";
	}

	@GetMapping("/logout")
	String signOut() {
		return "account/sign-out";
	}

	/** Who enrols: a person owing a second factor, or one signed in without one. */
	private String enrolling() {
		SignInFlow.PendingSecondFactor pending = this.flow.pending();
		if (pending != null) {
			return pending.enrolled() ? null : (String) pending.getPrincipal();
		}
		Authentication signedIn = this.flow.signedIn();
		return (signedIn != null) ? signedIn.getName() : null;
	}

	private void enrolment(Model model, String username, String secret) {
		model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
		model.addAttribute("uri", this.accounts.authenticatorUri(username, secret));
	}

	private boolean throttled(String username, HttpServletRequest request, HttpServletResponse response, Locale locale,
			Model model) {
		Optional<Duration> wait = this.throttle.attempt(username, request.getRemoteAddr());
		if (wait.isEmpty()) {
			return false;
		}
		response.setStatus(429);
		response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds())));
		model.addAttribute("problem", message("code.throttled", locale));
		return true;
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private String complete(String username, HttpServletRequest request, HttpServletResponse response)
			throws IOException, ServletException {
		Optional<Person> person = this.people.person(username).filter(Person::maySignIn);
		if (person.isEmpty()) {
			return "redirect:/login?error";
		}
		this.flow.completeSignIn(person.get(), request, response);
		return null;
	}

}

package org.groundgame.identity.account;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of this service's pages, English or Spanish, chosen as the web module
 * chooses the site's: the language a visitor picked on the public site (web's
 * {@code gg_lang} cookie, which the browser sends here too, since every page comes
 * through the gateway's address), else the browser's ({@code Accept-Language}), else
 * English. These pages only read that choice; they have no switch of their own, as the
 * console has none.
 */
@Component(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
final class PageLanguage implements LocaleResolver {

	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

	/** The web module's cookie (its {@code SiteConfiguration}). */
	static final String COOKIE = "gg_lang";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return chosen(request.getCookies()).orElseGet(() -> fromBrowser(request.getHeader("Accept-Language")));
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("The pages' language is the browser's or the one chosen on the site");
	}

	/** The site's language the visitor chose, if it is one of these pages'. */
	static Optional<Locale> chosen(Cookie[] cookies) {
		if (cookies == null) {
			return Optional.empty();
		}
		return Arrays.stream(cookies)
			.filter((cookie) -> COOKIE.equals(cookie.getName()))
			.flatMap((cookie) -> supported(Locale.forLanguageTag(cookie.getValue())).stream())
			.findFirst();
	}

	private static Optional<Locale> supported(Locale asked) {
		return LANGUAGES.stream().filter((language) -> language.getLanguage().equals(asked.getLanguage())).findFirst();
	}

	/** The browser's preferred language among these pages', or English. */
	static Locale fromBrowser(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return Locale.ENGLISH;
		}
		try {
			Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
			return (chosen != null) ? chosen : Locale.ENGLISH;
		}
		catch (IllegalArgumentException ex) {
			return Locale.ENGLISH;
		}
	}

}

package org.groundgame.web.site;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language switch, for the site's languages only: {@code ?lang=fr} changes nothing
 * (the cookie would otherwise remember a language no page is written in).
 */
final class SupportedLanguageInterceptor implements HandlerInterceptor {

	private final LocaleChangeInterceptor languageSwitch;

	SupportedLanguageInterceptor(LocaleChangeInterceptor languageSwitch) {
		this.languageSwitch = languageSwitch;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		String asked = request.getParameter(SiteConfiguration.LANGUAGE_PARAMETER);
		if (asked == null || SiteConfiguration.LANGUAGES.stream()
			.noneMatch((language) -> language.getLanguage().equals(asked.toLowerCase(Locale.ROOT)))) {
			return true;
		}
		return this.languageSwitch.preHandle(request, response, handler);
	}

}

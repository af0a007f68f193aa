package org.groundgame.web.site;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The site's languages: English and Spanish. A visitor's language is their browser's
 * ({@code Accept-Language}) until they choose one with the switch in the header
 * ({@code ?lang=es}), which a cookie then remembers for a year.
 */
@Configuration(proxyBeanMethods = false)
class SiteConfiguration implements WebMvcConfigurer {

	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

	static final String LANGUAGE_PARAMETER = "lang";

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("gg_lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		resolver.setDefaultLocaleFunction((request) -> fromBrowser(request.getHeader("Accept-Language")));
		return resolver;
	}

	/** The browser's preferred language among the site's, or English. */
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

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
		languageSwitch.setParamName(LANGUAGE_PARAMETER);
		// ?lang=xx for a language the site does not have is ignored, not an error.
		languageSwitch.setIgnoreInvalidLocale(true);
		registry.addInterceptor(new SupportedLanguageInterceptor(languageSwitch));
	}

}

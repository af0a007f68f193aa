package org.groundgame.identity.account;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PageLanguageTests {

	private final PageLanguage language = new PageLanguage();

	@ParameterizedTest
	@CsvSource({ "es, es", "es-MX, es", "'es-419,es;q=0.9,en;q=0.8', es", "'en-US,en;q=0.9,es;q=0.8', en",
			"'fr-FR,fr;q=0.9', en", "'fr-FR,es;q=0.5', es", "'*', en", "'not a language header ;;', en" })
	void theBrowsersFirstLanguageAmongThePagesIsChosenAndEnglishOtherwise(String header, String expected) {
		assertThat(PageLanguage.fromBrowser(header)).isEqualTo(Locale.forLanguageTag(expected));
	}

	@ParameterizedTest
	@NullAndEmptySource
	void noHeaderIsEnglish(String header) {
		assertThat(PageLanguage.fromBrowser(header)).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void theLanguageChosenOnTheSiteComesBeforeTheBrowsers() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Accept-Language", "en-US,en;q=0.9");
		request.setCookies(new Cookie("gg_lang", "es"));

		assertThat(this.language.resolveLocale(request)).isEqualTo(Locale.forLanguageTag("es"));
	}

	@Test
	void aChoiceThePagesAreNotWrittenInIsIgnored() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Accept-Language", "es");
		request.setCookies(new Cookie("gg_lang", "fr"));

		assertThat(this.language.resolveLocale(request)).isEqualTo(Locale.forLanguageTag("es"));
	}

	@Test
	void withNeitherThePagesAreInEnglish() {
		assertThat(this.language.resolveLocale(new MockHttpServletRequest())).isEqualTo(Locale.ENGLISH);
	}

}

package org.groundgame.web.site;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserLanguageTests {

	@ParameterizedTest
	@CsvSource({ "es, es", "es-MX, es", "'es-419,es;q=0.9,en;q=0.8', es", "'en-US,en;q=0.9,es;q=0.8', en",
			"'fr-FR,fr;q=0.9', en", "'fr-FR,es;q=0.5', es", "'*', en", "'not a language header ;;', en" })
	void theBrowsersFirstLanguageAmongTheSitesIsChosenAndEnglishOtherwise(String header, String expected) {
		assertThat(SiteConfiguration.fromBrowser(header)).isEqualTo(Locale.forLanguageTag(expected));
	}

	@ParameterizedTest
	@NullAndEmptySource
	void noHeaderIsEnglish(String header) {
		assertThat(SiteConfiguration.fromBrowser(header)).isEqualTo(Locale.ENGLISH);
	}

}

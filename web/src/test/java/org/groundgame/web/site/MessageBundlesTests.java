package org.groundgame.web.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBundlesTests {

	@ParameterizedTest
	@ValueSource(strings = { "messages", "console", "console-school", "console-staff", "console-shifts",
			"console-chapter", "console-impact", "console-ladder" })
	void everyEnglishTextHasItsSpanishTranslationAndNoSpanishTextIsLeftOver(String bundle) throws IOException {
		Properties english = load("/" + bundle + ".properties");
		Properties spanish = load("/" + bundle + "_es.properties");

		// Field messages exist in Spanish only: in English the API's own message is
		// shown.
		assertThat(english.stringPropertyNames()).allSatisfy((key) -> assertThat(spanish).containsKey(key));
		assertThat(spanish.stringPropertyNames()).filteredOn((key) -> !key.startsWith("error.field."))
			.allSatisfy((key) -> assertThat(english).containsKey(key));
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getResourceAsStream(name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}

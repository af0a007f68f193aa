package org.groundgame.identity.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AccountMessageBundlesTests {

	@ParameterizedTest
	@ValueSource(strings = { "account" })
	void everyEnglishTextHasItsSpanishTranslationAndNoSpanishTextIsLeftOver(String bundle) throws IOException {
		Properties english = load("/" + bundle + ".properties");
		Properties spanish = load("/" + bundle + "_es.properties");

		assertThat(english.stringPropertyNames()).isNotEmpty()
			.allSatisfy((key) -> assertThat(spanish).containsKey(key));
		assertThat(spanish.stringPropertyNames()).allSatisfy((key) -> assertThat(english).containsKey(key));
		assertThat(spanish.stringPropertyNames())
			.allSatisfy((key) -> assertThat(spanish.getProperty(key)).as(key).isNotBlank());
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = AccountMessageBundlesTests.class.getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}

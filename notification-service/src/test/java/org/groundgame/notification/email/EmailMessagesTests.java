package org.groundgame.notification.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.groundgame.notification.email.EmailTemplates.Audience;
import org.groundgame.notification.email.EmailTemplates.PreferenceLinks;
import org.groundgame.notification.rule.Notice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mails' words in English and Spanish: every English key has its Spanish one (and
 * no Spanish key is left over), each a message MessageFormat reads, and an e-mail to a
 * person is framed in their language while a chapter's stays English.
 */
class EmailMessagesTests {

	private final EmailTemplates templates = new EmailTemplates();

	@Test
	void everyEnglishKeyHasItsSpanishOneAndNoOther() throws IOException {
		Properties english = load("messages.properties");
		Properties spanish = load("messages_es.properties");

		assertThat(english.stringPropertyNames()).isNotEmpty()
			.contains("email.greeting", "email.greeting.named", "email.link.fallback", "email.footer.person",
					"email.footer.addressee", "email.footer.link");
		assertThat(spanish.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		for (String key : spanish.stringPropertyNames()) {
			assertThat(spanish.getProperty(key)).as(key).isNotBlank().isNotEqualTo(english.getProperty(key));
		}
	}

	@Test
	void everyMessageWithAnArgumentKeepsItWhenFormatted() throws IOException {
		for (String bundle : new String[] { "messages.properties", "messages_es.properties" }) {
			Properties messages = load(bundle);
			for (String key : messages.stringPropertyNames()) {
				String message = messages.getProperty(key);
				if (message.contains("{0}")) {
					// An apostrophe would swallow the argument (MessageFormat quotes).
					assertThat(new MessageFormat(message, Locale.ROOT).format(new Object[] { "ARG" }))
						.as(bundle + " " + key)
						.contains("ARG")
						.doesNotContain("{0}");
				}
			}
		}
	}

	@Test
	void aPersonsEmailIsFramedInSpanishAndAChaptersInEnglish() {
		Notice notice = new Notice("Tu enlace de voluntario", "Gracias.",
				new Notice.Link("Apúntate", "https://example.org/v#token=t"));
		PreferenceLinks spanish = new PreferenceLinks("https://example.org/prefs", "https://example.org/one-click",
				"email-preferences.topic.shifts", Locale.forLanguageTag("es"));

		EmailMessage person = this.templates.notice("m-1", "ana@example.org", "org.groundgame.volunteer.X.v1", notice,
				"Ana", Audience.PERSON, spanish);
		EmailMessage addressee = this.templates.notice("m-2", "ana@example.org", "org.groundgame.volunteer.X.v1",
				notice, null, Audience.ADDRESSEE, spanish);
		EmailMessage chapter = this.templates.notice("m-3", "chapter@example.org", "org.groundgame.volunteer.X.v1",
				notice, "Omaha Chapter");

		assertThat(person.text()).startsWith("Hola, Ana:")
			.contains("Recibes este correo porque aceptaste que Ground Game te escriba")
			.contains("Este correo trata de tus turnos de voluntariado.");
		assertThat(person.html()).contains("<html lang=\"es\">")
			.contains("Hola, Ana:")
			.contains("Si el botón no funciona, copia esta dirección en tu navegador:");
		assertThat(addressee.text()).startsWith("Hola:").contains("Recibes este mensaje porque te concierne");
		assertThat(chapter.text()).startsWith("Hello Omaha Chapter,").contains("You receive this because Omaha");
		assertThat(chapter.html()).contains("<html lang=\"en\">")
			.contains("If the button does not work, copy this address into your browser:");
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = EmailMessagesTests.class.getClassLoader()
			.getResourceAsStream(EmailTemplates.LOCATION + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}

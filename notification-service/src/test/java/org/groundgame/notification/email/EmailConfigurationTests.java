package org.groundgame.notification.email;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mail beans as the service's own {@code application.yaml} and Spring Boot's mail
 * auto-configuration make them, without the rest of the service.
 */
class EmailConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
		.withUserConfiguration(EmailConfiguration.class, EmailSender.class);

	@Test
	void withoutAMailServerTheSenderIsThereAndSaysEmailIsNotConfigured() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(JavaMailSenderImpl.class);
			assertThat(context.getBean(EmailSender.class).isConfigured()).isFalse();
			assertThat(context).hasSingleBean(EmailTemplates.class);
		});
	}

	@Test
	void withAMailServerTheSenderUsesItWithShortTimeouts() {
		this.runner.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=2525").run((context) -> {
			assertThat(context.getBean(EmailSender.class).isConfigured()).isTrue();
			JavaMailSenderImpl mailSender = context.getBean(JavaMailSenderImpl.class);
			assertThat(mailSender.getPort()).isEqualTo(2525);
			assertThat(mailSender.getDefaultEncoding()).isEqualTo("UTF-8");
			assertThat(mailSender.getJavaMailProperties()).containsEntry("mail.smtp.connectiontimeout", "5000")
				.containsEntry("mail.smtp.timeout", "5000")
				.containsEntry("mail.smtp.writetimeout", "5000");
		});
	}

	@Test
	void theSenderAndReplyToComeFromTheDeploymentsSettings() {
		this.runner
			.withPropertyValues("groundgame.notification.email.from=alerts@movement.example",
					"groundgame.notification.email.from-name=Movement Alerts",
					"groundgame.notification.email.reply-to=help@movement.example")
			.run((context) -> assertThat(context.getBean(EmailProperties.class))
				.isEqualTo(new EmailProperties("alerts@movement.example", "Movement Alerts", "help@movement.example")));
	}

	@Test
	void theDefaultsNameGroundGameAsTheSender() {
		this.runner.run((context) -> assertThat(context.getBean(EmailProperties.class)).isEqualTo(new EmailProperties(
				"notifications@groundgame.localhost", "Ground Game", "organizers@groundgame.localhost")));
	}

	@Test
	void aSenderThatIsNotAnAddressStopsTheServiceFromStarting() {
		this.runner.withPropertyValues("groundgame.notification.email.from=not an address")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("groundgame.notification.email.from is not an e-mail address"));
	}

}

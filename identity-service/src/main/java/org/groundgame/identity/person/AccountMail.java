package org.groundgame.identity.person;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The invitation and password-reset e-mails, sent by this service itself over SMTP
 * ({@code spring.mail.host}/{@code port}): their links carry the tokens, which never
 * travel anywhere else (no event carries them). The links are built on the public address
 * (the issuer, the gateway's). Sent in the background, so that the answer to a reset
 * request takes as long whether or not the address has an account; a failure is logged
 * without the address and counted ({@code groundgame.identity.account-mail} by
 * {@code kind} and {@code outcome}).
 */
@Component
class AccountMail {

	static final String INVITATION_PATH = "/account/invitation";

	static final String RESET_PATH = "/account/password-reset/new";

	private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

	private final ObjectProvider<JavaMailSender> mail;

	private final String publicUrl;

	private final IdentityProperties properties;

	private final MeterRegistry meters;

	private final ExecutorService sending = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("account-mail").factory());

	AccountMail(ObjectProvider<JavaMailSender> mail,
			@Value("${spring.security.oauth2.authorizationserver.issuer:http://localhost:8080}") String publicUrl,
			IdentityProperties properties, MeterRegistry meters) {
		this.mail = mail;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
		this.properties = properties;
		this.meters = meters;
	}

	void invitation(Person person, String token) {
		String link = link(INVITATION_PATH, token);
		String text = "Hello " + person.displayName() + ",\n\n" + "You are invited to Ground Game, "
				+ switch (person.role()) {
					case STAFF -> "as national staff.";
					case TRAINING_STAFF -> "as training staff of the Campaign Leadership School.";
					case CHAPTER -> "as your chapter's organizer.";
				} + "\n\nChoose your password here within " + hours(this.properties.accounts().invitationTtl())
				+ ":\n\n" + link + "\n\nYour username is this e-mail address."
				+ ((person.role() == org.groundgame.security.Role.STAFF)
						? " As staff, you will also set up an authenticator app (one-time codes) when you first sign in."
						: "")
				+ "\n\nIf you did not expect this invitation, ignore this e-mail.\n\nGround Game\n";
		send("invitation", person.username(), "Your invitation to Ground Game", text);
	}

	void passwordReset(Person person, String token) {
		String link = link(RESET_PATH, token);
		String text = "Hello " + person.displayName() + ",\n\n"
				+ "Someone asked to reset the password of your Ground Game account. If it was you, choose a new "
				+ "password here within " + hours(this.properties.accounts().passwordResetTtl()) + ":\n\n" + link
				+ "\n\nThe link works once. If it was not you, ignore this e-mail: your password stays as it is."
				+ "\n\nGround Game\n";
		send("password-reset", person.username(), "Reset your Ground Game password", text);
	}

	private void send(String kind, String to, String subject, String text) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			log.warn("No {} e-mail sent: e-mail is not configured (spring.mail.host)", kind);
			this.meters.counter("groundgame.identity.account-mail", "kind", kind, "outcome", "not-configured")
				.increment();
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.accounts().mailFrom());
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		this.sending.execute(() -> {
			try {
				sender.send(message);
				this.meters.counter("groundgame.identity.account-mail", "kind", kind, "outcome", "sent").increment();
			}
			catch (MailException ex) {
				// Never the address: it is personal data.
				log.warn("An {} e-mail could not be sent: {}", kind, ex.getClass().getSimpleName());
				this.meters.counter("groundgame.identity.account-mail", "kind", kind, "outcome", "failed").increment();
			}
		});
	}

	private String link(String path, String token) {
		return UriComponentsBuilder.fromUriString(this.publicUrl + path)
			.queryParam("token", token)
			.build()
			.toUriString();
	}

	private static String hours(Duration ttl) {
		return (ttl.toMinutes() % 60 == 0) ? ttl.toHours() + ((ttl.toHours() == 1) ? " hour" : " hours")
				: ttl.toMinutes() + " minutes";
	}

	@PreDestroy
	void stop() {
		this.sending.shutdown();
	}

}

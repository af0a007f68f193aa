package org.groundgame.notification;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server for the integration tests' one context: GreenMail on 127.0.0.1, one
 * per test JVM, which the service sends its e-mail to. Tests read what it received.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MailTestConfiguration {

	private static final GreenMail SMTP = start();

	private static GreenMail start() {
		GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		smtp.start();
		Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
		return smtp;
	}

	/** Every message the service has sent so far, to anyone. */
	public static MimeMessage[] received() {
		return SMTP.getReceivedMessages();
	}

	/** The messages sent so far to one address. */
	public static List<MimeMessage> receivedBy(String address) {
		return Arrays.stream(received()).filter((message) -> {
			try {
				Address[] to = message.getRecipients(RecipientType.TO);
				return to != null && Arrays.stream(to).anyMatch((recipient) -> recipient.toString().contains(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/**
	 * The sender Boot would configure from {@code spring.mail.host} and {@code port}: a
	 * bean, because the port is known only once the server runs, after Boot has decided
	 * on its mail configuration.
	 */
	@Bean
	JavaMailSender mailSender() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(SMTP.getSmtp().getPort());
		sender.setDefaultEncoding("UTF-8");
		return sender;
	}

}

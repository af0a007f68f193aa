package org.groundgame.identity;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real SMTP server for the integration tests' one context: GreenMail on 127.0.0.1, one
 * per test JVM, which the service sends its invitation and reset e-mails to.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MailTestConfiguration {

	private static final GreenMail SMTP = start();

	private static final Pattern LINK = Pattern
		.compile("(http://localhost:8080/account/[^\\s]+\\?token=[A-Za-z0-9_-]+)");

	private static GreenMail start() {
		GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		smtp.start();
		Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
		return smtp;
	}

	/** The messages sent so far to one address. */
	public static List<MimeMessage> receivedBy(String address) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter((message) -> {
			try {
				Address[] to = message.getRecipients(RecipientType.TO);
				return to != null && Arrays.stream(to).anyMatch((recipient) -> recipient.toString().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** Waits for the {@code n}th message to the address, and answers the link in it. */
	public static String awaitLink(String address, int n) {
		await().atMost(Duration.ofSeconds(30)).until(() -> receivedBy(address).size() >= n);
		MimeMessage message = receivedBy(address).get(n - 1);
		String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
		Matcher matcher = LINK.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	public static String subject(String address, int n) {
		try {
			return receivedBy(address).get(n - 1).getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The sender Boot would configure from {@code spring.mail.host} and {@code port}: a
	 * bean, because the port is known only once the server runs.
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

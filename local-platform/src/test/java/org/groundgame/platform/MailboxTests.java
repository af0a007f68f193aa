package org.groundgame.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail catcher and its mailbox as the platform starts them, on free ports of
 * 127.0.0.1: mail sent with Jakarta Mail's own SMTP client, read back through the page
 * and the API.
 */
class MailboxTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private MailCatcher catcher;

	private Mailbox mailbox;

	@BeforeEach
	void start() throws IOException {
		this.catcher = MailCatcher.start(0);
		this.mailbox = Mailbox.start(this.catcher, 0);
	}

	@AfterEach
	void stop() {
		this.mailbox.close();
		this.catcher.close();
	}

	@Test
	void mailSentToTheCatcherIsListedNewestFirstByTheApi() throws Exception {
		send("First", "stl@chapters.example", "One", "<p>One</p>");
		send("Second", "kc@chapters.example", "Two", "<p>Two</p>");

		JsonNode messages = getJson("/api/messages");

		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).path("subject").asString()).isEqualTo("Second");
		assertThat(messages.get(0).path("to").get(0).asString()).isEqualTo("kc@chapters.example");
		assertThat(messages.get(0).path("from").asString())
			.isEqualTo("Ground Game <notifications@groundgame.localhost>");
		assertThat(messages.get(0).path("messageId").asString()).isEqualTo("<Second@groundgame.localhost>");
		assertThat(messages.get(0).path("receivedAt").asString()).isNotEmpty();
		assertThat(messages.get(1).path("subject").asString()).isEqualTo("First");
	}

	@Test
	void oneMessageIsReadWithItsTextAndHtml() throws Exception {
		send("Endorsed: José Núñez", "stl@chapters.example", "Félicitations!", "<h1>Félicitations!</h1>");
		long id = getJson("/api/messages").get(0).path("id").asLong();

		JsonNode message = getJson("/api/messages/" + id);

		assertThat(message.path("subject").asString()).isEqualTo("Endorsed: José Núñez");
		assertThat(message.path("text").asString()).isEqualTo("Félicitations!");
		assertThat(message.path("html").asString()).isEqualTo("<h1>Félicitations!</h1>");
		assertThat(message.path("replyTo").get(0).asString()).isEqualTo("organizers@groundgame.localhost");
	}

	@Test
	void aMessageToSeveralRecipientsIsListedOnce() throws Exception {
		send("To two", "stl@chapters.example, kc@chapters.example", "Text", "<p>HTML</p>");

		JsonNode messages = getJson("/api/messages");

		assertThat(messages).hasSize(1);
		assertThat(messages.get(0).path("to").valueStream().map(JsonNode::asString))
			.containsExactly("stl@chapters.example", "kc@chapters.example");
	}

	@Test
	void thePageListsTheMailAndShowsAMessagesHtmlOnlyInASandboxedFrame() throws Exception {
		send("<script>alert(1)</script> news", "stl@chapters.example", "Plain <b>text</b>",
				"<p onclick=\"x()\">Hi</p><script>alert(2)</script>");
		long id = getJson("/api/messages").get(0).path("id").asLong();

		HttpResponse<String> list = get("/");
		HttpResponse<String> message = get("/messages/" + id);

		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("script-src 'none'"));
		assertThat(list.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; news")
			.contains("href=\"/messages/" + id + "\"")
			.doesNotContain("<script>");
		assertThat(message.statusCode()).isEqualTo(200);
		assertThat(message.body()).contains("<iframe sandbox ")
			.contains("srcdoc=\"&lt;p onclick=&quot;x()&quot;&gt;Hi&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"")
			.contains("<pre>Plain &lt;b&gt;text&lt;/b&gt;</pre>")
			.doesNotContain("<script>");
	}

	@Test
	void anUnknownMessageIsNotFound() throws Exception {
		assertThat(get("/api/messages/42").statusCode()).isEqualTo(404);
		assertThat(get("/messages/42").statusCode()).isEqualTo(404);
		assertThat(get("/elsewhere").statusCode()).isEqualTo(404);
	}

	@Test
	void theMailCanBeCleared() throws Exception {
		send("Gone soon", "stl@chapters.example", "Text", "<p>HTML</p>");

		HttpResponse<String> cleared = this.http.send(HttpRequest.newBuilder(uri("/api/messages")).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(cleared.statusCode()).isEqualTo(204);
		assertThat(getJson("/api/messages")).isEmpty();
	}

	@Test
	void theCatcherAndTheMailboxListenOnLoopback() {
		assertThat(this.mailbox.uri().getHost()).isEqualTo("127.0.0.1");
		assertThat(PortCheck.isAvailable(this.catcher.smtpPort())).isFalse();
		assertThat(PortCheck.isAvailable(this.mailbox.uri().getPort())).isFalse();
	}

	@Test
	void closingFreesBothPorts() {
		int smtp = this.catcher.smtpPort();
		int page = this.mailbox.uri().getPort();

		this.mailbox.close();
		this.catcher.close();

		assertThat(PortCheck.isAvailable(smtp)).isTrue();
		assertThat(PortCheck.isAvailable(page)).isTrue();
	}

	private void send(String subject, String to, String text, String html) throws MessagingException, IOException {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", PortCheck.LOOPBACK);
		properties.put("mail.smtp.port", Integer.toString(this.catcher.smtpPort()));
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "5000");
		MimeMessage message = new MimeMessage(Session.getInstance(properties)) {

			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", "<" + subject.replaceAll("[^A-Za-z0-9]", "") + "@groundgame.localhost>");
			}

		};
		message.setFrom(new InternetAddress("notifications@groundgame.localhost", "Ground Game", "UTF-8"));
		message.setReplyTo(InternetAddress.parse("organizers@groundgame.localhost"));
		message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
		message.setSubject(subject, "UTF-8");
		MimeBodyPart textPart = new MimeBodyPart();
		textPart.setText(text, "UTF-8", "plain");
		MimeBodyPart htmlPart = new MimeBodyPart();
		htmlPart.setText(html, "UTF-8", "html");
		message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
		Transport.send(message);
	}

	private JsonNode getJson(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
		return JsonMapper.shared().readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return this.mailbox.uri().resolve(path);
	}

}

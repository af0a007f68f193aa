package org.groundgame.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

import org.groundgame.platform.MailCatcher.CaughtMail;

/**
 * The mailbox of the local platform: a page (and a JSON API) on 127.0.0.1 listing the
 * e-mails that the {@link MailCatcher} caught, newest first, each readable as text and as
 * HTML.
 * <ul>
 * <li>{@code GET /}: the list; {@code GET /messages/{id}}: one message;
 * <li>{@code GET /api/messages}: the list as JSON; {@code GET /api/messages/{id}}: one
 * message with its text and HTML; {@code DELETE /api/messages}: forget them all.
 * </ul>
 * A message's HTML is shown in a sandboxed frame (no scripts, no forms, no navigation of
 * the page) from an escaped {@code srcdoc}, and the page's content security policy allows
 * no scripts, so a message can do nothing but be read.
 */
final class Mailbox implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.shared();

	private static final Pattern MESSAGE_PAGE = Pattern.compile("/messages/([0-9]{1,18})");

	private static final Pattern MESSAGE_API = Pattern.compile("/api/messages/([0-9]{1,18})");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
		.withZone(ZoneId.systemDefault());

	private static final String SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
			+ "frame-src 'self'; script-src 'none'; form-action 'none'; base-uri 'none'";

	private final MailCatcher catcher;

	private final HttpServer server;

	private final ExecutorService executor;

	private Mailbox(MailCatcher catcher, HttpServer server) {
		this.catcher = catcher;
		this.server = server;
		this.executor = Executors.newVirtualThreadPerTaskExecutor();
		server.setExecutor(this.executor);
		server.createContext("/", this::handle);
	}

	/**
	 * Starts the mailbox's web server.
	 * @param catcher where the mail is
	 * @param port its port on 127.0.0.1, 0 for any free one
	 * @return the running mailbox
	 * @throws IOException if the port cannot be had
	 */
	static Mailbox start(MailCatcher catcher, int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(PortCheck.LOOPBACK), port),
				0);
		Mailbox mailbox = new Mailbox(catcher, server);
		server.start();
		return mailbox;
	}

	/**
	 * Where a person reads the mail.
	 * @return e.g. {@code http://127.0.0.1:8025}
	 */
	URI uri() {
		return URI.create("http://" + PortCheck.LOOPBACK + ":" + this.server.getAddress().getPort());
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	@Override
	public String toString() {
		return "the mailbox";
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			Matcher page = MESSAGE_PAGE.matcher(path);
			Matcher api = MESSAGE_API.matcher(path);
			if (method.equals("GET") && path.equals("/")) {
				send(exchange, 200, "text/html", listPage());
			}
			else if (method.equals("GET") && page.matches()) {
				Optional<CaughtMail> mail = this.catcher.message(Long.parseLong(page.group(1)));
				if (mail.isPresent()) {
					send(exchange, 200, "text/html", messagePage(read(mail.get())));
				}
				else {
					send(exchange, 404, "text/html",
							page("Not found", "<p>No such message (the mailbox keeps the newest " + MailCatcher.CAPACITY
									+ ", and forgets them all when the platform stops).</p>"));
				}
			}
			else if (method.equals("GET") && path.equals("/api/messages")) {
				List<Summary> summaries = new ArrayList<>();
				for (CaughtMail mail : this.catcher.messages()) {
					summaries.add(summary(mail));
				}
				send(exchange, 200, "application/json", json.writeValueAsString(summaries));
			}
			else if (method.equals("GET") && api.matches()) {
				Optional<CaughtMail> mail = this.catcher.message(Long.parseLong(api.group(1)));
				if (mail.isPresent()) {
					send(exchange, 200, "application/json", json.writeValueAsString(read(mail.get())));
				}
				else {
					send(exchange, 404, "application/json", "{\"detail\":\"No such message\"}");
				}
			}
			else if (method.equals("DELETE") && path.equals("/api/messages")) {
				this.catcher.clear();
				exchange.sendResponseHeaders(204, -1);
			}
			else {
				send(exchange, 404, "text/plain", "Not found");
			}
		}
		catch (RuntimeException ex) {
			send(exchange, 500, "text/plain", "Could not read the message: " + ex.getMessage());
		}
	}

	private String listPage() {
		List<CaughtMail> messages = this.catcher.messages();
		StringBuilder body = new StringBuilder();
		body.append("<p>The e-mails the local platform sent, newest first: ")
			.append(messages.size())
			.append((messages.size() == 1) ? " message" : " messages")
			.append(". They reach nobody: the notification-service sends to the SMTP server on ")
			.append(PortCheck.LOOPBACK)
			.append(':')
			.append(this.catcher.smtpPort())
			.append(", which keeps them here, in memory, until the platform stops. JSON: <a href=\"/api/messages\">")
			.append("/api/messages</a>. The page refreshes itself every 10 s.</p>");
		if (messages.isEmpty()) {
			body.append("<p><em>No mail yet.</em></p>");
		}
		else {
			body.append(
					"<table><thead><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr></thead><tbody>");
			for (CaughtMail mail : messages) {
				Summary read = summary(mail);
				String link = "/messages/" + read.id();
				body.append("<tr><td>")
					.append(escape(TIME.format(mail.receivedAt())))
					.append("</td><td>")
					.append(escape(read.from()))
					.append("</td><td>")
					.append(escape(String.join(", ", read.to())))
					.append("</td><td><a href=\"")
					.append(link)
					.append("\">")
					.append(escape(read.subject().isEmpty() ? "(no subject)" : read.subject()))
					.append("</a></td></tr>");
			}
			body.append("</tbody></table>");
		}
		return page("Mailbox", body.toString(), "<meta http-equiv=\"refresh\" content=\"10\">");
	}

	private static String messagePage(Read read) {
		StringBuilder body = new StringBuilder("<p><a href=\"/\">&larr; All mail</a></p><table class=\"headers\">");
		header(body, "Subject", read.subject());
		header(body, "From", read.from());
		header(body, "To", String.join(", ", read.to()));
		header(body, "Reply-To", String.join(", ", read.replyTo()));
		header(body, "Received", TIME.format(java.time.Instant.parse(read.receivedAt())));
		header(body, "Message-ID", read.messageId());
		body.append("</table>");
		if (read.html() != null) {
			body.append("<h2>HTML</h2><iframe sandbox title=\"The message as HTML\" srcdoc=\"")
				.append(escape(read.html()))
				.append("\"></iframe>");
		}
		if (read.text() != null) {
			body.append("<h2>Text</h2><pre>").append(escape(read.text())).append("</pre>");
		}
		return page(read.subject(), body.toString());
	}

	private static void header(StringBuilder body, String name, String value) {
		body.append("<tr><th>").append(name).append("</th><td>").append(escape(value)).append("</td></tr>");
	}

	private static String page(String title, String body) {
		return page(title, body, "");
	}

	private static String page(String title, String body, String head) {
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="UTF-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				%s
				<title>%s · Ground Game mailbox</title>
				<style>
				body { font-family: system-ui, sans-serif; margin: 2rem; color: #1f2937; }
				h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
				table { border-collapse: collapse; width: 100%%; }
				th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
				table.headers th { width: 8rem; color: #6b7280; font-weight: normal; }
				iframe { width: 100%%; height: 32rem; border: 1px solid #d1d5db; }
				pre { white-space: pre-wrap; background: #f9fafb; padding: 1rem; border: 1px solid #e5e7eb; }
				</style>
				</head>
				<body>
				<h1>%s</h1>
				%s
				</body>
				</html>
				"""
			.formatted(head, escape(title), escape(title), body);
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
		if (contentType.equals("text/html")) {
			exchange.getResponseHeaders().set("Content-Security-Policy", SECURITY_POLICY);
		}
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** Text safe in HTML content and in a double- or single-quoted attribute. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/** A message's headers, without parsing its parts: what the list needs. */
	static Summary summary(CaughtMail mail) {
		try {
			MimeMessage message = mail.message();
			List<String> from = addresses(message.getFrom());
			List<String> to = mail.recipients().isEmpty() ? addresses(message.getRecipients(Message.RecipientType.TO))
					: mail.recipients();
			return new Summary(mail.id(), mail.receivedAt().toString(), from.isEmpty() ? "" : from.get(0), to,
					(message.getSubject() != null) ? message.getSubject() : "",
					(message.getMessageID() != null) ? message.getMessageID() : "");
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/** A message with its text and HTML. */
	static Read read(CaughtMail mail) {
		try {
			Summary summary = summary(mail);
			Content content = new Content();
			content.collect(mail.message());
			return new Read(summary.id(), summary.receivedAt(), summary.from(), summary.to(),
					addresses(mail.message().getReplyTo()), summary.subject(), summary.messageId(), content.text,
					content.html);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	private static List<String> addresses(Address[] addresses) {
		List<String> list = new ArrayList<>();
		if (addresses != null) {
			for (Address address : addresses) {
				list.add(address.toString());
			}
		}
		return list;
	}

	/** The first plain-text and the first HTML part of a message. */
	private static final class Content {

		private String text;

		private String html;

		void collect(Part part) throws MessagingException, IOException {
			if (part.isMimeType("text/plain") && this.text == null) {
				this.text = part.getContent().toString();
			}
			else if (part.isMimeType("text/html") && this.html == null) {
				this.html = part.getContent().toString();
			}
			else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i));
				}
			}
		}

	}

	/**
	 * One message as the API shows it.
	 *
	 * @param id its number
	 * @param receivedAt when it arrived (ISO-8601)
	 * @param from the sender as the message names it
	 * @param to the recipients it was sent to
	 * @param replyTo where replies go
	 * @param subject the subject
	 * @param messageId its {@code Message-ID}
	 * @param text its plain-text part, or {@code null}
	 * @param html its HTML part, or {@code null}
	 */
	record Read(long id, String receivedAt, String from, List<String> to, List<String> replyTo, String subject,
			String messageId, String text, String html) {

	}

	/** A message in the list. */
	record Summary(long id, String receivedAt, String from, List<String> to, String subject, String messageId) {

	}

}

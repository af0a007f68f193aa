package org.groundgame.web.console.inbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.groundgame.web.WebProperties;
import org.groundgame.web.console.signin.ConsoleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Relays an inbox's Server-Sent Events from notification-service to the console's page.
 * The browser cannot hold the person's token (it stays on this server), so this module
 * opens the service's stream with it, on the request's own thread (a virtual thread: a
 * stream that waits costs no platform thread), and forwards every event as the page shows
 * it: the entry rendered as its list item, then the inbox's new unread count. Each event
 * keeps the entry's id, so that a browser reconnecting with {@code Last-Event-ID} is
 * first sent what it missed (the service replays it); heartbeats are forwarded, which is
 * also how a browser that went away is noticed. The service's refusal is the relay's:
 * {@code 403} for another chapter's inbox, {@code 429} past the service's limit of
 * streams, {@code 503} when it is down.
 */
@Component
class InboxRelay {

	private static final Logger logger = LoggerFactory.getLogger(InboxRelay.class);

	static final String ENTRY_EVENT = "notification";

	static final String UNREAD_EVENT = "unread";

	private final OAuth2AuthorizedClientManager authorizedClients;

	private final URI notification;

	private final ThymeleafViewResolver views;

	private final JsonMapper json;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	InboxRelay(OAuth2AuthorizedClientManager authorizedClients, WebProperties properties, ThymeleafViewResolver views,
			JsonMapper json) {
		this.authorizedClients = authorizedClients;
		this.notification = properties.services().notification();
		this.views = views;
		this.json = json;
	}

	void relay(String chapterId, String lastEventId, Authentication person, HttpServletRequest request,
			HttpServletResponse response, LongSupplier unreadCount) throws Exception {
		OAuth2AuthorizedClient authorized;
		try {
			authorized = this.authorizedClients
				.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(ConsoleProperties.REGISTRATION_ID)
					.principal(person)
					.attribute(HttpServletRequest.class.getName(), request)
					.attribute(HttpServletResponse.class.getName(), response)
					.build());
		}
		catch (OAuth2AuthorizationException ex) {
			// The token could not be refreshed: the page signs the person in again.
			authorized = null;
		}
		if (authorized == null) {
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		URI stream = UriComponentsBuilder.fromUri(this.notification)
			.path("/api/notifications/stream")
			.queryParamIfPresent("chapterId", java.util.Optional.ofNullable(chapterId))
			.build()
			.encode()
			.toUri();
		HttpRequest.Builder upstream = HttpRequest.newBuilder(stream)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + authorized.getAccessToken().getTokenValue())
			.header(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE)
			.GET();
		if (lastEventId != null && !lastEventId.isBlank()) {
			upstream.header("Last-Event-ID", lastEventId);
		}
		HttpResponse<InputStream> answer;
		try {
			answer = this.client.send(upstream.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			logger.info("notification-service's inbox stream could not be opened: {}", ex.toString());
			unavailable(response);
			return;
		}
		try (InputStream body = answer.body()) {
			int status = answer.statusCode();
			if (status != HttpServletResponse.SC_OK) {
				refuse(status, answer, response);
				return;
			}
			// Each entry's form carries the session's CSRF token: made (and kept in the
			// session) now, before the answer is committed and the session can no longer
			// change.
			CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (csrf != null) {
				csrf.getToken();
			}
			response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			// Proxies in front must not hold the events back.
			response.setHeader("X-Accel-Buffering", "no");
			PrintWriter out = response.getWriter();
			out.write("retry: 3000\n\n");
			out.flush();
			forward(body, out, request, response, unreadCount);
		}
	}

	private void forward(InputStream body, PrintWriter out, HttpServletRequest request, HttpServletResponse response,
			LongSupplier unreadCount) throws Exception {
		BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
		Frame frame = new Frame();
		String line;
		while ((line = lines.readLine()) != null) {
			if (line.isEmpty()) {
				if (frame.isEntry()) {
					InboxEntry entry = this.json.readValue(frame.data.toString(), InboxEntry.class);
					send(out, entry.id(), ENTRY_EVENT, render("entry", Map.of("entry", entry), request, response));
					long count;
					try {
						count = unreadCount.getAsLong();
					}
					catch (RuntimeException ex) {
						// The entry is shown; the header keeps its count until the next
						// one.
						logger.info("The inbox's unread count could not be read: {}", ex.toString());
						count = -1;
					}
					if (count >= 0) {
						send(out, null, UNREAD_EVENT, render("unread", Map.of("count", count), request, response));
					}
				}
				frame = new Frame();
			}
			else if (line.startsWith(":")) {
				// A heartbeat: passed on, so that a browser gone is noticed here too.
				out.write(":\n\n");
			}
			else {
				frame.add(line);
			}
			out.flush();
			if (out.checkError()) {
				return;
			}
		}
	}

	private static void send(PrintWriter out, String id, String event, String html) {
		if (id != null) {
			out.write("id: " + id.replaceAll("[\\r\\n]", "") + "\n");
		}
		out.write("event: " + event + "\n");
		for (String line : html.strip().split("\\R")) {
			out.write("data: " + line + "\n");
		}
		out.write("\n");
	}

	/** A fragment of the inbox's page, rendered as the page renders it. */
	private String render(String fragment, Map<String, Object> values, HttpServletRequest request,
			HttpServletResponse response) throws Exception {
		Locale locale = LocaleContextHolder.getLocale();
		View view = this.views.resolveViewName("console/inbox :: " + fragment, locale);
		if (view == null) {
			throw new IllegalStateException("No view for the inbox's " + fragment);
		}
		Map<String, Object> model = new HashMap<>(values);
		Object chapterId = request.getParameter("chapter");
		model.put("chapterId", chapterId);
		Captured captured = new Captured(response);
		view.render(model, request, captured);
		return captured.text();
	}

	private static void refuse(int status, HttpResponse<InputStream> answer, HttpServletResponse response)
			throws IOException {
		switch (status) {
			case HttpServletResponse.SC_UNAUTHORIZED, HttpServletResponse.SC_FORBIDDEN,
					HttpServletResponse.SC_NOT_FOUND ->
				response.sendError(status);
			case 429 -> {
				response.setHeader(HttpHeaders.RETRY_AFTER,
						answer.headers().firstValue(HttpHeaders.RETRY_AFTER).orElse("30"));
				response.sendError(429);
			}
			default -> unavailable(response);
		}
	}

	private static void unavailable(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, "30");
		response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
	}

	/** One event of the service's stream, as its lines arrive. */
	private static final class Frame {

		private String event = "message";

		private final StringBuilder data = new StringBuilder();

		void add(String line) {
			int colon = line.indexOf(':');
			String field = (colon < 0) ? line : line.substring(0, colon);
			String value = (colon < 0) ? "" : line.substring(colon + 1);
			if (value.startsWith(" ")) {
				value = value.substring(1);
			}
			switch (field) {
				case "event" -> this.event = value;
				case "data" -> {
					if (!this.data.isEmpty()) {
						this.data.append('\n');
					}
					this.data.append(value);
				}
				default -> {
					// id and retry: the relay sends its own.
				}
			}
		}

		boolean isEntry() {
			return ENTRY_EVENT.equals(this.event) && !this.data.isEmpty();
		}

	}

	/** The response a fragment is rendered into: a string, nothing sent. */
	private static final class Captured extends HttpServletResponseWrapper {

		private final StringWriter text = new StringWriter();

		private final PrintWriter writer = new PrintWriter(this.text);

		Captured(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			throw new UnsupportedOperationException("Fragments are rendered as text");
		}

		@Override
		public void setContentType(String type) {
		}

		@Override
		public void setCharacterEncoding(String charset) {
		}

		@Override
		public void setLocale(java.util.Locale locale) {
		}

		@Override
		public void setHeader(String name, String value) {
		}

		@Override
		public void addHeader(String name, String value) {
		}

		@Override
		public void setContentLength(int length) {
		}

		String text() {
			this.writer.flush();
			return this.text.toString();
		}

	}

}

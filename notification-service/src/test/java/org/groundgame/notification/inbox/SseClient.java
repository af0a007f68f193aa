package org.groundgame.notification.inbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client over the JDK's HTTP client, as a browser's EventSource
 * reads a stream: lines gathered into events ({@code id}, {@code event}, {@code data}),
 * comments kept apart.
 */
final class SseClient implements AutoCloseable {

	record Event(String id, String name, String data) {
	}

	private final HttpResponse<Stream<String>> response;

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final List<String> comments = new CopyOnWriteArrayList<>();

	private final Thread reader;

	private SseClient(HttpResponse<Stream<String>> response) {
		this.response = response;
		this.reader = Thread.ofVirtual().start(this::read);
	}

	/**
	 * Connects and waits for the answer's status and headers.
	 * @param lastEventId sent as {@code Last-Event-ID} unless {@code null}
	 */
	static SseClient connect(HttpClient http, URI uri, String token, String lastEventId) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		return new SseClient(http.sendAsync(request.build(), BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS));
	}

	int status() {
		return this.response.statusCode();
	}

	String contentType() {
		return this.response.headers().firstValue("Content-Type").orElse(null);
	}

	/** The events received so far, in order. */
	List<Event> events() {
		return List.copyOf(this.events);
	}

	List<String> eventIds() {
		return this.events.stream().map(Event::id).toList();
	}

	List<String> comments() {
		return List.copyOf(this.comments);
	}

	/** The body of an answer that is no stream (a problem), whole. */
	String body() throws InterruptedException {
		this.reader.join(TimeUnit.SECONDS.toMillis(30));
		return String.join("\n", this.comments);
	}

	private void read() {
		List<String> lines = new ArrayList<>();
		boolean stream = this.response.statusCode() == 200;
		try (Stream<String> body = this.response.body()) {
			body.forEach((line) -> {
				if (!stream) {
					this.comments.add(line);
				}
				else if (line.isEmpty()) {
					dispatch(lines);
					lines.clear();
				}
				else if (line.startsWith(":")) {
					this.comments.add(line.substring(1).strip());
				}
				else {
					lines.add(line);
				}
			});
		}
		catch (RuntimeException ex) {
			// Closed.
		}
	}

	private void dispatch(List<String> lines) {
		String id = null;
		String name = null;
		StringBuilder data = new StringBuilder();
		for (String line : lines) {
			int colon = line.indexOf(':');
			String field = (colon < 0) ? line : line.substring(0, colon);
			String value = (colon < 0) ? "" : line.substring(colon + 1);
			value = value.startsWith(" ") ? value.substring(1) : value;
			switch (field) {
				case "id" -> id = value;
				case "event" -> name = value;
				case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
				default -> {
				}
			}
		}
		if (!data.isEmpty()) {
			this.events.add(new Event(id, name, data.toString()));
		}
	}

	/** Closes the connection, as a browser leaving the page does. */
	@Override
	public void close() {
		this.response.body().close();
		this.reader.interrupt();
	}

}

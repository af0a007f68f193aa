package org.groundgame.notification;

import java.time.Instant;
import java.util.List;

import org.groundgame.test.security.TestTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Reads chapters' inboxes over HTTP, as a client of the API would: each chapter with a
 * token of its own.
 */
public final class InboxClient {

	public record InboxPage(List<Entry> content, Page page) {

		public List<Entry> entriesOf(String eventId) {
			return this.content.stream().filter((entry) -> entry.eventId().equals(eventId)).toList();
		}

	}

	public record Page(int number, int size, long totalElements, int totalPages) {
	}

	public record Entry(String id, String chapterId, String eventId, String eventType, String title, String body,
			String subjectId, Instant occurredAt, Instant deliveredAt, boolean read) {
	}

	private final RestTestClient http;

	public InboxClient(RestTestClient http) {
		this.http = http;
	}

	/** The first hundred entries of a chapter's inbox, newest first. */
	public InboxPage inboxOf(String chapterId) {
		return inboxOf(chapterId, 0, 100);
	}

	public InboxPage inboxOf(String chapterId, int page, int size) {
		return this.http.get()
			.uri("/api/notifications/inbox?chapterId={chapterId}&page={page}&size={size}", chapterId, page, size)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.chapter(chapterId))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(InboxPage.class)
			.returnResult()
			.getResponseBody();
	}

}

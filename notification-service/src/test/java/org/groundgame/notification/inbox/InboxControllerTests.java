package org.groundgame.notification.inbox;

import java.time.Instant;
import java.util.List;

import org.groundgame.notification.SecurityConfiguration;
import org.groundgame.notification.inbox.domain.InboxEntry;
import org.groundgame.notification.inbox.domain.Recipient;
import org.groundgame.security.ApiSecurityAutoConfiguration;
import org.groundgame.security.Caller;
import org.groundgame.test.security.TestIssuerConfiguration;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The web layer with the service's real security rules in front of it; whose inbox a
 * caller may read is the inbox's decision ({@link InboxReadingTests}).
 */
@WebMvcTest(InboxController.class)
@Import({ SecurityConfiguration.class, TestIssuerConfiguration.class })
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
class InboxControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private Inbox inbox;

	@Test
	void inboxIsAPageOfEntries() {
		Instant occurredAt = Instant.parse("2026-05-01T12:00:00Z");
		InboxEntry entry = new InboxEntry("entry-1", Recipient.chapter("columbia"), "event-1",
				"org.groundgame.endorsement.EndorsementGranted.v1",
				"Endorsed: Jane Example for State Representative (MO, District 80)", "National staff endorsed …",
				"endorsement-1", occurredAt, occurredAt.plusMillis(250), false, "nomination-1");
		given(this.inbox.entriesFor(any(), any(), any(), anyInt(), anyInt()))
			.willReturn(new PageImpl<>(List.of(entry), PageRequest.of(1, 1), 3));

		assertThat(asStaff(this.mvc.get().uri("/api/notifications/inbox?chapterId=columbia&page=1&size=1")))
			.hasStatusOk()
			.bodyJson()
			.isEqualTo("""
					{"content":[{"id":"entry-1","recipient":"CHAPTER","chapterId":"columbia","eventId":"event-1",
					  "eventType":"org.groundgame.endorsement.EndorsementGranted.v1",
					  "title":"Endorsed: Jane Example for State Representative (MO, District 80)",
					  "body":"National staff endorsed …","subjectId":"endorsement-1",
					  "occurredAt":"2026-05-01T12:00:00Z","deliveredAt":"2026-05-01T12:00:00.250Z","read":false}],
					 "page":{"number":1,"size":1,"totalElements":3,"totalPages":3}}
					""");
		then(this.inbox).should().entriesFor(Caller.staff("test-client"), "columbia", null, 1, 1);
	}

	@Test
	void pagesAreOfTwentyUnlessAsked() {
		given(this.inbox.entriesFor(any(), any(), any(), anyInt(), anyInt()))
			.willReturn(new PageImpl<>(List.of(), PageRequest.of(0, 20), 0));

		assertThat(asStaff(this.mvc.get().uri("/api/notifications/inbox?chapterId=columbia"))).hasStatusOk()
			.bodyJson()
			.isEqualTo("""
					{"content":[],"page":{"number":0,"size":20,"totalElements":0,"totalPages":0}}
					""");
		then(this.inbox).should().entriesFor(Caller.staff("test-client"), "columbia", null, 0, 20);
	}

	@Test
	void theCallerIsWhatTheTokenSays() {
		given(this.inbox.entriesFor(any(), any(), any(), anyInt(), anyInt()))
			.willReturn(new PageImpl<>(List.of(), PageRequest.of(0, 20), 0));

		assertThat(this.mvc.get()
			.uri("/api/notifications/inbox")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.chapter("columbia"))).hasStatusOk();
		then(this.inbox).should().entriesFor(Caller.chapter("test-client", "columbia"), null, null, 0, 20);
	}

	@Test
	void withoutATokenTheInboxIsNotAsked() {
		assertThat(this.mvc.get().uri("/api/notifications/inbox?chapterId=columbia")).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.inbox).shouldHaveNoInteractions();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/api/notifications/inbox?chapterId=c&page=-1        | page
			/api/notifications/inbox?chapterId=c&size=0         | size
			/api/notifications/inbox?chapterId=c&size=101       | size
			/api/notifications/inbox?chapterId=c&size=twenty    | size
			/api/notifications/inbox?chapterId=c&read=maybe     | read
			""")
	void invalidQueryIsAProblemNamingTheParameter(String uri, String field) {
		assertThat(asStaff(this.mvc.get().uri(uri))).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo(field);
		then(this.inbox).shouldHaveNoInteractions();
	}

	@Test
	void inboxMayBeNarrowedToUnreadEntries() {
		given(this.inbox.entriesFor(any(), any(), any(), anyInt(), anyInt()))
			.willReturn(new PageImpl<>(List.of(), PageRequest.of(0, 20), 0));

		assertThat(asStaff(this.mvc.get().uri("/api/notifications/inbox?read=false"))).hasStatusOk();
		then(this.inbox).should().entriesFor(Caller.staff("test-client"), null, false, 0, 20);
	}

	@Test
	void unreadCountIsANumber() {
		given(this.inbox.unreadCount(any(), any())).willReturn(7L);

		assertThat(asStaff(this.mvc.get().uri("/api/notifications/inbox/unread-count?chapterId=columbia")))
			.hasStatusOk()
			.bodyJson()
			.isEqualTo("""
					{"unread":7}
					""");
		then(this.inbox).should().unreadCount(Caller.staff("test-client"), "columbia");
	}

	@Test
	void markingAllReadAnswersHowManyChanged() {
		given(this.inbox.markAllRead(any(), any())).willReturn(3L);

		assertThat(asStaff(this.mvc.post().uri("/api/notifications/inbox/read-all"))).hasStatusOk()
			.bodyJson()
			.isEqualTo("""
					{"changed":3}
					""");
		then(this.inbox).should().markAllRead(Caller.staff("test-client"), null);
	}

	@Test
	void markingOneEntryAnswersTheEntry() {
		Instant occurredAt = Instant.parse("2026-05-01T12:00:00Z");
		given(this.inbox.mark(any(), any(), anyBoolean())).willReturn(new InboxEntry("entry-1", Recipient.staff(),
				"event-1", "org.groundgame.endorsement.NominationSubmitted.v1", "Nomination to review: …", "…",
				"nomination-1", occurredAt, occurredAt, true, "nomination-1"));

		assertThat(asStaff(this.mvc.post().uri("/api/notifications/inbox/entry-1/read"))).hasStatusOk()
			.bodyJson()
			.isEqualTo("""
					{"id":"entry-1","recipient":"STAFF","chapterId":null,"eventId":"event-1",
					 "eventType":"org.groundgame.endorsement.NominationSubmitted.v1",
					 "title":"Nomination to review: …","body":"…","subjectId":"nomination-1",
					 "occurredAt":"2026-05-01T12:00:00Z","deliveredAt":"2026-05-01T12:00:00Z","read":true}
					""");
		then(this.inbox).should().mark(Caller.staff("test-client"), "entry-1", true);

		assertThat(asStaff(this.mvc.post().uri("/api/notifications/inbox/entry-1/unread"))).hasStatusOk();
		then(this.inbox).should().mark(Caller.staff("test-client"), "entry-1", false);
	}

	private static MockMvcRequestBuilder asStaff(MockMvcRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff());
	}

}

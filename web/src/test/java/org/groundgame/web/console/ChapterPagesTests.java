package org.groundgame.web.console;

import java.util.List;

import org.groundgame.test.InfrastructureTestConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A chapter's pages of the console against stand-ins of volunteer- and
 * notification-service (real HTTP servers on 127.0.0.1): each call carries the signed-in
 * organizer's own token and names their chapter; another chapter named by link or by form
 * is passed on, refused by the service, and shown as the console's 403 page with nothing
 * of that chapter; the CSV export is an attachment with formulas neutralised; the inbox's
 * relay forwards each entry of the service's stream as its list item (escaped) with the
 * new unread count. Sign-in itself is identity-service's (end-to-end-tests): here the
 * person is signed in by the test and their token is a fixed one.
 */
@SpringBootTest(properties = "groundgame.web.console.client-secret=console-secret-of-the-tests")
@AutoConfigureMockMvc
@Import({ InfrastructureTestConfiguration.class, SignedInTokens.class })
class ChapterPagesTests {

	private static final StubApi volunteer = StubApi.start();

	private static final StubApi notification = StubApi.start();

	private static final String ORGANIZER = "organizer-of-a@example.org";

	@Autowired
	private MockMvc mvc;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("groundgame.web.services.volunteer", volunteer::uri);
		registry.add("groundgame.web.services.notification", notification::uri);
	}

	@AfterAll
	static void stop() {
		volunteer.close();
		notification.close();
	}

	@BeforeEach
	void chapters() {
		volunteer.reset();
		notification.reset();
		volunteer.json("GET /api/chapters/ch-a", 200, chapter("ch-a", "Mobilize Missouri"));
		volunteer.json("GET /api/chapters/ch-b", 200, chapter("ch-b", "Columbia Chapter"));
		volunteer.json("GET /api/chapters", 200,
				"{\"content\":[" + chapter("ch-a", "Mobilize Missouri") + "," + chapter("ch-b", "Columbia Chapter")
						+ "],\"page\":{\"number\":0,\"size\":100,\"totalElements\":2,\"totalPages\":1}}");
		// As volunteer-service does: a chapter sees its own members only.
		volunteer.on("GET /api/volunteers", (request, exchange) -> {
			if (!request.queryHas("chapterId=ch-a")) {
				StubApi.send(exchange, 403, "application/problem+json", "{\"status\":403,\"title\":\"Forbidden\"}");
				return;
			}
			String page = request.queryHas("page=1") ? "1" : "0";
			String member = page.equals("0") ? member("v-1", "=HYPERLINK(\\\"http://evil.example\\\",\\\"Ada\\\")")
					: member("v-2", "Grace Example");
			StubApi.send(exchange, 200, "application/json", "{\"content\":[" + member + "],\"page\":{\"number\":" + page
					+ ",\"size\":100,\"totalElements\":2,\"totalPages\":2}}");
		});
	}

	@Test
	void anOrganizerSeesTheirOwnChaptersMembersAskedWithTheirOwnToken() throws Exception {
		MvcResult page = this.mvc.perform(get("/console/members").with(organizerOf("ch-a"))).andReturn();

		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("Mobilize Missouri")
			.contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;Ada&quot;)");
		assertThat(volunteer.requests()).filteredOn((request) -> request.path().equals("/api/volunteers"))
			.singleElement()
			.satisfies((request) -> {
				assertThat(request.query()).contains("chapterId=ch-a");
				assertThat(request.authorization()).isEqualTo("Bearer token-of-" + ORGANIZER);
			});
	}

	@Test
	void anOrganizerOfAnotherChapterReachesNothingOfItByLinkOrByForm() throws Exception {
		volunteer.json("DELETE /api/volunteers/v-of-b", 403, "{\"status\":403,\"title\":\"Forbidden\"}");
		volunteer.json("GET /api/volunteers/v-of-b", 403, "{\"status\":403,\"title\":\"Forbidden\"}");
		notification.json("GET /api/notifications/subscriptions/ch-b", 403, "{\"status\":403,\"title\":\"Forbidden\"}");
		notification.json("GET /api/notifications/stream", 403, "{\"status\":403,\"title\":\"Forbidden\"}");

		MvcResult members = this.mvc.perform(get("/console/members?chapter=ch-b").with(organizerOf("ch-a")))
			.andReturn();
		MvcResult member = this.mvc.perform(get("/console/members/v-of-b").with(organizerOf("ch-a"))).andReturn();
		MvcResult export = this.mvc.perform(get("/console/members.csv?chapter=ch-b").with(organizerOf("ch-a")))
			.andReturn();
		MvcResult erase = this.mvc.perform(
				post("/console/members/v-of-b/erase").param("chapter", "ch-b").with(organizerOf("ch-a")).with(csrf()))
			.andReturn();
		MvcResult setup = this.mvc.perform(get("/console/notifications?chapter=ch-b").with(organizerOf("ch-a")))
			.andReturn();
		MvcResult stream = this.mvc.perform(get("/console/inbox/stream?chapter=ch-b").with(organizerOf("ch-a")))
			.andReturn();

		for (MvcResult refused : List.of(members, member, export, erase, setup)) {
			assertThat(refused.getResponse().getStatus()).isEqualTo(403);
			assertThat(refused.getResponse().getContentAsString()).contains("Not yours to see")
				.doesNotContain("Grace Example")
				.doesNotContain("HYPERLINK");
			assertThat(refused.getResponse().getHeader("Content-Disposition")).isNull();
		}
		assertThat(stream.getResponse().getStatus()).isEqualTo(403);
		// Each was asked of the services for chapter B with A's token, and refused there.
		assertThat(volunteer.requests()).filteredOn((request) -> !request.path().startsWith("/api/chapters"))
			.isNotEmpty()
			.allSatisfy((request) -> assertThat(request.authorization()).isEqualTo("Bearer token-of-" + ORGANIZER));
		assertThat(volunteer.requests()).filteredOn((request) -> request.method().equals("DELETE")).hasSize(1);
	}

	@Test
	void theMembersExportIsACsvAttachmentOfEveryPageWithFormulasNeutralised() throws Exception {
		MvcResult export = this.mvc.perform(get("/console/members.csv?interest=CANVASSING").with(organizerOf("ch-a")))
			.andReturn();

		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		assertThat(export.getResponse().getContentType()).startsWith("text/csv");
		assertThat(export.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
			.contains("members-ch-a-");
		String csv = export.getResponse().getContentAsString();
		assertThat(csv.lines().toList()).hasSize(3);
		assertThat(csv).startsWith("\uFEFFName,E-mail,")
			.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Ada\"\")\"")
			.contains("Grace Example,grace@example.org,'+13145550123,")
			.contains("\r\n");
		assertThat(volunteer.requests()).filteredOn((request) -> request.path().equals("/api/volunteers"))
			.extracting(StubApi.Request::query)
			.containsExactly("chapterId=ch-a&interest=CANVASSING&page=0&size=100",
					"chapterId=ch-a&interest=CANVASSING&page=1&size=100");
	}

	@Test
	void theInboxRelayForwardsEachEntryAsItsListItemThenTheNewUnreadCount() throws Exception {
		String entry = "{\"id\":\"e-1\",\"recipient\":\"CHAPTER\",\"chapterId\":\"ch-a\",\"eventType\":\"x\","
				+ "\"title\":\"<script>alert(1)</script> Endorsed: Jane Example\",\"body\":\"Staff endorsed her.\","
				+ "\"occurredAt\":\"2026-12-06T12:00:00Z\",\"deliveredAt\":\"2026-12-06T12:00:01Z\",\"read\":false}";
		notification.on("GET /api/notifications/stream",
				(request, exchange) -> StubApi.send(exchange, 200, "text/event-stream",
						"retry: 3000\n\n: heartbeat\n\nid: e-1\nevent: notification\ndata: " + entry + "\n\n"));
		notification.json("GET /api/notifications/inbox/unread-count", 200, "{\"unread\":3}");

		MvcResult stream = this.mvc
			.perform(get("/console/inbox/stream").header("Last-Event-ID", "e-0").with(organizerOf("ch-a")))
			.andReturn();

		assertThat(stream.getResponse().getStatus()).isEqualTo(200);
		assertThat(stream.getResponse().getContentType()).startsWith("text/event-stream");
		String events = stream.getResponse().getContentAsString();
		assertThat(events).contains("id: e-1\nevent: notification\ndata: <li")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; Endorsed: Jane Example")
			.doesNotContain("<script>alert")
			.contains("name=\"_csrf\"")
			.contains("event: unread\ndata: <span class=\"count\">3 unread</span>");
		assertThat(events.indexOf("event: unread")).isGreaterThan(events.indexOf("event: notification"));
		assertThat(notification.requests()).filteredOn((request) -> request.path().equals("/api/notifications/stream"))
			.singleElement()
			.satisfies((request) -> {
				assertThat(request.query()).isEqualTo("chapterId=ch-a");
				assertThat(request.lastEventId()).isEqualTo("e-0");
				assertThat(request.authorization()).isEqualTo("Bearer token-of-" + ORGANIZER);
			});
	}

	@Test
	void theSetUpFormSendsTheStatesAsAListAndShowsTheServicesProblemsNextToTheirFields() throws Exception {
		notification.json("GET /api/notifications/subscriptions/ch-a", 200, subscription(null));
		notification.json("PUT /api/notifications/subscriptions/ch-a", 400,
				"{\"status\":400,\"title\":\"Bad Request\",\"errors\":[{\"field\":\"states[1]\",\"message\":\"must be a US state\"},"
						+ "{\"field\":\"webhook.url\",\"message\":\"must not point at a private address\"}]}");

		MvcResult refused = this.mvc
			.perform(post("/console/notifications").param("topics", "ENDORSEMENTS", "OUTCOMES")
				.param("states", "ks, XX")
				.param("inbox", "true")
				.param("webhookUrl", "http://10.0.0.1/in")
				.with(organizerOf("ch-a"))
				.with(csrf()))
			.andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		assertThat(refused.getResponse().getContentAsString()).contains("id=\"f-states-error\"")
			.contains("must be a US state")
			.contains("id=\"f-webhookUrl-error\"")
			.contains("must not point at a private address")
			.contains("value=\"ks, XX\"");
		assertThat(notification.requests()).filteredOn((request) -> request.method().equals("PUT"))
			.singleElement()
			.satisfies((request) -> assertThat(request.body()).isEqualTo(
					"{\"topics\":[\"ENDORSEMENTS\",\"OUTCOMES\"],\"states\":[\"KS\",\"XX\"],\"email\":null,\"digestTopics\":[],"
							+ "\"inbox\":true,\"webhook\":{\"url\":\"http://10.0.0.1/in\"}}"));
	}

	@Test
	void aNewWebhooksSecretIsShownOnTheAnswerThatMadeItAndNeverAgain() throws Exception {
		notification.json("PUT /api/notifications/subscriptions/ch-a", 200,
				subscription("whsec_c2VjcmV0LW9mLXRoZS10ZXN0"));
		notification.json("GET /api/notifications/subscriptions/ch-a", 200, subscription(null));

		MvcResult saved = this.mvc
			.perform(post("/console/notifications").param("topics", "ENDORSEMENTS")
				.param("inbox", "true")
				.param("webhookUrl", "https://hooks.example.org/in")
				.with(organizerOf("ch-a"))
				.with(csrf()))
			.andReturn();
		MvcResult later = this.mvc.perform(get("/console/notifications").with(organizerOf("ch-a"))).andReturn();

		assertThat(saved.getResponse().getStatus()).isEqualTo(200);
		assertThat(saved.getResponse().getContentAsString()).contains("whsec_c2VjcmV0LW9mLXRoZS10ZXN0");
		assertThat(later.getResponse().getContentAsString()).contains("https://hooks.example.org/in")
			.doesNotContain("whsec_");
	}

	private static RequestPostProcessor organizerOf(String chapterId) {
		return oidcLogin().idToken((token) -> token.subject(ORGANIZER)
			.claim("name", "Olive Organizer")
			.claim("roles", List.of("CHAPTER"))
			.claim("chapter_id", chapterId));
	}

	private static String chapter(String id, String name) {
		return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"state\":\"MO\",\"city\":\"St. Louis\"}";
	}

	private static String member(String id, String name) {
		return "{\"id\":\"" + id + "\",\"name\":\"" + name
				+ "\",\"email\":\"grace@example.org\",\"phone\":\"+13145550123\","
				+ "\"state\":\"MO\",\"chapterId\":\"ch-a\",\"interests\":[\"CANVASSING\"],"
				+ "\"consent\":{\"email\":{\"status\":\"OPT_IN\"},\"sms\":{\"status\":\"OPT_OUT\"}},"
				+ "\"signedUpAt\":\"2026-12-01T10:00:00Z\",\"language\":\"en\"}";
	}

	private static String subscription(String secret) {
		return "{\"chapterId\":\"ch-a\",\"topics\":[\"ENDORSEMENTS\"],\"states\":[],\"email\":null,\"inbox\":true,"
				+ "\"digestTopics\":[],\"webhook\":{\"url\":\"https://hooks.example.org/in\","
				+ ((secret != null) ? "\"secret\":\"" + secret + "\"," : "") + "\"enabled\":true}}";
	}

}

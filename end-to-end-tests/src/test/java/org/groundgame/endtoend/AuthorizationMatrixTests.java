package org.groundgame.endtoend;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint of the platform × every kind of caller, through the gateway with every
 * service running and real tokens from the platform's token endpoint: the expected status
 * for each, and no chapter ever reads or changes another chapter's data. A bad token is
 * refused ({@code 401}) even on a public endpoint, whatever role it claims: the forged
 * ones here all claim {@code STAFF}.
 */
@ExtendWith(RunningPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	enum Caller {

		NO_TOKEN, STAFF, OWN_CHAPTER, OTHER_CHAPTER, EXPIRED, OTHER_KEY, ALG_NONE, WRONG_ISSUER, WRONG_AUDIENCE;

		boolean forged() {
			return ordinal() >= EXPIRED.ordinal();
		}

	}

	private final LocalPlatform platform;

	private final Gateway gateway;

	private final Organizers organizers;

	private final Map<Caller, Gateway> as = new EnumMap<>(Caller.class);

	private String ownChapter;

	private String otherChapter;

	private String ownNomination;

	private String endorsement;

	private WebhookReceiver receiver;

	private String ownInboxEntry;

	private String ownDelivery;

	AuthorizationMatrixTests(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
		this.organizers = new Organizers(gateway);
	}

	@BeforeAll
	void chaptersTokensAndData() throws IOException {
		this.ownChapter = this.organizers.registerChapter();
		this.otherChapter = this.organizers.registerChapter();
		this.receiver = WebhookReceiver.start();
		// A webhook, so that the calls about it can succeed; the notification-service
		// knows the chapter once it accepts its subscription.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.gateway.asChapter(this.ownChapter)
				.send("PUT", "/api/notifications/subscriptions/" + this.ownChapter, allTopics()),
					(put) -> put.status() != 404)
			.json(200);
		// Staff may name the chapter in a nomination once endorsement-service has heard
		// of it (its projection of volunteer-service's chapters): until then that is a
		// 400 naming nominatedBy.chapterId.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.gateway.asStaff()
				.send("POST", "/api/nominations", nomination("Staff's pick " + unique(), this.ownChapter)),
					(nominated) -> nominated.status() != 400)
			.json(201);
		this.ownNomination = this.organizers.nominate(this.ownChapter);
		this.endorsement = this.organizers.endorse(this.organizers.nominate(this.otherChapter));
		// The own chapter's inbox entry and webhook delivery about its nomination, to
		// mark read and to look up.
		this.ownInboxEntry = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.organizers.inboxEntriesAbout(this.ownChapter, this.ownNomination),
					(found) -> !found.isEmpty())
			.get(0)
			.path("id")
			.asString();
		this.ownDelivery = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.gateway.asChapter(this.ownChapter)
				.get("/api/notifications/deliveries?chapterId=" + this.ownChapter)
				.json(200)
				.path("content")
				.valueStream()
				.filter((delivery) -> this.ownNomination.equals(delivery.path("subjectId").asString())
						&& delivery.path("status").asString().equals("DELIVERED"))
				.findFirst(), Optional::isPresent)
			.orElseThrow()
			.path("id")
			.asString();
		ForgedTokens forged = new ForgedTokens(this.platform.mongoConnectionString(),
				this.platform.credentials().keyEncryptionKey(),
				"http://localhost:" + this.platform.gateway().getPort());
		// A control: forging itself works, so the refusals below are about the one
		// defect.
		assertThat(this.gateway.withToken(forged.valid("STAFF", null))
			.get("/api/nominations/" + this.ownNomination)
			.status()).isEqualTo(200);
		this.as.put(Caller.NO_TOKEN, this.gateway.anonymous());
		this.as.put(Caller.STAFF, this.gateway.asStaff());
		this.as.put(Caller.OWN_CHAPTER, this.gateway.asChapter(this.ownChapter));
		this.as.put(Caller.OTHER_CHAPTER, this.gateway.asChapter(this.otherChapter));
		this.as.put(Caller.EXPIRED, this.gateway.withToken(forged.expired("STAFF", null)));
		this.as.put(Caller.OTHER_KEY, this.gateway.withToken(forged.signedWithAnotherKey("STAFF", null)));
		this.as.put(Caller.ALG_NONE, this.gateway.withToken(forged.unsigned("STAFF", null)));
		this.as.put(Caller.WRONG_ISSUER, this.gateway.withToken(forged.wrongIssuer("STAFF", null)));
		this.as.put(Caller.WRONG_AUDIENCE, this.gateway.withToken(forged.wrongAudience("STAFF", null)));
	}

	@AfterAll
	void stopReceiver() {
		if (this.receiver != null) {
			// The chapter is in the state of the other classes' endorsements: without a
			// webhook, nothing is sent on to a receiver that is gone.
			this.gateway.asChapter(this.ownChapter)
				.send("PUT", "/api/notifications/subscriptions/" + this.ownChapter,
						Map.of("topics", List.of("NOMINATIONS", "ENDORSEMENTS"), "states", List.of(), "inbox", true));
			this.receiver.close();
		}
	}

	@Test
	void everyEndpointAnswersEveryCallerAsTheContractSays() {
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			for (Caller caller : Caller.values()) {
				int expected = endpoint.expected(caller);
				Gateway.Answer answer = endpoint.stream() ? this.as.get(caller).openStream(endpoint.path().get())
						: this.as.get(caller).send(endpoint.method(), endpoint.path().get(), endpoint.body().get());
				if (answer.status() != expected) {
					wrong.add(endpoint.method() + " " + endpoint.name() + " as " + caller + ": " + answer.status()
							+ " instead of " + expected + " " + abbreviated(answer.body()));
				}
				else if (expected >= 400) {
					assertThat(answer.contentType()).as(endpoint.name() + " as " + caller)
						.startsWith("application/problem+json");
				}
			}
		}
		assertThat(wrong).as("answers that break the authorization contract").isEmpty();
	}

	@Test
	void aChapterListsOnlyItsOwnNominationsAndNeverReadsAnothers() {
		String othersNomination = this.organizers.nominate(this.otherChapter);

		List<JsonNode> ownList = all(this.as.get(Caller.OWN_CHAPTER), "/api/nominations?state=" + Organizers.STATE);
		assertThat(ownList).isNotEmpty()
			.allSatisfy((nomination) -> assertThat(nomination.path("nominatedBy").path("chapterId").asString())
				.isEqualTo(this.ownChapter));
		assertThat(ownList).extracting((nomination) -> nomination.path("id").asString())
			.contains(this.ownNomination)
			.doesNotContain(othersNomination);
		assertThat(this.as.get(Caller.OWN_CHAPTER).get("/api/nominations/" + othersNomination).status()).isEqualTo(403);
		assertThat(
				this.as.get(Caller.OTHER_CHAPTER).get("/api/notifications/inbox?chapterId=" + this.ownChapter).status())
			.isEqualTo(403);
	}

	@Test
	void aChapterCannotNominateInAnotherChaptersNameAndTheRefusalLeavesNoTrace() {
		int before = all(this.as.get(Caller.STAFF), "/api/nominations?state=" + Organizers.STATE).size();
		String candidate = "Impostor " + unique();

		Gateway.Answer answer = this.as.get(Caller.OTHER_CHAPTER)
			.send("POST", "/api/nominations", nomination(candidate, this.ownChapter));

		assertThat(answer.status()).isEqualTo(403);
		List<JsonNode> after = all(this.as.get(Caller.STAFF), "/api/nominations?state=" + Organizers.STATE);
		assertThat(after).hasSize(before)
			.noneSatisfy((nomination) -> assertThat(nomination.path("candidate").path("name").asString())
				.isEqualTo(candidate));
	}

	@Test
	void aChapterCannotSilenceAnotherChaptersNotifications() {
		Gateway.Answer refused = this.as.get(Caller.OTHER_CHAPTER)
			.send("PUT", "/api/notifications/subscriptions/" + this.ownChapter,
					Map.of("topics", List.of(), "inbox", false));

		assertThat(refused.status()).isEqualTo(403);
		JsonNode subscription = this.as.get(Caller.OWN_CHAPTER)
			.get("/api/notifications/subscriptions/" + this.ownChapter)
			.json(200);
		assertThat(subscription.path("inbox").asBoolean()).isTrue();
		assertThat(subscription.path("topics")).isNotEmpty();
	}

	@Test
	void refusedStaffActionsLeaveTheNominationAsItWas() {
		String nomination = this.organizers.nominate(this.ownChapter);
		for (Caller caller : Caller.values()) {
			if (caller == Caller.STAFF) {
				continue;
			}
			assertThat(this.as.get(caller)
				.send("POST", "/api/nominations/" + nomination + "/decision",
						Map.of("decision", "ENDORSE", "reason", "Forged"))
				.status()).as(caller.name()).isIn(401, 403);
		}
		assertThat(this.organizers.nomination(nomination).path("status").asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void aNominationFromAChapterIsAttributedFromItsTokenAndItsBodyCannotSetStatusOrId() {
		Map<String, Object> body = new LinkedHashMap<>(nomination("Attributed " + unique(), null));
		body.put("id", "chosen-by-the-client");
		body.put("status", "ENDORSED");

		JsonNode created = this.as.get(Caller.OWN_CHAPTER).send("POST", "/api/nominations", body).json(201);

		assertThat(created.path("id").asString()).isNotEqualTo("chosen-by-the-client");
		assertThat(created.path("status").asString()).isEqualTo("SUBMITTED");
		assertThat(created.path("nominatedBy").path("chapterId").asString()).isEqualTo(this.ownChapter);
	}

	private List<Endpoint> endpoints() {
		int ok = 200;
		int created = 201;
		String state = Organizers.STATE;
		Supplier<Object> none = () -> null;
		List<Endpoint> endpoints = new ArrayList<>();
		endpoints.add(Endpoint.open("GET", "chapters", () -> "/api/chapters?state=" + state, none, ok));
		endpoints.add(Endpoint.open("GET", "chapter", () -> "/api/chapters/" + this.ownChapter, none, ok));
		endpoints.add(Endpoint.of("POST", "chapters", () -> "/api/chapters", this::newChapter)
			.answers(Caller.STAFF, created)
			.refusing(Caller.OWN_CHAPTER, Caller.OTHER_CHAPTER));
		endpoints.add(Endpoint.open("POST", "nominations (unattributed)", () -> "/api/nominations",
				() -> nomination("Public " + unique(), null), created));
		endpoints.add(Endpoint
			.of("POST", "nominations (for the own chapter)", () -> "/api/nominations",
					() -> nomination("Attributed " + unique(), this.ownChapter))
			.answers(Caller.NO_TOKEN, 403)
			.answers(Caller.STAFF, created)
			.answers(Caller.OWN_CHAPTER, created)
			.refusing(Caller.OTHER_CHAPTER));
		endpoints.add(Endpoint.of("GET", "nominations", () -> "/api/nominations?state=" + state, none)
			.answers(Caller.STAFF, ok)
			.answers(Caller.OWN_CHAPTER, ok)
			.answers(Caller.OTHER_CHAPTER, ok));
		endpoints.add(Endpoint.of("GET", "nomination", () -> "/api/nominations/" + this.ownNomination, none)
			.answers(Caller.STAFF, ok)
			.answers(Caller.OWN_CHAPTER, ok)
			.refusing(Caller.OTHER_CHAPTER));
		endpoints.add(Endpoint
			.of("POST", "nomination review",
					() -> "/api/nominations/" + this.organizers.nominate(this.ownChapter) + "/review",
					() -> Map.of("reviewer", "Staff reviewer"))
			.answers(Caller.STAFF, ok)
			.refusing(Caller.OWN_CHAPTER, Caller.OTHER_CHAPTER));
		endpoints.add(Endpoint
			.of("POST", "nomination decision",
					() -> "/api/nominations/" + this.organizers.nominate(this.ownChapter) + "/decision",
					() -> Map.of("decision", "DECLINE", "reason", "Matrix"))
			.answers(Caller.STAFF, ok)
			.refusing(Caller.OWN_CHAPTER, Caller.OTHER_CHAPTER));
		endpoints.add(Endpoint.open("GET", "endorsements", () -> "/api/endorsements?state=" + state, none, ok));
		endpoints.add(Endpoint.open("GET", "endorsement", () -> "/api/endorsements/" + this.endorsement, none, ok));
		endpoints.add(Endpoint.open("GET", "cohorts", () -> "/api/training/cohorts", none, ok));
		endpoints.add(Endpoint.of("GET", "inbox", () -> "/api/notifications/inbox?chapterId=" + this.ownChapter, none)
			.answers(Caller.STAFF, ok)
			.answers(Caller.OWN_CHAPTER, ok)
			.refusing(Caller.OTHER_CHAPTER));
		endpoints
			.add(Endpoint.of("GET", "subscription", () -> "/api/notifications/subscriptions/" + this.ownChapter, none)
				.answers(Caller.STAFF, ok)
				.answers(Caller.OWN_CHAPTER, ok)
				.refusing(Caller.OTHER_CHAPTER));
		endpoints.add(Endpoint
			.of("PUT", "subscription", () -> "/api/notifications/subscriptions/" + this.ownChapter, this::allTopics)
			.answers(Caller.STAFF, ok)
			.answers(Caller.OWN_CHAPTER, ok)
			.refusing(Caller.OTHER_CHAPTER));
		notificationEndpoints(endpoints);
		endpoints.add(Endpoint
			.of("POST", "clients", () -> "/api/clients",
					() -> Map.of("name", "Matrix " + unique(), "role", "CHAPTER", "chapterId", this.ownChapter))
			.answers(Caller.STAFF, created)
			.refusing(Caller.OWN_CHAPTER, Caller.OTHER_CHAPTER));
		endpoints.add(Endpoint.of("GET", "clients", () -> "/api/clients", none)
			.answers(Caller.STAFF, ok)
			.refusing(Caller.OWN_CHAPTER, Caller.OTHER_CHAPTER));
		return endpoints;
	}

	/**
	 * The notification-service's endpoints beyond the inbox and the subscription: what
	 * staff or the chapter itself may do, another chapter may not.
	 */
	private void notificationEndpoints(List<Endpoint> endpoints) {
		int ok = 200;
		int accepted = 202;
		int conflict = 409;
		Supplier<Object> none = () -> null;
		String subscription = "/api/notifications/subscriptions/";
		// Each caller its own inbox: staff's, or the calling chapter's.
		endpoints.add(Endpoint.of("GET", "inbox (own, no chapterId)", () -> "/api/notifications/inbox", none)
			.answers(Caller.STAFF, ok)
			.answers(Caller.OWN_CHAPTER, ok)
			.answers(Caller.OTHER_CHAPTER, ok));
		endpoints.add(chapterOnly("GET", "unread count",
				() -> "/api/notifications/inbox/unread-count?chapterId=" + this.ownChapter, none, ok));
		endpoints.add(chapterOnly("POST", "inbox entry read",
				() -> "/api/notifications/inbox/" + this.ownInboxEntry + "/read", none, ok));
		endpoints.add(chapterOnly("POST", "inbox entry unread",
				() -> "/api/notifications/inbox/" + this.ownInboxEntry + "/unread", none, ok));
		endpoints.add(chapterOnly("POST", "inbox read-all",
				() -> "/api/notifications/inbox/read-all?chapterId=" + this.ownChapter, none, ok));
		endpoints.add(chapterOnly("GET", "inbox stream", () -> "/api/notifications/stream?chapterId=" + this.ownChapter,
				none, ok)
			.streamed());
		endpoints.add(chapterOnly("GET", "deliveries", () -> "/api/notifications/deliveries?chapterId="
				+ this.ownChapter + "&status=DELIVERED&channel=WEBHOOK", none, ok));
		// Each caller its own deliveries; staff all of them.
		endpoints.add(Endpoint.of("GET", "deliveries (own, no chapterId)", () -> "/api/notifications/deliveries", none)
			.answers(Caller.STAFF, ok)
			.answers(Caller.OWN_CHAPTER, ok)
			.answers(Caller.OTHER_CHAPTER, ok));
		endpoints
			.add(chapterOnly("GET", "delivery", () -> "/api/notifications/deliveries/" + this.ownDelivery, none, ok));
		// Delivered, so there is nothing to retry: allowed, but a conflict.
		endpoints.add(chapterOnly("POST", "delivery retry",
				() -> "/api/notifications/deliveries/" + this.ownDelivery + "/retry", none, conflict));
		endpoints.add(chapterOnly("POST", "webhook secret rotation",
				() -> subscription + this.ownChapter + "/webhook/secret", none, ok));
		endpoints.add(chapterOnly("POST", "webhook test event", () -> subscription + this.ownChapter + "/webhook/test",
				none, ok));
		endpoints.add(chapterOnly("POST", "webhook replay", () -> subscription + this.ownChapter + "/webhook/replay",
				() -> Map.of("since", Instant.now().minus(Duration.ofHours(1)).toString()), accepted));
	}

	/** For staff and the own chapter: another chapter is refused. */
	private static Endpoint chapterOnly(String method, String name, Supplier<String> path, Supplier<Object> body,
			int status) {
		return Endpoint.of(method, name, path, body)
			.answers(Caller.STAFF, status)
			.answers(Caller.OWN_CHAPTER, status)
			.refusing(Caller.OTHER_CHAPTER);
	}

	/** Every topic, the inbox, and the webhook at the test's receiver. */
	private Map<String, Object> allTopics() {
		return Map.of("topics", List.of("NOMINATIONS", "ENDORSEMENTS", "OUTCOMES", "VOLUNTEERS", "TRAINING"), "states",
				List.of(), "webhook", Map.of("url", this.receiver.url()), "inbox", true);
	}

	private Map<String, Object> newChapter() {
		String suffix = unique();
		return Map.of("name", "Matrix Organizers " + suffix, "state", Organizers.STATE, "city", "Topeka",
				"contactEmail", "matrix-" + suffix + "@prairie-organizers.example");
	}

	private static Map<String, Object> nomination(String candidate, String chapterId) {
		Map<String, Object> nominatedBy = new LinkedHashMap<>();
		nominatedBy.put("name", "Rowan Ellis");
		nominatedBy.put("email", "rowan.ellis@example.org");
		if (chapterId != null) {
			nominatedBy.put("chapterId", chapterId);
		}
		return Map.of("candidate", Map.of("name", candidate, "email", "candidate@example.org"), "race",
				Map.of("office", "State Senator", "level", "STATE", "state", Organizers.STATE, "district", "9",
						"jurisdiction", "Kansas Senate", "electionDate",
						java.time.LocalDate.now().plusYears(1).toString()),
				"nominatedBy", nominatedBy, "statement", "A fictional candidate of the authorization matrix.");
	}

	private static List<JsonNode> all(Gateway as, String path) {
		List<JsonNode> elements = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode body = as.get(path + "&size=100&page=" + page).json(200);
			body.path("content").forEach(elements::add);
			if (page + 1 >= body.path("page").path("totalPages").asInt(0)) {
				return elements;
			}
		}
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static String abbreviated(String body) {
		String line = (body != null) ? body.replaceAll("\\s+", " ") : "";
		return (line.length() > 200) ? line.substring(0, 200) + "…" : line;
	}

	/**
	 * One endpoint and what each caller gets: by default a token is needed (no token and
	 * every forged one are {@code 401}).
	 */
	record Endpoint(String method, String name, Supplier<String> path, Supplier<Object> body,
			Map<Caller, Integer> answers, boolean stream) {

		static Endpoint of(String method, String name, Supplier<String> path, Supplier<Object> body) {
			Map<Caller, Integer> answers = new EnumMap<>(Caller.class);
			for (Caller caller : Caller.values()) {
				answers.put(caller, 401);
			}
			return new Endpoint(method, name, path, body, answers, false);
		}

		/**
		 * A stream of Server-Sent Events: opened, its status read, and closed at once.
		 */
		Endpoint streamed() {
			return new Endpoint(this.method, this.name, this.path, this.body, this.answers, true);
		}

		/** Public: anyone without a token, and every valid token, gets the answer. */
		static Endpoint open(String method, String name, Supplier<String> path, Supplier<Object> body, int status) {
			return of(method, name, path, body).answers(Caller.NO_TOKEN, status)
				.answers(Caller.STAFF, status)
				.answers(Caller.OWN_CHAPTER, status)
				.answers(Caller.OTHER_CHAPTER, status);
		}

		Endpoint answers(Caller caller, int status) {
			this.answers.put(caller, status);
			return this;
		}

		Endpoint refusing(Caller... callers) {
			for (Caller caller : callers) {
				this.answers.put(caller, 403);
			}
			return this;
		}

		int expected(Caller caller) {
			return this.answers.get(caller);
		}

	}

}

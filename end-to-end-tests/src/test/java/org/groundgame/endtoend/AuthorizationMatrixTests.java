package org.groundgame.endtoend;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint of the platform × every kind of caller, through the gateway with every
 * service running and real tokens from the platform's token endpoint: the expected status
 * for each, and no chapter ever reads or changes another chapter's data. The school's
 * training staff run the Campaign Leadership School as national staff do, and are refused
 * everything else that needs a role (they decide no endorsement). A bad token is refused
 * ({@code 401}) even on a public endpoint, whatever role it claims: the forged ones here
 * all claim {@code STAFF}.
 */
@ExtendWith(RunningPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	enum Caller {

		NO_TOKEN, STAFF, TRAINING_STAFF, OWN_CHAPTER, OTHER_CHAPTER, EXPIRED, OTHER_KEY, ALG_NONE, WRONG_ISSUER,
		WRONG_AUDIENCE;

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

	/** A cohort of the school, opened by its training staff, its sessions ahead. */
	private String cohort;

	/** A published shift of the own chapter, for the public RSVP. */
	private String shift;

	/** A volunteer of the own chapter, for the endpoints of their own key. */
	private String volunteer;

	/** The endorsed candidate, for staff's work on profiles. */
	private String candidate;

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
		this.cohort = this.gateway.asTrainingStaff()
			.send("POST", "/api/training/cohorts", cohort())
			.json(201)
			.path("id")
			.asString();
		this.shift = this.gateway.asChapter(this.ownChapter)
			.send("POST", "/api/opportunities", opportunity())
			.json(201)
			.path("shifts")
			.get(0)
			.path("id")
			.asString();
		this.volunteer = this.gateway.asStaff()
			.send("POST", "/api/volunteers",
					Map.of("name", "Matrix Volunteer", "email", "matrix-" + unique() + "@example.org", "chapterId",
							this.ownChapter, "consent", Map.of("email", false, "sms", false)))
			.json(201)
			.path("id")
			.asString();
		this.candidate = this.gateway.anonymous()
			.get("/api/endorsements/" + this.endorsement)
			.json(200)
			.path("candidateId")
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
		this.as.put(Caller.TRAINING_STAFF, this.gateway.asTrainingStaff());
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
				Gateway.Answer answer = call(this.as.get(caller), endpoint);
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
		endorsementEndpoints(endpoints);
		trainingEndpoints(endpoints);
		volunteerEndpoints(endpoints);
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
		preferenceEndpoints(endpoints);
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
	 * endorsement-service's endpoints of the public site and of staff's work on
	 * candidates' profiles and the question bank: national staff's alone, not the
	 * school's training staff's nor a chapter's.
	 */
	private void endorsementEndpoints(List<Endpoint> endpoints) {
		Supplier<Object> none = () -> null;
		endpoints.add(Endpoint.open("GET", "endorsement facets", () -> "/api/endorsements/facets", none, 200));
		// Public, and only an approved profile's photo: none here.
		endpoints.add(Endpoint.open("GET", "candidate photo (none approved)",
				() -> "/api/candidates/" + this.candidate + "/photo", none, 404));
		// The candidate's own profile opens with their link's token only, never a bearer
		// token.
		endpoints.add(Endpoint.open("GET", "candidate's own profile (no link)", () -> "/api/questionnaire/profile",
				none, 401));
		endpoints
			.add(Endpoint.of("GET", "candidate profile", () -> "/api/candidates/" + this.candidate + "/profile", none)
				.answers(Caller.STAFF, 200)
				.refusing(Caller.OWN_CHAPTER, Caller.OTHER_CHAPTER));
		endpoints.add(Endpoint
			.of("POST", "candidate profile approval (unknown candidate)",
					() -> "/api/candidates/no-such-candidate/profile/approval", () -> Map.of("revision", 1))
			.answers(Caller.STAFF, 404)
			.refusing(Caller.OWN_CHAPTER, Caller.OTHER_CHAPTER));
		// The matrix's endorsement has no victory: staff are told so (409), nothing
		// changes.
		endpoints.add(Endpoint
			.of("POST", "victory announcement (no victory yet)",
					() -> "/api/endorsements/" + this.endorsement + "/announcement",
					() -> Map.of("headline", "Matrix victory", "message", "Thank you."))
			.answers(Caller.STAFF, 409)
			.refusing(Caller.OWN_CHAPTER, Caller.OTHER_CHAPTER));
		endpoints.add(Endpoint.of("GET", "question bank", () -> "/api/questionnaires/2030", none)
			.answers(Caller.STAFF, 200)
			.refusing(Caller.OWN_CHAPTER, Caller.OTHER_CHAPTER));
	}

	/**
	 * campaign-training-service: the public school, and the school's staff operations,
	 * which its training staff and national staff alike may do. The cohort's sessions are
	 * ahead: taking attendance and completing it are allowed and too early ({@code 409}).
	 * The unknown enrollment is looked up only for the school's staff.
	 */
	private void trainingEndpoints(List<Endpoint> endpoints) {
		Supplier<Object> none = () -> null;
		String cohort = "/api/training/cohorts/";
		endpoints.add(Endpoint.open("GET", "cohorts", () -> "/api/training/cohorts", none, 200));
		endpoints.add(Endpoint.open("GET", "cohort", () -> cohort + this.cohort, none, 200));
		endpoints.add(Endpoint.open("POST", "cohort alert", () -> "/api/training/cohort-alerts",
				() -> Map.of("email", "alert-" + unique() + "@example.org", "track", "ORGANIZER", "consent", true),
				202));
		endpoints.add(Endpoint.open("GET", "cohort alert (forged link)", () -> "/api/training/cohort-alerts", none, 404)
			.withHeader("X-Alert-Token", "forged-" + unique()));
		endpoints.add(Endpoint
			.open("DELETE", "cohort alert stop (forged link)", () -> "/api/training/cohort-alerts", none, 204)
			.withHeader("X-Alert-Token", "forged-" + unique()));
		endpoints.add(schoolStaffOnly("POST", "cohorts (open one)", () -> "/api/training/cohorts", this::cohort, 201));
		endpoints.add(schoolStaffOnly("PUT", "cohort capacity", () -> cohort + this.cohort + "/capacity",
				() -> Map.of("capacity", 5), 200));
		endpoints.add(schoolStaffOnly("PUT", "cohort attendance", () -> cohort + this.cohort + "/sessions/1/attendance",
				() -> Map.of("present", List.of()), 409));
		endpoints.add(schoolStaffOnly("POST", "cohort completion", () -> cohort + this.cohort + "/completion",
				() -> Map.of(), 409));
		endpoints.add(schoolStaffOnly("GET", "pipeline", () -> "/api/training/pipeline", none, 200));
		endpoints.add(schoolStaffOnly("GET", "enrollment (unknown)",
				() -> "/api/training/enrollments/no-such-enrollment", none, 404));
		endpoints.add(schoolStaffOnly("POST", "staff override (unknown enrollment)",
				() -> "/api/training/enrollments/no-such-enrollment/enroll", () -> Map.of("reason", "Matrix"), 404));
		// The leadership ladder: the school's staff and national staff see every
		// chapter's row (or one's), a chapter its own only; one person's path is the
		// school's staff's alone (an address nobody holds: an empty path).
		endpoints.add(Endpoint.of("GET", "ladder", () -> "/api/training/ladder", none)
			.answers(Caller.STAFF, 200)
			.answers(Caller.TRAINING_STAFF, 200)
			.answers(Caller.OWN_CHAPTER, 200)
			.answers(Caller.OTHER_CHAPTER, 200));
		endpoints.add(Endpoint
			.of("GET", "ladder (a chapter's row)", () -> "/api/training/ladder?chapterId=" + this.ownChapter, none)
			.answers(Caller.STAFF, 200)
			.answers(Caller.TRAINING_STAFF, 200)
			.answers(Caller.OWN_CHAPTER, 200)
			.refusing(Caller.OTHER_CHAPTER));
		endpoints.add(schoolStaffOnly("GET", "ladder (a person's path)",
				() -> "/api/training/ladder/people?email=nobody-" + unique() + "@example.org", none, 200));
		// A chapter sees its own trainees on the roster (none here), the school's staff
		// every one.
		endpoints.add(Endpoint.of("GET", "cohort roster", () -> cohort + this.cohort + "/enrollments", none)
			.answers(Caller.STAFF, 200)
			.answers(Caller.TRAINING_STAFF, 200)
			.answers(Caller.OWN_CHAPTER, 200)
			.answers(Caller.OTHER_CHAPTER, 200));
	}

	/**
	 * volunteer-service's endpoints of the public site: the RSVP in one step, a
	 * volunteer's own shifts with their key, and "it was not me" with the e-mailed link's
	 * token. A bearer token opens none of them further.
	 */
	private void volunteerEndpoints(List<Endpoint> endpoints) {
		Supplier<Object> none = () -> null;
		endpoints.add(Endpoint.open("POST", "shift RSVP", () -> "/api/shifts/" + this.shift + "/rsvps",
				() -> Map.of("name", "Matrix RSVP", "email", "rsvp-" + unique() + "@example.org", "phone",
						"(785) 555-0100", "consent", Map.of("email", true, "sms", false)),
				202));
		endpoints.add(Endpoint.open("GET", "my shifts (no key)", () -> "/api/volunteers/" + this.volunteer + "/shifts",
				none, 401));
		endpoints.add(Endpoint
			.open("GET", "my shifts (another key)", () -> "/api/volunteers/" + this.volunteer + "/shifts", none, 404)
			.withHeader("X-Manage-Token", "forged-" + unique()));
		endpoints.add(Endpoint
			.open("DELETE", "sign-up declined (forged link)", () -> "/api/volunteers/confirmations", none, 404)
			.withHeader("X-Confirmation-Token", "forged-" + unique()));
		endpoints.add(Endpoint.of("GET", "volunteers", () -> "/api/volunteers?chapterId=" + this.ownChapter, none)
			.answers(Caller.STAFF, 200)
			.answers(Caller.OWN_CHAPTER, 200)
			.refusing(Caller.OTHER_CHAPTER));
		// The effort behind a race: staff every chapter's, a chapter its own part (so
		// another chapter gets an answer, without this chapter's numbers).
		endpoints.add(Endpoint
			.of("GET", "effort behind an endorsement",
					() -> "/api/opportunities/effort?endorsementId=" + this.endorsement, none)
			.answers(Caller.STAFF, 200)
			.answers(Caller.OWN_CHAPTER, 200)
			.answers(Caller.OTHER_CHAPTER, 200));
		endpoints.add(Endpoint
			.of("GET", "effort behind each endorsement", () -> "/api/opportunities/effort/endorsements", none)
			.answers(Caller.STAFF, 200)
			.answers(Caller.OWN_CHAPTER, 200)
			.answers(Caller.OTHER_CHAPTER, 200));
	}

	/**
	 * notification-service's e-mail preferences and one-click unsubscribe: opened by the
	 * token of the person's link alone, whoever calls (a forged one opens nothing).
	 */
	private void preferenceEndpoints(List<Endpoint> endpoints) {
		String forged = "forged-" + unique();
		endpoints.add(Endpoint
			.open("GET", "e-mail preferences (forged link)", () -> "/api/notifications/preferences", () -> null, 404)
			.withHeader("X-Preferences-Token", forged));
		endpoints.add(
				Endpoint
					.open("PUT", "e-mail preferences (forged link)", () -> "/api/notifications/preferences",
							() -> Map.of("email", false), 404)
					.withHeader("X-Preferences-Token", forged));
		endpoints.add(Endpoint
			.open("POST", "one-click unsubscribe (forged link)", () -> "/api/notifications/unsubscribe?token=" + forged,
					() -> "List-Unsubscribe=One-Click", 404)
			.withHeader("Content-Type", "application/x-www-form-urlencoded"));
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

	/**
	 * For the school's staff, its training staff and national staff alike: a chapter is
	 * refused.
	 */
	private static Endpoint schoolStaffOnly(String method, String name, Supplier<String> path, Supplier<Object> body,
			int status) {
		return Endpoint.of(method, name, path, body)
			.answers(Caller.STAFF, status)
			.answers(Caller.TRAINING_STAFF, status)
			.refusing(Caller.OWN_CHAPTER, Caller.OTHER_CHAPTER);
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

	/** A cohort whose only session is a month ahead. */
	private Map<String, Object> cohort() {
		LocalDate session = LocalDate.now(ZoneOffset.UTC).plusMonths(1);
		return Map.of("name", "Matrix cohort " + unique(), "track", "ORGANIZER", "sessions",
				List.of(session.toString()), "format", "ONLINE", "capacity", 5, "applicationDeadline",
				session.toString(), "offerHours", 48);
	}

	/** An open opportunity of the own chapter with one shift, three days ahead. */
	private Map<String, Object> opportunity() {
		Instant startsAt = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		return Map.of("title", "Matrix phone bank " + unique(), "type", "PHONE_BANK", "state", Organizers.STATE,
				"chapterId", this.ownChapter, "location", "Topeka Labor Temple, 1 Demo Street", "shifts",
				List.of(Map.of("startsAt", startsAt.toString(), "endsAt", startsAt.plus(2, ChronoUnit.HOURS).toString(),
						"capacity", 5)));
	}

	/**
	 * Calls an endpoint as one caller: a stream is opened and closed at once; a body
	 * given as text is sent as it is, with the endpoint's headers.
	 */
	private static Gateway.Answer call(Gateway as, Endpoint endpoint) {
		if (endpoint.stream()) {
			return as.openStream(endpoint.path().get());
		}
		Object body = endpoint.body().get();
		if (endpoint.headers().isEmpty() && !(body instanceof String)) {
			return as.send(endpoint.method(), endpoint.path().get(), body);
		}
		List<String> headers = new ArrayList<>();
		endpoint.headers().forEach((name, value) -> {
			headers.add(name);
			headers.add(value);
		});
		HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
		if (body instanceof String text) {
			publisher = HttpRequest.BodyPublishers.ofString(text);
		}
		else if (body != null) {
			publisher = HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(body));
			headers.add("Content-Type");
			headers.add("application/json");
		}
		return as.sendRaw(endpoint.method(), endpoint.path().get(), publisher, headers.toArray(String[]::new));
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
	 * every forged one are {@code 401}) and the school's training staff, whose role opens
	 * nothing outside the school, are refused ({@code 403}).
	 *
	 * @param headers request headers of the endpoint's own (a capability token), sent by
	 * every caller
	 */
	record Endpoint(String method, String name, Supplier<String> path, Supplier<Object> body,
			Map<Caller, Integer> answers, boolean stream, Map<String, String> headers) {

		static Endpoint of(String method, String name, Supplier<String> path, Supplier<Object> body) {
			Map<Caller, Integer> answers = new EnumMap<>(Caller.class);
			for (Caller caller : Caller.values()) {
				answers.put(caller, 401);
			}
			answers.put(Caller.TRAINING_STAFF, 403);
			return new Endpoint(method, name, path, body, answers, false, new LinkedHashMap<>());
		}

		/**
		 * A stream of Server-Sent Events: opened, its status read, and closed at once.
		 */
		Endpoint streamed() {
			return new Endpoint(this.method, this.name, this.path, this.body, this.answers, true, this.headers);
		}

		/** Public: anyone without a token, and every valid token, gets the answer. */
		static Endpoint open(String method, String name, Supplier<String> path, Supplier<Object> body, int status) {
			return of(method, name, path, body).answers(Caller.NO_TOKEN, status)
				.answers(Caller.STAFF, status)
				.answers(Caller.TRAINING_STAFF, status)
				.answers(Caller.OWN_CHAPTER, status)
				.answers(Caller.OTHER_CHAPTER, status);
		}

		Endpoint withHeader(String name, String value) {
			this.headers.put(name, value);
			return this;
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

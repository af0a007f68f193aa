package org.groundgame.endtoend;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.groundgame.events.Topics;
import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Campaign Leadership School through the gateway only: national staff open a one-day
 * cohort with two seats; three people apply (each answer says nothing but that it was
 * received) and the third waits in line; each finds their application by the link
 * e-mailed to them; one withdraws with it and the seat is offered at once to the first in
 * line, whose private link (from the {@code SeatOffered} event, as the offer e-mail
 * carries it) opens the trainee's page and accepts the seat; staff take attendance and
 * complete the cohort: one graduates, the other does not complete. The cohort's chapter
 * is in a state no other test uses.
 */
@ExtendWith(RunningPlatform.class)
class TrainingJourneyTests {

	private static final String STATE = "MN";

	private static final String SEAT_OFFERED = "org.groundgame.training.SeatOffered.v1";

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	/** The private link to an application, as its e-mails carry it. */
	private static final Pattern APPLICATION_LINK = Pattern
		.compile("https?://[^/\\s]+/training/enrollments/[A-Za-z0-9-]+#token=[A-Za-z0-9_-]+");

	private static final JsonMapper json = JsonMapper.shared();

	private final LocalPlatform platform;

	private final Gateway gateway;

	private final Organizers organizers;

	private final CaughtMail mail;

	TrainingJourneyTests(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
		this.organizers = new Organizers(gateway);
		this.mail = new CaughtMail(platform.mailbox());
	}

	@Test
	void aFreedSeatGoesToTheFirstInLineWhoAcceptsWithTheOffersLinkAndGraduates() {
		Cohort cohort = cohortWithAWaitlist();

		assertThatTheOfferTravelledSealed(cohort);
		String link = offerLinkFromTheEMail(cohort);
		Offer offer = Offer.of(link, this.gateway.uri(), cohort.waiting().id());
		openThePage(offer);
		JsonNode accepted = manage(offer.enrollmentId(), "accept-offer", offer.token()).json(200);
		assertThat(accepted.path("status").asString()).isEqualTo("ENROLLED");
		// The offer is answered: the link cannot accept it twice.
		assertThat(manage(offer.enrollmentId(), "accept-offer", offer.token()).status()).isEqualTo(409);

		graduate(cohort, cohort.waiting());
	}

	@Test
	void aWrongManageTokenIsA404AsIfThereWereNoSuchEnrollment() {
		Cohort cohort = openCohort(1);
		Trainee trainee = apply(cohort);

		Gateway.Answer wrong = this.gateway.anonymous()
			.sendRaw("GET", "/api/training/enrollments/" + trainee.id(), HttpRequest.BodyPublishers.noBody(),
					"X-Manage-Token", "not-" + trainee.manageToken());
		Gateway.Answer withdrawal = manage(trainee.id(), "withdraw", "not-" + trainee.manageToken());

		for (Gateway.Answer answer : List.of(wrong, withdrawal)) {
			assertThat(answer.status()).as(answer.request()).isEqualTo(404);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.body()).doesNotContain(trainee.email());
		}
		// Nothing changed: the trainee still holds the seat, and their own token reads
		// it.
		JsonNode enrollment = this.gateway.anonymous()
			.sendRaw("GET", "/api/training/enrollments/" + trainee.id(), HttpRequest.BodyPublishers.noBody(),
					"X-Manage-Token", trainee.manageToken())
			.json(200);
		assertThat(enrollment.path("status").asString()).isEqualTo("ENROLLED");
	}

	/**
	 * The attack, as a stranger who knows someone's address would try it: apply again
	 * with it (another name, no plans to run), hoping to learn whether they applied, to
	 * get their enrollment or token, or to change it. The answer is the one any
	 * application gets; nothing of the application changed; only the owner's mailbox
	 * hears of it, with a new link, and the old one stops working.
	 */
	@Test
	void applyingAgainWithSomeonesAddressTellsNothingChangesNothingAndOnlyTheOwnerHearsOfIt() {
		Cohort cohort = openCohort(1);
		Trainee owner = apply(cohort);
		String firstLink = linksMailedTo(owner.email(), 1).get(0);

		Gateway.Answer repeat = applyAs(cohort, "Someone Else", " " + owner.email().toUpperCase(Locale.ROOT));
		Gateway.Answer fresh = applyAs(cohort, "A Newcomer", "newcomer-" + unique() + "@example.org");

		assertThat(assertReceived(repeat, cohort)).isEqualTo(assertReceived(fresh, cohort));
		assertThat(repeat.header("Location")).isEmpty();
		assertThat(repeat.body()).doesNotContain(owner.id()).doesNotContain(owner.manageToken());

		List<String> links = linksMailedTo(owner.email(), 2);
		String newLink = links.get(links.size() - 1);
		assertThat(enrollmentIdOf(newLink)).isEqualTo(owner.id());
		assertThat(this.mail.to(owner.email()).stream().map((listed) -> listed.path("subject").asString()))
			.anyMatch((subject) -> subject.startsWith("Your application to Campaign Leadership School"));
		JsonNode byNewLink = this.gateway.anonymous()
			.sendRaw("GET", "/api/training/enrollments/" + owner.id(), HttpRequest.BodyPublishers.noBody(),
					"X-Manage-Token", tokenOf(newLink))
			.json(200);
		assertThat(byNewLink.path("name").asString()).isEqualTo(owner.name());
		assertThat(byNewLink.path("plansToRun").asBoolean()).isTrue();
		assertThat(byNewLink.path("status").asString()).isEqualTo("ENROLLED");
		assertThat(this.gateway.anonymous()
			.sendRaw("GET", "/api/training/enrollments/" + owner.id(), HttpRequest.BodyPublishers.noBody(),
					"X-Manage-Token", tokenOf(firstLink))
			.status()).isEqualTo(404);
		// Without a token, a real enrollment's id and a made-up one answer alike.
		assertThat(this.gateway.anonymous().get("/api/training/enrollments/" + owner.id()).status()).isEqualTo(401);
		assertThat(this.gateway.anonymous().get("/api/training/enrollments/" + UUID.randomUUID()).status())
			.isEqualTo(401);
	}

	@Test
	void theCandidatePipelineIsStaffsToRead() {
		Gateway.Answer anonymous = this.gateway.anonymous().get("/api/training/pipeline");

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.header("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
	}

	/**
	 * Needs notification-service's e-mails to trainees (issue 7, merged by the lead): the
	 * offer e-mail carries the same private link, and its token accepts the seat.
	 */
	@Test
	void theOfferEMailLinksToTheTraineesPageWithATokenThatAcceptsTheSeat() {
		Cohort cohort = cohortWithAWaitlist();
		String id = cohort.waiting().id();
		String link = offerLinkFromTheEMail(cohort);

		Offer offer = Offer.of(link, this.gateway.uri(), id);
		openThePage(offer);
		JsonNode accepted = manage(id, "accept-offer", offer.token()).json(200);
		assertThat(accepted.path("status").asString()).isEqualTo("ENROLLED");
	}

	/**
	 * Needs the candidate pipeline (issue 7, merged by the lead): a graduate who is
	 * nominated (with the address they applied with), endorsed and elected counts as
	 * trained, ran, endorsed and won in their cohort's row.
	 */
	@Test
	void aGraduateWhoRunsIsEndorsedAndWinsCountsInTheirCohortsPipeline() {
		Cohort cohort = cohortWithAWaitlist();
		Trainee graduate = cohort.waiting();
		manage(graduate.id(), "accept-offer", graduate.manageToken()).json(200);
		graduate(cohort, graduate);

		String nominationId = this.organizers.nominate(cohort.chapterId(), STATE, "Minnesota House of Representatives",
				graduate.name(), graduate.email());
		String endorsementId = this.organizers.endorse(nominationId);
		this.organizers.recordOutcome(endorsementId, "WON");

		await().atMost(EVENTUALLY).untilAsserted(() -> {
			JsonNode pipeline = this.gateway.asStaff().get("/api/training/pipeline").json(200);
			assertThat(pipeline.path("cohorts")
				.valueStream()
				.filter((row) -> row.path("cohortId").asString().equals(cohort.id()))
				.toList()).singleElement().satisfies((row) -> {
					assertThat(row.path("trained").asInt()).isEqualTo(1);
					assertThat(row.path("ran").asInt()).isEqualTo(1);
					assertThat(row.path("endorsed").asInt()).isEqualTo(1);
					assertThat(row.path("won").asInt()).isEqualTo(1);
				});
			assertThat(pipeline.path("won").asInt()).isPositive();
		});
	}

	/**
	 * Staff open a cohort whose only session is today (so that it can be completed at
	 * once), with two seats; three people apply: two get a seat, the third waits first in
	 * line; the first withdraws with their manage token and the seat is offered to the
	 * one waiting.
	 */
	private Cohort cohortWithAWaitlist() {
		Cohort cohort = openCohort(2);
		Trainee first = apply(cohort);
		Trainee second = apply(cohort);
		Trainee third = apply(cohort);
		assertThat(List.of(first, second, third)).extracting(Trainee::status)
			.containsExactly("ENROLLED", "ENROLLED", "WAITLISTED");
		assertThat(third.application().path("waitlistPosition").asInt()).isEqualTo(1);
		assertThat(List.of(first, second, third)).extracting(Trainee::id).doesNotHaveDuplicates();
		JsonNode listed = this.gateway.anonymous()
			.get("/api/training/cohorts?size=100")
			.json(200)
			.path("content")
			.valueStream()
			.filter((candidate) -> candidate.path("id").asString().equals(cohort.id()))
			.findFirst()
			.orElseThrow();
		assertThat(listed.path("seatsLeft").asInt()).isZero();
		assertThat(listed.path("waitlistLength").asInt()).isEqualTo(1);

		JsonNode withdrawn = manage(first.id(), "withdraw", first.manageToken()).json(200);
		assertThat(withdrawn.path("status").asString()).isEqualTo("WITHDRAWN");
		JsonNode offered = this.gateway.anonymous()
			.sendRaw("GET", "/api/training/enrollments/" + third.id(), HttpRequest.BodyPublishers.noBody(),
					"X-Manage-Token", third.manageToken())
			.json(200);
		assertThat(offered.path("status").asString()).isEqualTo("OFFERED");
		assertThat(Instant.parse(offered.path("offerExpiresAt").asString())).isAfter(Instant.now());
		return new Cohort(cohort.id(), cohort.chapterId(), first, second, third);
	}

	/**
	 * The private link of the seat offered to the one who waited, from their offer
	 * e-mail.
	 */
	private String offerLinkFromTheEMail(Cohort cohort) {
		Pattern linkInTheMail = Pattern.compile(Pattern.quote("http://localhost:" + this.gateway.uri().getPort()
				+ "/training/enrollments/" + cohort.waiting().id() + "#token=") + "[A-Za-z0-9_-]+");
		return await().atMost(EVENTUALLY)
			.until(() -> this.mail.to(cohort.waiting().email())
				.stream()
				.map((listed) -> this.mail.message(listed))
				.map((message) -> linkInTheMail.matcher(message.path("text").asString()))
				.filter(Matcher::find)
				.map(Matcher::group)
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	/**
	 * The {@code SeatOffered} event on the training topic carries the link for the offer
	 * e-mail, sealed with the trainee's own key: nobody reading the topic can use it.
	 */
	private void assertThatTheOfferTravelledSealed(Cohort cohort) {
		try (EventTopic topic = new EventTopic(this.platform.kafkaBootstrapServers(), Topics.TRAINING)) {
			ConsumerRecord<String, String> offered = await().atMost(EVENTUALLY)
				.until(() -> topic.recordsWithKey(cohort.id())
					.stream()
					.filter((record) -> SEAT_OFFERED.equals(EventTopic.header(record, "ce_type")))
					.toList(), (found) -> !found.isEmpty())
				.get(0);
			JsonNode data = json.readTree(offered.value());
			assertThat(data.path("enrollmentId").asString()).isEqualTo(cohort.waiting().id());
			assertThat(data.path("acceptUrl").asString())
				.startsWith("{pd:" + Topics.keysOf(Topics.TRAINING) + ":" + cohort.waiting().id() + "}");
			assertThat(offered.value()).doesNotContain("#token=").doesNotContain(cohort.waiting().email());
		}
	}

	/**
	 * The page the link opens (the web module's), through the gateway and without a
	 * token: it asks for the link's key, which its script takes from the fragment, and
	 * loads nothing but the site's own files.
	 */
	private void openThePage(Offer offer) {
		Gateway.Answer page = this.gateway.anonymous()
			.sendRaw("GET", offer.page().getPath(), HttpRequest.BodyPublishers.noBody(), "Accept", "text/html");
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("<script src=\"/js/site.js\"")
			.contains("action=\"" + offer.page().getPath() + "/key\"")
			.contains("data-private-link");
		assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).startsWith("default-src 'self';").contains("script-src 'self'"));
		Gateway.Answer script = this.gateway.anonymous()
			.sendRaw("GET", "/js/site.js", HttpRequest.BodyPublishers.noBody(), "Accept", "*/*");
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.body()).contains("#token=");
	}

	/**
	 * Staff take attendance at the cohort's only session, where only the graduate came,
	 * and complete it: the graduate completes it, the other one enrolled does not.
	 */
	private void graduate(Cohort cohort, Trainee graduate) {
		Gateway staff = this.gateway.asStaff();
		JsonNode attendance = staff
			.send("PUT", "/api/training/cohorts/" + cohort.id() + "/sessions/1/attendance",
					Map.of("present", List.of(graduate.id())))
			.json(200);
		assertThat(attendance.path("absent").valueStream().map(JsonNode::asString))
			.containsExactly(cohort.second().id());
		JsonNode completion = staff
			.post("/api/training/cohorts/" + cohort.id() + "/completion", Map.of("graduates", List.of(graduate.id())))
			.json(200);
		assertThat(completion.path("completed").valueStream().map(JsonNode::asString)).containsExactly(graduate.id());
		assertThat(completion.path("didNotComplete").valueStream().map(JsonNode::asString))
			.containsExactly(cohort.second().id());
		Map<String, String> statuses = new HashMap<>();
		staff.get("/api/training/cohorts/" + cohort.id() + "/enrollments")
			.json(200)
			.forEach((enrollment) -> statuses.put(enrollment.path("id").asString(),
					enrollment.path("status").asString()));
		assertThat(statuses).containsOnly(Map.entry(cohort.first().id(), "WITHDRAWN"),
				Map.entry(cohort.second().id(), "DID_NOT_COMPLETE"), Map.entry(graduate.id(), "COMPLETED"));
	}

	/**
	 * Staff open a one-day cohort held today, taking applications until today.
	 * @param capacity its seats
	 * @return the cohort, with a chapter of {@link #STATE} for its applicants
	 */
	private Cohort openCohort(int capacity) {
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Campaign Leadership School — Candidate track " + unique());
		body.put("track", "CANDIDATE");
		body.put("sessions", List.of(today));
		body.put("format", "ONLINE");
		body.put("capacity", capacity);
		body.put("applicationDeadline", today);
		body.put("offerHours", 48);
		body.put("reflectionQuestions", List.of("Why do you want to run for office?"));
		JsonNode opened = this.gateway.asStaff().post("/api/training/cohorts", body).json(201);
		assertThat(opened.path("seatsLeft").asInt()).isEqualTo(capacity);
		return new Cohort(opened.path("id").asString(), this.organizers.registerChapter(STATE, "Minneapolis"), null,
				null, null);
	}

	/**
	 * Someone fictional applies to the cohort, as anyone may (no token), naming its
	 * chapter, and opens the link e-mailed to them, as its owner would.
	 * @return the new enrollment as the link shows it, with the link's token
	 */
	private Trainee apply(Cohort cohort) {
		String suffix = unique();
		String name = "Trainee " + suffix;
		String email = "trainee-" + suffix + "@example.org";
		assertReceived(applyAs(cohort, name, email), cohort);
		String link = linksMailedTo(email, 1).get(0);
		String token = tokenOf(link);
		String id = enrollmentIdOf(link);
		JsonNode enrollment = this.gateway.anonymous()
			.sendRaw("GET", "/api/training/enrollments/" + id, HttpRequest.BodyPublishers.noBody(), "X-Manage-Token",
					token)
			.json(200);
		assertThat(enrollment.path("email").asString()).isEqualTo(email);
		return new Trainee(id, name, email, token, enrollment);
	}

	/**
	 * An application, as anyone may make it. The school checks the chapter against its
	 * projection of volunteer-service's chapters, which hears of the one registered for
	 * the cohort a moment later: until then the answer is a 400 naming {@code chapterId},
	 * after which the application is taken.
	 */
	private Gateway.Answer applyAs(Cohort cohort, String name, String email) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("email", email);
		body.put("state", STATE);
		body.put("chapterId", cohort.chapterId());
		body.put("plansToRun", true);
		body.put("office", "State Representative");
		body.put("answers", List.of("A fictional applicant of an end-to-end test."));
		return await().atMost(EVENTUALLY)
			.until(() -> this.gateway.anonymous().post("/api/training/cohorts/" + cohort.id() + "/applications", body),
					(answer) -> answer.status() != 400 || !answer.body().contains("chapterId"));
	}

	/** The answer to an application: 202, with nothing but the cohort's id. */
	private static JsonNode assertReceived(Gateway.Answer answer, Cohort cohort) {
		JsonNode received = answer.json(202);
		assertThat(received.propertyNames()).containsExactly("cohortId");
		assertThat(received.path("cohortId").asString()).isEqualTo(cohort.id());
		return received;
	}

	/**
	 * The private links to an application that the mailbox caught for an address, once
	 * there are that many, oldest first.
	 */
	private List<String> linksMailedTo(String email, int atLeast) {
		return await().atMost(EVENTUALLY).until(() -> {
			List<JsonNode> listed = this.mail.to(email);
			List<String> links = new ArrayList<>();
			for (int i = listed.size() - 1; i >= 0; i--) {
				Matcher link = APPLICATION_LINK.matcher(this.mail.message(listed.get(i)).path("text").asString());
				if (link.find()) {
					links.add(link.group());
				}
			}
			return links;
		}, (links) -> links.size() >= atLeast);
	}

	private static String tokenOf(String link) {
		return link.substring(link.indexOf("#token=") + "#token=".length());
	}

	private static String enrollmentIdOf(String link) {
		return link.substring(link.indexOf("/training/enrollments/") + "/training/enrollments/".length(),
				link.indexOf('#'));
	}

	/** What a trainee does with their token: withdraw, accept-offer or decline-offer. */
	private Gateway.Answer manage(String enrollmentId, String action, String token) {
		return this.gateway.anonymous()
			.sendRaw("POST", "/api/training/enrollments/" + enrollmentId + "/" + action,
					HttpRequest.BodyPublishers.noBody(), "X-Manage-Token", token);
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * A cohort of the journey.
	 *
	 * @param first the first to apply, who withdraws
	 * @param second the second, who keeps their seat but misses the session
	 * @param waiting the third, first in line, offered the freed seat
	 */
	private record Cohort(String id, String chapterId, Trainee first, Trainee second, Trainee waiting) {
	}

	/**
	 * Someone who applied.
	 *
	 * @param application the answer to the application
	 */
	private record Trainee(String id, String name, String email, String manageToken, JsonNode application) {

		String status() {
			return this.application.path("status").asString();
		}

	}

	/**
	 * A seat offer's private link, {@code <gateway>/training/enrollments/<id>#token=…}.
	 *
	 * @param page the page's address, without the fragment
	 * @param enrollmentId the enrollment it is for
	 * @param token the token in its fragment, which works as a manage token
	 */
	record Offer(URI page, String enrollmentId, String token) {

		static Offer of(String link, URI gateway, String enrollmentId) {
			String prefix = "http://localhost:" + gateway.getPort() + "/training/enrollments/" + enrollmentId
					+ "#token=";
			assertThat(link).as("the offer's link").startsWith(prefix);
			String token = link.substring(prefix.length());
			assertThat(token).isNotBlank().doesNotContain("&", "#", " ");
			return new Offer(gateway.resolve("/training/enrollments/" + enrollmentId), enrollmentId, token);
		}

	}

}

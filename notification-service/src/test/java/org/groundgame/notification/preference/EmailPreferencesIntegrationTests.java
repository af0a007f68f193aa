package org.groundgame.notification.preference;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.Topics;
import org.groundgame.events.training.CohortSummary;
import org.groundgame.events.training.TraineeEnrolled;
import org.groundgame.events.volunteer.ShiftSignupConfirmed;
import org.groundgame.events.volunteer.ShiftSummary;
import org.groundgame.events.volunteer.ShiftWaitlisted;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerLinkIssued;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerSignedUp.Consent;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.MailTestConfiguration;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.preference.domain.EmailAddresses;
import org.groundgame.notification.preference.domain.EmailTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;

/**
 * People's e-mail preferences over the real broker, store and SMTP server: every e-mail
 * to a person carries a one-click unsubscribe (RFC 8058) and a link to their preferences;
 * a mail client's POST to the header's address, and nothing else, leaves that e-mail's
 * topic at once, and from then on no e-mail of it reaches the person while other topics
 * and transactional messages still do; the preferences page's API reads and changes the
 * choices with the link's token; forged and altered tokens open nothing and change
 * nothing; erasure takes the preferences away.
 * <p>
 * The one-click address is taken from the header of the message the SMTP server received
 * and sent to this service with its path and query as they are: only its origin (the
 * gateway's, {@code groundgame.notification.preferences.public-url}) is this test's
 * server, as the gateway routes {@code /api/notifications/**} here. What "is not sent" is
 * asserted once a later message on the same partition (another volunteer's on the same
 * shift, another trainee's of the same cohort) has arrived: the earlier event was handled
 * by then.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class EmailPreferencesIntegrationTests {

	private static final String VOLUNTEERS = "/groundgame/volunteer-service";

	private static final String TRAINING = "/groundgame/campaign-training-service";

	private static final Pattern PAGE_TOKEN = Pattern
		.compile("http://localhost:8080/email-preferences#token=([A-Za-z0-9_-]{43})");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final CloudEventProducer events = new CloudEventProducer();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String origin;

	private final MongoTemplate mongo;

	private final EmailPreferenceService preferences;

	@Autowired
	EmailPreferencesIntegrationTests(@LocalServerPort int port, MongoTemplate mongo,
			EmailPreferenceService preferences) {
		this.origin = "http://127.0.0.1:" + port;
		this.mongo = mongo;
		this.preferences = preferences;
	}

	@AfterAll
	void close() {
		this.events.close();
	}

	@Test
	void oneClickFromTheHeaderLeavesThatTopicAndOtherTopicsStillArriveEvenAfterSigningUpAgain(CapturedOutput output)
			throws Exception {
		String address = newAddress();
		String volunteer = signUp(address);
		MimeMessage welcome = awaitMail(address, "Welcome to the team");
		assertThat(listUnsubscribe(welcome)).isNotNull();
		String shiftId = "shift-" + UUID.randomUUID();
		ShiftSummary shift = shift();
		publishVolunteer(
				new ShiftSignupConfirmed(id(), NotificationFixture.now(), shiftId, "signup-1", volunteer, shift));
		MimeMessage seat = awaitMail(address, "You're signed up");

		String oneClick = listUnsubscribe(seat);
		assertThat(seat.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		assertThat(oneClick).startsWith("http://localhost:8080/api/notifications/unsubscribe?token=")
			.doesNotContain(volunteer)
			.doesNotContain(address)
			.doesNotContain(EmailAddresses.keyOf(address));
		assertThat(textOf(seat)).contains("This e-mail is about your volunteer shifts.")
			.containsPattern(PAGE_TOKEN)
			.doesNotContain("reply to this message and say so");
		assertThat(oneClickPost(oneClick).statusCode()).isEqualTo(204);
		// Again, as a mail client retrying would: the same answer, nothing else changes.
		assertThat(oneClickPost(oneClick).statusCode()).isEqualTo(204);

		// Another seat on the same shift (SHIFTS): held back. A trainee's seat told later
		// (TRAINING) and the volunteer's private link (transactional): sent.
		publishVolunteer(
				new ShiftWaitlisted(id(), NotificationFixture.now(), shiftId, "signup-2", volunteer, 3, shift));
		String sentinel = sentinelOnShift(shiftId, shift);
		String cohortId = "cohort-" + UUID.randomUUID();
		publishTraining(new TraineeEnrolled(id(), NotificationFixture.now(), cohortId,
				"enrollment-" + UUID.randomUUID(), null, "Ada Example", address, cohort(cohortId)));
		publishVolunteer(new VolunteerLinkIssued(id(), NotificationFixture.now(), volunteer, "Ada Example", address,
				"http://localhost:8080/volunteers/" + volunteer + "#token=secret-manage-token", null));
		awaitMail(address, "You have a seat in");
		awaitMail(address, "Your volunteer link");
		awaitMail(sentinel, "You're on the waitlist");
		assertThat(subjectsTo(address)).noneMatch((subject) -> subject.startsWith("You're on the waitlist"));
		assertThat(this.mongo.count(Query.query(Criteria.where("personId").is(volunteer)), "deliveries"))
			.as("the welcome and the first seat only")
			.isEqualTo(2);

		// Signing up again with the same address (a new volunteer id): the choice holds.
		String again = signUp(address);
		publishVolunteer(new ShiftSignupConfirmed(id(), NotificationFixture.now(), shiftId, "signup-3", again, shift));
		String secondSentinel = sentinelOnShift(shiftId, shift);
		awaitMail(secondSentinel, "You're on the waitlist");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(
					subjectsTo(address).stream().filter((subject) -> subject.startsWith("Welcome to the team")).count())
				.isEqualTo(2));
		assertThat(subjectsTo(address).stream().filter((subject) -> subject.startsWith("You're signed up")).count())
			.isOne();
		// The service's own log (the test's SMTP server logs the mailboxes it creates).
		String serviceLog = output.getAll()
			.lines()
			.filter((line) -> !line.contains("c.icegreen.greenmail"))
			.collect(java.util.stream.Collectors.joining("\n"));
		assertThat(serviceLog).doesNotContain(address)
			.doesNotContain(tokenOf(oneClick))
			.doesNotContain(pageToken(seat));
	}

	@Test
	void forgedAndAlteredTokensOpenNothingAndChangeNothing() throws Exception {
		String address = newAddress();
		String volunteer = signUp(address);
		MimeMessage welcome = awaitMail(address, "Welcome to the team");
		String oneClick = listUnsubscribe(welcome);
		String pageToken = pageToken(welcome);
		String token = tokenOf(oneClick);
		String[] parts = token.split("\\.");
		assertThat(parts).hasSize(3);
		assertThat(parts[1]).isEqualTo("NEWS");
		char last = parts[2].charAt(parts[2].length() - 1);
		String otherId = UUID.randomUUID().toString().replace("-", "");

		List<String> forgeries = List.of(
				parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 1)
						+ ((last == 'A') ? 'B' : 'A'),
				parts[0] + ".SHIFTS." + parts[2], parts[0] + ".ALL." + parts[2],
				otherId + "." + parts[1] + "." + parts[2], parts[0] + "." + parts[1], volunteer, address,
				EmailAddresses.keyOf(address), pageToken, "");
		for (String forged : forgeries) {
			HttpResponse<String> answer = oneClickPost(this.origin + EmailPreferenceService.ONE_CLICK_PATH + "?token="
					+ java.net.URLEncoder.encode(forged, java.nio.charset.StandardCharsets.UTF_8));
			assertThat(answer.statusCode()).as(forged).isEqualTo(404);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(answer.body()).doesNotContain(volunteer).doesNotContain(address).doesNotContain(parts[0]);
		}
		// The right token without RFC 8058's body, or fetched rather than posted:
		// nothing.
		HttpResponse<String> withoutBody = send(HttpRequest.newBuilder(URI.create(rebased(oneClick)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("List-Unsubscribe=Yes")));
		assertThat(withoutBody.statusCode()).isEqualTo(400);
		assertThat(json.readTree(withoutBody.body()).get("errors").get(0).get("field").asString())
			.isEqualTo("List-Unsubscribe");
		// Only a POST is open: a link checker's GET is a request without a token.
		assertThat(send(HttpRequest.newBuilder(URI.create(rebased(oneClick))).GET()).statusCode()).isEqualTo(401);
		for (String forged : List.of(pageToken.substring(1) + "A", parts[2], volunteer, address, token)) {
			assertThat(getPreferences(forged).statusCode()).as(forged).isEqualTo(404);
			assertThat(putPreferences(forged, "{\"email\":false}").statusCode()).as(forged).isEqualTo(404);
		}
		assertThat(send(HttpRequest.newBuilder(URI.create(this.origin + "/api/notifications/preferences")).GET())
			.statusCode()).isEqualTo(404);

		JsonNode unchanged = json.readTree(getPreferences(pageToken).body());
		assertThat(unchanged.get("email").asBoolean()).isTrue();
		assertThat(unchanged.get("topics").valueStream().map((topic) -> topic.get("subscribed").asBoolean()))
			.containsOnly(true);
	}

	@Test
	void thePreferencesPageReadsAndChangesTheChoicesAndTransactionalMailStillArrives() throws Exception {
		String address = newAddress();
		String volunteer = signUp(address);
		String pageToken = pageToken(awaitMail(address, "Welcome to the team"));

		HttpResponse<String> read = getPreferences(pageToken);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(json.readTree(read.body())).isEqualTo(json.readTree("""
				{"email":true,"topics":[
				 {"topic":"SHIFTS","label":"email-preferences.topic.shifts","subscribed":true},
				 {"topic":"NEWS","label":"email-preferences.topic.news","subscribed":true},
				 {"topic":"TRAINING","label":"email-preferences.topic.training","subscribed":true}]}"""));

		HttpResponse<String> invalid = putPreferences(pageToken,
				"{\"email\":false,\"topics\":[{\"topic\":\"TRANSACTIONAL\",\"subscribed\":false},{\"topic\":\"SHIFTS\"}]}");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(
				json.readTree(invalid.body()).get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("topics[0].topic", "topics[1].subscribed");
		assertThat(json.readTree(getPreferences(pageToken).body()).get("email").asBoolean()).isTrue();

		// The answer sent back changed, as a page would.
		HttpResponse<String> changed = putPreferences(pageToken, read.body()
			.replace("\"topic\":\"TRAINING\",\"label\":\"email-preferences.topic.training\",\"subscribed\":true",
					"\"topic\":\"TRAINING\",\"label\":\"email-preferences.topic.training\",\"subscribed\":false"));
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(subscribed(json.readTree(changed.body())))
			.isEqualTo(Map.of("SHIFTS", true, "NEWS", true, "TRAINING", false));
		HttpResponse<String> off = putPreferences(pageToken, "{\"email\":false}");
		assertThat(off.statusCode()).isEqualTo(200);
		JsonNode now = json.readTree(off.body());
		assertThat(now.get("email").asBoolean()).isFalse();
		assertThat(subscribed(now)).containsEntry("TRAINING", false).containsEntry("SHIFTS", true);

		// E-mail off: a seat (SHIFTS) and a trainee's news (TRAINING) are held back, the
		// volunteer's private link (transactional) and a trainee's answer to their
		// application with its manage link (transactional) are not.
		String shiftId = "shift-" + UUID.randomUUID();
		publishVolunteer(
				new ShiftSignupConfirmed(id(), NotificationFixture.now(), shiftId, "signup-1", volunteer, shift()));
		String shiftSentinel = sentinelOnShift(shiftId, shift());
		String cohortId = "cohort-" + UUID.randomUUID();
		publishTraining(new TraineeEnrolled(id(), NotificationFixture.now(), cohortId,
				"enrollment-" + UUID.randomUUID(), null, "Ada Example", address, cohort(cohortId)));
		publishTraining(new TraineeEnrolled(id(), NotificationFixture.now(), cohortId,
				"enrollment-" + UUID.randomUUID(), null, "Ada Example", address, cohort(cohortId),
				"http://localhost:8080/training/enrollments/e-1#token=secret-manage-token"));
		String trainingSentinel = newAddress();
		publishTraining(new TraineeEnrolled(id(), NotificationFixture.now(), cohortId,
				"enrollment-" + UUID.randomUUID(), null, "Sam Sentinel", trainingSentinel, cohort(cohortId)));
		publishVolunteer(new VolunteerLinkIssued(id(), NotificationFixture.now(), volunteer, "Ada Example", address,
				"http://localhost:8080/volunteers/" + volunteer + "#token=secret-manage-token", null));

		MimeMessage link = awaitMail(address, "Your volunteer link");
		awaitMail(shiftSentinel, "You're on the waitlist");
		awaitMail(trainingSentinel, "You have a seat in");
		List<MimeMessage> seats = mailsTo(address).stream()
			.filter((message) -> subjectOf(message).startsWith("You have a seat in"))
			.toList();
		assertThat(seats).hasSize(1);
		assertThat(textOf(seats.get(0))).contains("secret-manage-token");
		assertThat(subjectsTo(address)).noneMatch((subject) -> subject.startsWith("You're signed up"));
		assertThat(textOf(link)).contains("This e-mail answers something you asked for");
		// A transactional message's one-click stops e-mail altogether (already off here).
		assertThat(tokenOf(listUnsubscribe(link))).contains(".ALL.");
	}

	@Test
	void concurrentOneClicksOfDifferentTopicsAllHoldAndConcurrentFirstMailsMakeOnePreferences() throws Exception {
		String address = newAddress();
		String volunteer = signUp(address);
		MimeMessage welcome = awaitMail(address, "Welcome to the team");
		String shiftId = "shift-" + UUID.randomUUID();
		publishVolunteer(
				new ShiftSignupConfirmed(id(), NotificationFixture.now(), shiftId, "signup-1", volunteer, shift()));
		String cohortId = "cohort-" + UUID.randomUUID();
		publishTraining(new TraineeEnrolled(id(), NotificationFixture.now(), cohortId,
				"enrollment-" + UUID.randomUUID(), null, "Ada Example", address, cohort(cohortId)));
		List<String> oneClicks = List.of(listUnsubscribe(welcome),
				listUnsubscribe(awaitMail(address, "You're signed up")),
				listUnsubscribe(awaitMail(address, "You have a seat in")));
		String pageToken = pageToken(welcome);

		// Each topic's one-click posted four times at once, beside a page turning NEWS
		// off too.
		List<Callable<Integer>> clicks = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			for (String oneClick : oneClicks) {
				clicks.add(() -> oneClickPost(oneClick).statusCode());
			}
			clicks.add(() -> putPreferences(pageToken, "{\"topics\":[{\"topic\":\"NEWS\",\"subscribed\":false}]}")
				.statusCode());
		}
		assertThat(all(clicks)).hasSize(16).containsOnly(204, 200);
		assertThat(subscribed(json.readTree(getPreferences(pageToken).body())))
			.isEqualTo(Map.of("SHIFTS", false, "NEWS", false, "TRAINING", false));

		// Sixteen first e-mails to a new address at once: one preferences, one token.
		String fresh = newAddress();
		List<Callable<String>> firsts = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			String record = "enrollment-" + i;
			firsts.add(
					() -> this.preferences.forMessage(fresh, Set.of(record), EmailTopic.TRAINING).orElseThrow().page());
		}
		assertThat(new HashSet<>(all(firsts))).hasSize(1);
		Query byAddress = Query.query(Criteria.where("addressKey").is(EmailAddresses.keyOf(fresh)));
		assertThat(this.mongo.count(byAddress, PreferenceDocument.class)).isOne();
		assertThat(this.mongo.findOne(byAddress, PreferenceDocument.class).records()).hasSize(16);
	}

	@Test
	void erasureTakesThePreferencesAwayUnlessAnotherRecordOfTheAddressKeepsThem() throws Exception {
		String address = newAddress();
		String volunteer = signUp(address);
		MimeMessage welcome = awaitMail(address, "Welcome to the team");
		String pageToken = pageToken(welcome);
		String oneClick = listUnsubscribe(welcome);
		Query byAddress = Query.query(Criteria.where("addressKey").is(EmailAddresses.keyOf(address)));
		assertThat(this.mongo.exists(byAddress, PreferenceDocument.class)).isTrue();

		publishVolunteer(new VolunteerErased(id(), NotificationFixture.now(), volunteer));

		await().atMost(PATIENCE).until(() -> !this.mongo.exists(byAddress, PreferenceDocument.class));
		assertThat(getPreferences(pageToken).statusCode()).isEqualTo(404);
		assertThat(oneClickPost(oneClick).statusCode()).isEqualTo(404);

		// The same address as a volunteer and a trainee: the volunteer's erasure leaves
		// the trainee's choices.
		String shared = newAddress();
		String sharedVolunteer = signUp(shared);
		String sharedToken = pageToken(awaitMail(shared, "Welcome to the team"));
		String cohortId = "cohort-" + UUID.randomUUID();
		publishTraining(new TraineeEnrolled(id(), NotificationFixture.now(), cohortId,
				"enrollment-" + UUID.randomUUID(), null, "Ada Example", shared, cohort(cohortId)));
		awaitMail(shared, "You have a seat in");
		assertThat(putPreferences(sharedToken, "{\"topics\":[{\"topic\":\"TRAINING\",\"subscribed\":false}]}")
			.statusCode()).isEqualTo(200);
		Query bySharedAddress = Query.query(Criteria.where("addressKey").is(EmailAddresses.keyOf(shared)));

		publishVolunteer(new VolunteerErased(id(), NotificationFixture.now(), sharedVolunteer));

		await().atMost(PATIENCE)
			.until(() -> !this.mongo.findOne(bySharedAddress, PreferenceDocument.class)
				.records()
				.contains(sharedVolunteer));
		assertThat(subscribed(json.readTree(getPreferences(sharedToken).body()))).containsEntry("TRAINING", false);
	}

	private String signUp(String address) {
		String volunteerId = "volunteer-" + UUID.randomUUID();
		publishVolunteer(new VolunteerSignedUp(id(), NotificationFixture.now(), volunteerId, null, "Ada Example",
				address, "KY", new Consent(true, false), true));
		await().atMost(PATIENCE)
			.until(() -> this.mongo.exists(Query.query(Criteria.where("_id").is(volunteerId)), "people"));
		return volunteerId;
	}

	/**
	 * Another consenting volunteer waitlisted on the same shift (the same partition),
	 * whose message arrives once every earlier event of the shift was handled.
	 */
	private String sentinelOnShift(String shiftId, ShiftSummary shift) {
		String address = newAddress();
		String volunteer = signUp(address);
		publishVolunteer(new ShiftWaitlisted(id(), NotificationFixture.now(), shiftId, "signup-" + UUID.randomUUID(),
				volunteer, 1, shift));
		return address;
	}

	private HttpResponse<String> oneClickPost(String url) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(rebased(url)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("List-Unsubscribe=One-Click")));
	}

	private HttpResponse<String> getPreferences(String token) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(this.origin + "/api/notifications/preferences"))
			.header("X-Preferences-Token", token)
			.GET());
	}

	private HttpResponse<String> putPreferences(String token, String body) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(this.origin + "/api/notifications/preferences"))
			.header("X-Preferences-Token", token)
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	/** The address with the gateway's origin replaced by this test's server's. */
	private String rebased(String url) {
		URI uri = URI.create(url);
		return this.origin + uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	private static Map<String, Boolean> subscribed(JsonNode preferences) {
		Map<String, Boolean> topics = new java.util.LinkedHashMap<>();
		preferences.get("topics")
			.valueStream()
			.forEach((topic) -> topics.put(topic.get("topic").asString(), topic.get("subscribed").asBoolean()));
		return topics;
	}

	private static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}

	private static String listUnsubscribe(MimeMessage message) throws MessagingException {
		String[] header = message.getHeader("List-Unsubscribe");
		assertThat(header).as("List-Unsubscribe").hasSize(1);
		assertThat(header[0]).startsWith("<").endsWith(">");
		return header[0].substring(1, header[0].length() - 1);
	}

	private static String tokenOf(String oneClick) {
		String query = URI.create(oneClick).getQuery();
		assertThat(query).startsWith("token=");
		return query.substring("token=".length());
	}

	private static String pageToken(MimeMessage message) {
		Matcher matcher = PAGE_TOKEN.matcher(textOf(message));
		assertThat(matcher.find()).as("a link to the preferences page").isTrue();
		return matcher.group(1);
	}

	private static MimeMessage awaitMail(String address, String subjectPrefix) {
		return await().atMost(PATIENCE)
			.until(() -> mailsTo(address).stream()
				.filter((message) -> subjectOf(message).startsWith(subjectPrefix))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private static List<MimeMessage> mailsTo(String address) {
		return MailTestConfiguration.receivedBy(address);
	}

	private static List<String> subjectsTo(String address) {
		return mailsTo(address).stream().map(EmailPreferencesIntegrationTests::subjectOf).toList();
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String textOf(MimeMessage message) {
		try {
			return ((String) ((Multipart) message.getContent()).getBodyPart(0).getContent()).replace("\r\n", "\n");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ShiftSummary shift() {
		return new ShiftSummary("opportunity-1", "Canvass for Jane Example", "CANVASS", "KY", null, null,
				Instant.parse("2026-12-05T15:00:00Z"), Instant.parse("2026-12-05T18:00:00Z"), "1 Main St, Louisville",
				null);
	}

	private static CohortSummary cohort(String cohortId) {
		return new CohortSummary(cohortId, "Kentucky Candidate Cohort", "CANDIDATE", LocalDate.of(2027, 1, 9),
				"IN_PERSON", "1 Main St, Frankfort");
	}

	private void publishVolunteer(DomainEvent event) {
		this.events.publish(CloudEventProducer.VOLUNTEER_TOPIC, EventCatalog.typeOf(event.getClass()), VOLUNTEERS,
				event);
	}

	private void publishTraining(DomainEvent event) {
		this.events.publish(Topics.TRAINING, EventCatalog.typeOf(event.getClass()), TRAINING, event);
	}

	private static String newAddress() {
		return "person-" + UUID.randomUUID() + "@preferences.example";
	}

	private static String id() {
		return UUID.randomUUID().toString();
	}

}

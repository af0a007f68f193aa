package org.groundgame.notification.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.bson.Document;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.Topics;
import org.groundgame.events.endorsement.CandidateErased;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.events.training.CohortSummary;
import org.groundgame.events.training.TraineeEnrolled;
import org.groundgame.events.training.TraineeErased;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerSignedUp.Consent;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.MailTestConfiguration;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.WebhookReceiver.Received;
import org.groundgame.notification.WebhookReceiver;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.notification.rule.Notice;
import org.groundgame.notification.rule.NotificationRule;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;

/**
 * Erasure reaches the chapters' webhook receivers: a receiver that was sent a person's
 * data (a volunteer's, a candidate's, a trainee's) gets one signed
 * {@code PersonalDataErased} notice naming what to delete and nothing personal, a
 * receiver never sent that person's data gets none, and afterwards no collection of the
 * service holds the person's name or address (a daily digest that named them included).
 * Real broker, store, SMTP server and HTTP receivers on 127.0.0.1. New Mexico belongs to
 * this class.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class WebhookErasureNoticeIntegrationTests {

	private static final String STATE = "NM";

	private static final String NOTICE = "org.groundgame.notification.PersonalDataErased.v1";

	private static final RaceSummary RACE = new RaceSummary("State Senator", "STATE", STATE, "7", null,
			LocalDate.of(2026, 11, 3));

	private final NotificationFixture fixture;

	private final CloudEventProducer events = new CloudEventProducer();

	private final WebhookReceiver receiver = new WebhookReceiver();

	private final MongoTemplate mongo;

	private final DeliveryPlanner planner;

	private final Digests digests;

	private final Clock clock;

	@Autowired
	WebhookErasureNoticeIntegrationTests(@LocalServerPort int port, Chapters chapters, MongoTemplate mongo,
			DeliveryPlanner planner, Digests digests, Clock clock) {
		this.fixture = new NotificationFixture(port, chapters, this.events);
		this.mongo = mongo;
		this.planner = planner;
		this.digests = digests;
		this.clock = clock;
	}

	@AfterAll
	void close() {
		this.receiver.close();
		this.events.close();
	}

	@Test
	void aReceiverSentAVolunteersDataGetsOneSignedNoticeOfTheirErasureAndAnotherChaptersReceiverNone() {
		String told = this.fixture.registerChapter(STATE);
		String untold = this.fixture.registerChapter(STATE);
		String toldSecret = subscribeWebhook(told, "VOLUNTEERS");
		String untoldSecret = subscribeWebhook(untold, "VOLUNTEERS");
		Person ada = Person.named("Ada");
		Person other = Person.named("Otto");
		VolunteerSignedUp adaSignedUp = signedUp(ada, told);
		VolunteerSignedUp otherSignedUp = signedUp(other, untold);

		publishVolunteer(adaSignedUp);
		publishVolunteer(otherSignedUp);
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(dataAt(told)).extracting(Received::body)
				.anySatisfy((body) -> assertThat(body).contains(ada.email));
			assertThat(dataAt(untold)).extracting(Received::body)
				.anySatisfy((body) -> assertThat(body).contains(other.email));
			assertThat(MailTestConfiguration.receivedBy(ada.email)).hasSize(1);
		});
		// Before the erasure the service holds Ada's data: the search below can find it.
		assertThat(collectionsHolding(ada.name)).contains("deliveries", "inbox_entries", "people");

		VolunteerErased erased = new VolunteerErased(UUID.randomUUID().toString(), NotificationFixture.now(), ada.id);
		publishVolunteer(erased);
		// Kafka redelivers, and the volunteer is erased again later: still one notice.
		publishVolunteer(erased);
		VolunteerErased again = new VolunteerErased(UUID.randomUUID().toString(), NotificationFixture.now(), ada.id);
		publishVolunteer(again);
		awaitErasureApplied(again.eventId());

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(noticesAt(told)).hasSize(1));
		Received notice = noticesAt(told).get(0);
		assertThat(signaturesVerify(notice, toldSecret)).isTrue();
		assertThat(JsonPath.<String>read(notice.body(), "$.source")).isEqualTo("/groundgame/notification-service");
		assertThat(JsonPath.<String>read(notice.body(), "$.subject")).isEqualTo(ada.id);
		assertThat(JsonPath.<String>read(notice.body(), "$.data.kind")).isEqualTo("VOLUNTEER");
		assertThat(JsonPath.<String>read(notice.body(), "$.data.personId")).isEqualTo(ada.id);
		assertThat(JsonPath.<List<String>>read(notice.body(), "$.data.subjectIds")).containsExactly(ada.id);
		assertThat(JsonPath.<String>read(notice.body(), "$.data.erasure.id")).isEqualTo(erased.eventId());
		assertThat(JsonPath.<String>read(notice.body(), "$.data.erasure.type"))
			.isEqualTo("org.groundgame.volunteer.VolunteerErased.v1");
		assertThat(JsonPath.<List<String>>read(notice.body(), "$.data.events[*].id"))
			.containsExactly(adaSignedUp.eventId());
		assertThat(notice.body()).doesNotContain(ada.name).doesNotContain(ada.email);

		// The other chapter's receiver was never sent Ada's data: it hears nothing.
		assertThat(noticesAt(untold)).isEmpty();
		assertThat(noticeDeliveriesOf(List.of(erased.eventId(), again.eventId()))).extracting("recipientId")
			.containsExactly(told);
		assertThat(signaturesVerify(notice, untoldSecret)).isFalse();

		assertThat(collectionsHolding(ada.name)).isEmpty();
		assertThat(collectionsHolding(ada.email)).isEmpty();
		// Otto was not erased.
		assertThat(collectionsHolding(other.email)).contains("deliveries", "people");
	}

	@Test
	void aForgedOrUnsignedNoticeDoesNotVerifyWithTheReceiversSecret() throws Exception {
		String receiving = this.fixture.registerChapter(STATE);
		String forging = this.fixture.registerChapter(STATE);
		String receivingSecret = subscribeWebhook(receiving, "VOLUNTEERS");
		String forgingSecret = subscribeWebhook(forging, "VOLUNTEERS");
		Person bea = Person.named("Bea");
		publishVolunteer(signedUp(bea, receiving));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(dataAt(receiving)).hasSize(1));
		publishVolunteer(new VolunteerErased(UUID.randomUUID().toString(), NotificationFixture.now(), bea.id));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(noticesAt(receiving)).hasSize(1));
		Received genuine = noticesAt(receiving).get(0);
		String forgedBody = genuine.body().replace(bea.id, "volunteer-" + UUID.randomUUID());

		// The genuine notice verifies with the receiver's own secret.
		new Webhook(receivingSecret).verify(genuine.body(), genuine.headers());
		// Another chapter, which holds a secret of its own, cannot sign a notice that the
		// receiver takes for ours.
		Received signedByAnotherChapter = new Received(genuine.path(), headers(genuine,
				sign(forgingSecret, genuine.header("webhook-id"), genuine.header("webhook-timestamp"), forgedBody)),
				forgedBody);
		assertThatExceptionOfType(WebhookVerificationException.class).isThrownBy(() -> new Webhook(receivingSecret)
			.verify(signedByAnotherChapter.body(), signedByAnotherChapter.headers()));
		// Our notice's body changed, its signature kept: refused.
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> new Webhook(receivingSecret).verify(forgedBody, genuine.headers()));
		// No signature at all: refused.
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> new Webhook(receivingSecret).verify(genuine.body(), headers(genuine, null)));
	}

	@Test
	void aDailyDigestThatNamedAnErasedVolunteerGoesWithThem() {
		String chapterId = this.fixture.registerChapter(STATE);
		String digestAddress = "digest-" + chapterId + "@erasure.example";
		this.fixture.subscribe(chapterId, """
				{"topics":["VOLUNTEERS"],"states":[],"email":"%s","digestTopics":["VOLUNTEERS"],"inbox":true}"""
			.formatted(digestAddress));
		Person dora = Person.named("Dora");

		publishVolunteer(signedUp(dora, chapterId));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.mongo.count(
					Query.query(Criteria.where("chapterId").is(chapterId).and("personalDataSubject").is(dora.id)),
					DigestItemDocument.class))
				.isEqualTo(1));
		assertThat(this.digests.send(this.clock.instant().plusSeconds(1))).isPositive();
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(MailTestConfiguration.receivedBy(digestAddress)).hasSize(1));
		assertThat(MailParts.textOf(MailTestConfiguration.receivedBy(digestAddress).get(0))).contains(dora.name);
		assertThat(collectionsHolding(dora.name)).contains("deliveries", "digest_items");

		VolunteerErased erased = new VolunteerErased(UUID.randomUUID().toString(), NotificationFixture.now(), dora.id);
		publishVolunteer(erased);
		awaitErasureApplied(erased.eventId());

		assertThat(collectionsHolding(dora.name)).isEmpty();
		assertThat(collectionsHolding(dora.email)).isEmpty();
	}

	/**
	 * While an endpoint's breaker is open nothing is sent to it: a volunteer's sign-up
	 * that never left does not make its receiver one to tell, and once the volunteer is
	 * erased the sign-up is not sent either.
	 */
	@Test
	void aReceiverWhoseBreakerKeptTheDataFromItIsToldNothing() {
		String chapterId = this.fixture.registerChapter(STATE);
		subscribeWebhook(chapterId, "VOLUNTEERS");
		this.receiver.answer(pathOf(chapterId), WebhookReceiver.Answer.status(500));
		// Test events fail until the endpoint's breaker opens. (The poller may take a
		// test
		// event before the request does: then its answer has no attempt yet.)
		await().atMost(PATIENCE)
			.until(() -> JsonPath
				.<List<String>>read(
						this.fixture
							.call(HttpMethod.POST, "/api/notifications/subscriptions/" + chapterId + "/webhook/test",
									TestTokens.chapter(chapterId), null)
							.getResponseBody(),
						"$.attempts[*].outcome")
				.contains("CIRCUIT_OPEN"));
		Person cleo = Person.named("Cleo");
		VolunteerSignedUp signedUp = signedUp(cleo, chapterId);

		publishVolunteer(signedUp);
		// Every attempt the schedule allows is made while the breaker is open.
		await().atMost(PATIENCE).untilAsserted(() -> {
			DeliveryDocument delivery = this.mongo.findOne(
					Query.query(Criteria.where("eventId").is(signedUp.eventId()).and("channel").is("WEBHOOK")),
					DeliveryDocument.class);
			assertThat(delivery).isNotNull();
			assertThat(delivery.status()).isEqualTo("FAILED");
			assertThat(delivery.attempts()).isNotEmpty()
				.allSatisfy((attempt) -> assertThat(attempt.outcome()).isEqualTo("CIRCUIT_OPEN"));
		});
		assertThat(
				this.mongo.count(Query.query(Criteria.where("subjectId").is(cleo.id)), PersonalDataSentDocument.class))
			.isZero();
		VolunteerErased erased = new VolunteerErased(UUID.randomUUID().toString(), NotificationFixture.now(), cleo.id);
		publishVolunteer(erased);
		awaitErasureApplied(erased.eventId());

		assertThat(noticeDeliveriesOf(List.of(erased.eventId()))).isEmpty();
		assertThat(this.receiver.receivedAt(pathOf(chapterId))).extracting(Received::body)
			.noneSatisfy((body) -> assertThat(body).contains(cleo.email));
		assertThat(collectionsHolding(cleo.email)).isEmpty();
	}

	@Test
	void aCandidatesReceiversAreToldOfEveryNominationThatNamedThemAndALateEventReachesNoOne() {
		String told = this.fixture.registerChapter(STATE);
		String outcomesOnly = this.fixture.registerChapter(STATE);
		String toldSecret = subscribeWebhook(told, "ENDORSEMENTS");
		subscribeWebhook(outcomesOnly, "OUTCOMES");
		String candidateName = "Carla Candidate-" + UUID.randomUUID().toString().substring(0, 8);
		String candidateId = "candidate-" + UUID.randomUUID();
		String endorsementId = "endorsement-" + UUID.randomUUID();
		EndorsementGranted first = granted(endorsementId, "nomination-" + UUID.randomUUID(), candidateName,
				candidateId);
		EndorsementGranted second = granted(endorsementId, "nomination-" + UUID.randomUUID(), candidateName,
				candidateId);

		this.events.endorsementGranted(first);
		this.events.endorsementGranted(second);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(dataAt(told)).hasSize(2));
		assertThat(collectionsHolding(candidateName)).contains("deliveries", "inbox_entries");

		CandidateErased erased = new CandidateErased(UUID.randomUUID().toString(), NotificationFixture.now(),
				candidateId, List.of(first.nominationId(), second.nominationId()));
		publishEndorsement(erased);
		awaitErasureApplied(erased.eventId());

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(noticesAt(told)).hasSize(1));
		Received notice = noticesAt(told).get(0);
		assertThat(signaturesVerify(notice, toldSecret)).isTrue();
		assertThat(JsonPath.<String>read(notice.body(), "$.data.kind")).isEqualTo("CANDIDATE");
		assertThat(JsonPath.<String>read(notice.body(), "$.data.personId")).isEqualTo(candidateId);
		assertThat(JsonPath.<List<String>>read(notice.body(), "$.data.subjectIds"))
			.containsExactlyInAnyOrder(first.nominationId(), second.nominationId());
		assertThat(JsonPath.<List<String>>read(notice.body(), "$.data.events[*].id"))
			.containsExactlyInAnyOrder(first.eventId(), second.eventId());
		assertThat(notice.body()).doesNotContain(candidateName);
		assertThat(noticeDeliveriesOf(List.of(erased.eventId()))).extracting("recipientId").containsExactly(told);
		assertThat(this.receiver.receivedAt(pathOf(outcomesOnly))).isEmpty();
		assertThat(collectionsHolding(candidateName)).isEmpty();

		// An event about the first nomination that happened before the erasure but comes
		// late (its own partition, a redelivery) reaches no one; the next endorsement on
		// the same partition does.
		EndorsementGranted late = new EndorsementGranted(UUID.randomUUID().toString(),
				erased.occurredAt().minusSeconds(1), endorsementId, first.nominationId(), candidateName, RACE, null,
				false, candidateId);
		EndorsementGranted next = granted(endorsementId, "nomination-" + UUID.randomUUID(), "Nora Next", null);
		this.events.endorsementGranted(late);
		this.events.endorsementGranted(next);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(dataAt(told)).extracting(Received::body)
				.anySatisfy((body) -> assertThat(body).contains(next.eventId())));
		assertThat(dataAt(told)).extracting(Received::body)
			.noneSatisfy((body) -> assertThat(body).contains(late.eventId()));
		assertThat(collectionsHolding(candidateName)).isEmpty();
	}

	/**
	 * No rule sends a trainee's data to chapters today (a trainee hears of their seat
	 * alone, by e-mail); this plans, through the real planner and pipeline, what a rule
	 * that did would send, so that the day one does, its receivers are told too. The
	 * trainee's own e-mail is erased with the rest.
	 */
	@Test
	void aReceiverSentATraineesDataIsToldOfTheirErasureAndTheirOwnEmailIsForgotten() {
		String told = this.fixture.registerChapter(STATE);
		String otherTraining = this.fixture.registerChapter(STATE);
		String toldSecret = subscribeWebhook(told, "TRAINING");
		subscribeWebhook(otherTraining, "TRAINING");
		Person tina = Person.named("Tina");
		String cohortId = "cohort-" + UUID.randomUUID();
		String enrollmentId = "enrollment-" + UUID.randomUUID();
		TraineeEnrolled enrolled = new TraineeEnrolled(UUID.randomUUID().toString(), NotificationFixture.now(),
				cohortId, enrollmentId, told, tina.name, tina.email, new CohortSummary(cohortId,
						"New Mexico Candidate Cohort", "CANDIDATE", LocalDate.of(2027, 2, 6), "ONLINE", null));

		publishTraining(enrolled);
		this.planner.plan(new TellsTheTraineesChapter(), enrolled);
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(dataAt(told)).extracting(Received::body)
				.anySatisfy((body) -> assertThat(body).contains(tina.email));
			assertThat(MailTestConfiguration.receivedBy(tina.email)).hasSize(1);
		});
		assertThat(collectionsHolding(tina.email)).contains("deliveries");

		TraineeErased erased = new TraineeErased(UUID.randomUUID().toString(), NotificationFixture.now(), cohortId,
				enrollmentId);
		publishTraining(erased);
		awaitErasureApplied(erased.eventId());

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(noticesAt(told)).hasSize(1));
		Received notice = noticesAt(told).get(0);
		assertThat(signaturesVerify(notice, toldSecret)).isTrue();
		assertThat(JsonPath.<String>read(notice.body(), "$.data.kind")).isEqualTo("TRAINEE");
		assertThat(JsonPath.<List<String>>read(notice.body(), "$.data.subjectIds")).containsExactly(enrollmentId);
		assertThat(JsonPath.<List<String>>read(notice.body(), "$.data.events[*].id"))
			.containsExactly(enrolled.eventId());
		assertThat(notice.body()).doesNotContain(tina.name).doesNotContain(tina.email);
		assertThat(noticeDeliveriesOf(List.of(erased.eventId()))).extracting("recipientId").containsExactly(told);
		assertThat(this.receiver.receivedAt(pathOf(otherTraining))).isEmpty();
		assertThat(this.mongo.count(Query.query(Criteria.where("personalDataSubject").is(enrollmentId)),
				DeliveryDocument.class))
			.isZero();
		assertThat(collectionsHolding(tina.name)).isEmpty();
		assertThat(collectionsHolding(tina.email)).isEmpty();
	}

	/** A rule no one has yet: a trainee's enrollment told to the chapter they named. */
	private static final class TellsTheTraineesChapter implements NotificationRule<TraineeEnrolled> {

		@Override
		public Class<TraineeEnrolled> eventType() {
			return TraineeEnrolled.class;
		}

		@Override
		public Topic subscriptionTopic() {
			return Topic.TRAINING;
		}

		@Override
		public Set<String> audience(TraineeEnrolled event, ChapterDirectory chapters) {
			return Set.of(event.chapterId());
		}

		@Override
		public Notice template(TraineeEnrolled event) {
			return new Notice("A member of your chapter enrolled", "They have a seat.");
		}

	}

	/**
	 * A person with a name and an address found nowhere else. (No event this service
	 * reads carries a phone number: there is none to look for.)
	 */
	private record Person(String id, String name, String email) {

		static Person named(String first) {
			String unique = UUID.randomUUID().toString().substring(0, 8);
			return new Person("person-" + UUID.randomUUID(), first + " Erasable-" + unique,
					first.toLowerCase(java.util.Locale.ROOT) + "-" + unique + "@erasure.example");
		}

	}

	private String subscribeWebhook(String chapterId, String topic) {
		String response = this.fixture.subscribe(chapterId, """
				{"topics":["%s"],"states":[],"webhook":{"url":"%s"},"inbox":true}""".formatted(topic,
				this.receiver.url(pathOf(chapterId))));
		return JsonPath.read(response, "$.webhook.secret");
	}

	private static String pathOf(String chapterId) {
		return "/erasure/" + chapterId;
	}

	private List<Received> noticesAt(String chapterId) {
		return this.receiver.receivedAt(pathOf(chapterId))
			.stream()
			.filter((request) -> NOTICE.equals(JsonPath.read(request.body(), "$.type")))
			.toList();
	}

	private List<Received> dataAt(String chapterId) {
		return this.receiver.receivedAt(pathOf(chapterId))
			.stream()
			.filter((request) -> !NOTICE.equals(JsonPath.read(request.body(), "$.type")))
			.toList();
	}

	private List<DeliveryDocument> noticeDeliveriesOf(Collection<String> erasureEventIds) {
		return this.mongo.find(Query.query(Criteria.where("eventType").is(NOTICE).and("eventId").in(erasureEventIds)),
				DeliveryDocument.class);
	}

	/** Every collection of the service with a document that holds the text anywhere. */
	private Set<String> collectionsHolding(String text) {
		Set<String> holding = new TreeSet<>();
		for (String collection : this.mongo.getCollectionNames()) {
			for (Document document : this.mongo.getCollection(collection).find()) {
				if (document.toJson().contains(text)) {
					holding.add(collection);
					break;
				}
			}
		}
		return holding;
	}

	/** The people consumer has applied the erasure event, and so sent what it sends. */
	private void awaitErasureApplied(String eventId) {
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.mongo.exists(Query
				.query(Criteria.where("consumer").is("people").and("eventId").is(eventId).and("completed").is(true)),
					"processed_events"))
				.isTrue());
	}

	private static boolean signaturesVerify(Received request, String secret) {
		try {
			new Webhook(secret).verify(request.body(), request.headers());
			return true;
		}
		catch (WebhookVerificationException ex) {
			return false;
		}
		catch (com.standardwebhooks.exceptions.EmptyWebhookSecretException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A signature as anyone holding a secret can make one: {@code v1,} + HMAC-SHA256. */
	private static String sign(String secret, String id, String timestamp, String body) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(
					java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			return "v1," + java.util.Base64.getEncoder()
				.encodeToString(mac
					.doFinal((id + "." + timestamp + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static java.util.Map<String, List<String>> headers(Received genuine, String signature) {
		java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.put("webhook-id", List.of(genuine.header("webhook-id")));
		headers.put("webhook-timestamp", List.of(genuine.header("webhook-timestamp")));
		if (signature != null) {
			headers.put("webhook-signature", List.of(signature));
		}
		return headers;
	}

	private static VolunteerSignedUp signedUp(Person person, String chapterId) {
		return new VolunteerSignedUp(UUID.randomUUID().toString(), NotificationFixture.now(), person.id, chapterId,
				person.name, person.email, STATE, new Consent(true, false), true);
	}

	private static EndorsementGranted granted(String endorsementId, String nominationId, String candidateName,
			String candidateId) {
		return new EndorsementGranted(UUID.randomUUID().toString(), NotificationFixture.now(), endorsementId,
				nominationId, candidateName, RACE, null, false, candidateId);
	}

	private void publishVolunteer(DomainEvent event) {
		publish(Topics.VOLUNTEER, "/groundgame/volunteer-service", event);
	}

	private void publishEndorsement(DomainEvent event) {
		publish(Topics.ENDORSEMENT, "/groundgame/endorsement-service", event);
	}

	private void publishTraining(DomainEvent event) {
		publish(Topics.TRAINING, "/groundgame/campaign-training-service", event);
	}

	private void publish(String topic, String source, DomainEvent event) {
		this.events.publish(topic, EventCatalog.typeOf(event.getClass()), source, event);
	}

}

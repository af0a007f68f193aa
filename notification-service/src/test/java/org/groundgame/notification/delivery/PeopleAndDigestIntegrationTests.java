package org.groundgame.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerSignedUp.Consent;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.MailTestConfiguration;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.notification.email.EmailTemplates;
import org.groundgame.notification.subscription.domain.ChapterSubscriptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;
import static org.groundgame.notification.NotificationFixture.granted;
import static org.groundgame.notification.delivery.MailParts.subjectOf;

/**
 * E-mail that depends on what people and chapters chose: a volunteer is welcomed only if
 * they consented, and forgotten when erased; a chapter that chose a daily digest gets one
 * e-mail a day instead of one per event, even when two instances of the service send the
 * day's digests at the same moment. Real broker, store and SMTP server. Idaho belongs to
 * this class.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class PeopleAndDigestIntegrationTests {

	private static final String STATE = "ID";

	private static final String VOLUNTEER_TOPIC = CloudEventProducer.VOLUNTEER_TOPIC;

	private final NotificationFixture fixture;

	private final CloudEventProducer events = new CloudEventProducer();

	private final MongoTemplate mongo;

	private final Digests digests;

	private final Clock clock;

	private final ApplicationContext context;

	@Autowired
	PeopleAndDigestIntegrationTests(@LocalServerPort int port, Chapters chapters, MongoTemplate mongo, Digests digests,
			Clock clock, ApplicationContext context) {
		this.fixture = new NotificationFixture(port, chapters, this.events);
		this.mongo = mongo;
		this.digests = digests;
		this.clock = clock;
		this.context = context;
	}

	@AfterAll
	void close() {
		this.events.close();
	}

	@Test
	void aVolunteerIsWelcomedOnlyIfTheyConsentedAndForgottenWhenErased() {
		String chapterId = this.fixture.registerChapter(STATE);
		String consenting = "volunteer-" + UUID.randomUUID();
		String silent = "volunteer-" + UUID.randomUUID();
		String consentingAddress = consenting + "@people.example";
		String silentAddress = silent + "@people.example";

		publish(signedUp(silent, chapterId, silentAddress, new Consent(false, true)));
		publish(signedUp(consenting, chapterId, consentingAddress, new Consent(true, false)));

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(MailTestConfiguration.receivedBy(consentingAddress)).hasSize(1));
		assertThat(subjectOf(MailTestConfiguration.receivedBy(consentingAddress).get(0)))
			.startsWith("Welcome to the team, ");
		// The silent volunteer's sign-up came first, on the same partition as no other:
		// their chapter heard of both, so both were handled.
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveriesAbout(silent)).isPositive());
		assertThat(MailTestConfiguration.receivedBy(silentAddress)).isEmpty();
		assertThat(deliveriesTo(consenting)).isEqualTo(1);

		publish(new VolunteerErased(UUID.randomUUID().toString(), NotificationFixture.now(), consenting));

		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(deliveriesTo(consenting)).isZero();
			assertThat(deliveriesAbout(consenting)).isZero();
		});
		assertThat(deliveriesAbout(silent)).isPositive();
	}

	@Test
	void aChapterThatChoseADigestGetsOneEmailForTheDay() {
		String chapterId = this.fixture.registerChapter(STATE);
		String digestAddress = "digest@" + chapterId + ".example";
		this.fixture.subscribe(chapterId, """
				{"topics":["ENDORSEMENTS"],"email":"%s","digestTopics":["ENDORSEMENTS"],"inbox":true}"""
			.formatted(digestAddress));
		String dropping = this.fixture.registerChapter(STATE);
		this.fixture.subscribe(dropping,
				"""
						{"topics":["ENDORSEMENTS"],"email":"dropping@%s.example","digestTopics":["ENDORSEMENTS"],"inbox":true}"""
					.formatted(dropping));
		String instant = this.fixture.registerChapter(STATE);
		String instantAddress = NotificationFixture.contactEmailOf(instant);
		this.fixture.subscribe(instant, """
				{"topics":["ENDORSEMENTS"],"email":"%s","inbox":true}""".formatted(instantAddress));
		var first = granted(STATE, "endorsement-" + UUID.randomUUID());
		var second = granted(STATE, first.endorsementId());

		this.events.endorsementGranted(first);
		this.events.endorsementGranted(second);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(MailTestConfiguration.receivedBy(instantAddress)).hasSize(2));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(
					this.mongo.count(Query.query(Criteria.where("chapterId").is(chapterId).and("digestId").is(null)),
							DigestItemDocument.class))
				.isEqualTo(2));
		assertThat(MailTestConfiguration.receivedBy(digestAddress)).isEmpty();
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(waitingFor(dropping)).isEqualTo(2));
		this.fixture.subscribe(dropping, """
				{"topics":["ENDORSEMENTS"],"digestTopics":["ENDORSEMENTS"],"inbox":true}""");

		assertThat(this.digests.send(this.clock.instant().plus(Duration.ofSeconds(1)))).isPositive();
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(MailTestConfiguration.receivedBy(digestAddress)).hasSize(1));
		String digest = textOf(MailTestConfiguration.receivedBy(digestAddress).get(0));
		assertThat(digest).contains("Jane Example").contains(first.race().office());
		assertThat(this.mongo.count(Query.query(Criteria.where("chapterId").is(chapterId).and("digestId").is(null)),
				DigestItemDocument.class))
			.isZero();

		// The chapter that dropped e-mail gets no digest, and nothing kept for it waits
		// on.
		assertThat(waitingFor(dropping)).isZero();
		assertThat(MailTestConfiguration.receivedBy("dropping@" + dropping + ".example")).isEmpty();

		this.digests.send(this.clock.instant().plus(Duration.ofSeconds(2)));
		assertThat(this.mongo.count(
				Query.query(Criteria.where("recipientId").is(chapterId).and("eventType").is(Digests.DIGEST_TYPE)),
				DeliveryDocument.class))
			.isEqualTo(1);
	}

	@Test
	void twoInstancesSendingTheDaysDigestsAtTheSameMomentSendEachChapterOne() throws Exception {
		List<String> chapterIds = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String chapterId = this.fixture.registerChapter(STATE);
			this.fixture.subscribe(chapterId,
					"""
							{"topics":["ENDORSEMENTS","VOLUNTEERS"],"email":"%s","digestTopics":["ENDORSEMENTS"],"inbox":true}"""
						.formatted(digestAddress(chapterId)));
			chapterIds.add(chapterId);
		}
		var first = granted(STATE, "endorsement-" + UUID.randomUUID());
		this.events.endorsementGranted(first);
		this.events.endorsementGranted(granted(STATE, first.endorsementId()));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(chapterIds).allSatisfy((id) -> assertThat(waitingFor(id)).isEqualTo(2)));
		// A second instance of the service: its own digests and dispatcher, and its own
		// lock provider, over the same store, broker and SMTP server.
		DeliveryStore deliveries = this.context.getBean(DeliveryStore.class);
		DeliveryDispatcher dispatcher = new DeliveryDispatcher(deliveries, this.context.getBean(DeliveryAttempts.class),
				this.context.getBean(DeliveryProperties.class), this.clock);
		Digests second = new Digests(this.context.getBean(DigestStore.class),
				this.context.getBean(ChapterSubscriptions.class), this.context.getBean(Chapters.class),
				this.context.getBean(EmailTemplates.class), deliveries, dispatcher, ZoneOffset.UTC, this.clock,
				new MongoLockProvider(this.mongo.getDb()));
		// Now: the digests are attempted at once, before the barrier below.
		Instant now = this.clock.instant();

		List<Optional<Integer>> runs = new ArrayList<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
				List<Future<Optional<Integer>>> sending = new ArrayList<>();
				for (Digests instance : List.of(this.digests, second)) {
					sending.add(instances.submit(() -> {
						start.await();
						return instance.sendOnOneInstance(now);
					}));
				}
				start.countDown();
				for (Future<Optional<Integer>> run : sending) {
					runs.add(run.get());
				}
			}

			// A notification e-mailed at once to each chapter (a new member, not a
			// digest topic): the barrier each chapter's mail is read up to.
			for (String chapterId : chapterIds) {
				publish(signedUp("volunteer-" + UUID.randomUUID(), chapterId, "barrier@people.example",
						new Consent(false, false)));
			}
			for (String chapterId : chapterIds) {
				await().atMost(PATIENCE)
					.untilAsserted(() -> assertThat(MailTestConfiguration.receivedBy(digestAddress(chapterId)))
						.hasSizeGreaterThanOrEqualTo(2));
			}
		}
		finally {
			dispatcher.destroy();
		}

		// Both ran one after the other, or one found the other holding the lock; either
		// way each of these chapters was sent one (other classes' chapters may have had
		// notifications kept too).
		assertThat(runs.stream().flatMap(Optional::stream).mapToInt(Integer::intValue).sum())
			.isGreaterThanOrEqualTo(chapterIds.size());
		for (String chapterId : chapterIds) {
			assertThat(this.mongo.count(
					Query.query(Criteria.where("recipientId").is(chapterId).and("eventType").is(Digests.DIGEST_TYPE)),
					DeliveryDocument.class))
				.isEqualTo(1);
			List<MimeMessage> mail = MailTestConfiguration.receivedBy(digestAddress(chapterId));
			assertThat(mail).as("the digest and the barrier").hasSize(2);
			// Everything kept is in the one digest.
			List<MimeMessage> digest = mail.stream()
				.filter((message) -> subjectOf(message).contains("daily digest"))
				.toList();
			assertThat(digest).hasSize(1);
			assertThat(subjectOf(digest.get(0))).endsWith(": 2 notifications");
			assertThat(textOf(digest.get(0))).contains("Jane Example").contains(first.race().office());
			assertThat(waitingFor(chapterId)).isZero();
		}
	}

	private static String digestAddress(String chapterId) {
		return "digest@" + chapterId + ".example";
	}

	private long waitingFor(String chapterId) {
		return this.mongo.count(Query.query(Criteria.where("chapterId").is(chapterId).and("digestId").is(null)),
				DigestItemDocument.class);
	}

	private long deliveriesTo(String personId) {
		return this.mongo.count(Query.query(Criteria.where("personId").is(personId)), DeliveryDocument.class);
	}

	private long deliveriesAbout(String personId) {
		return this.mongo.count(Query.query(Criteria.where("subjectId").is(personId)), DeliveryDocument.class)
				+ this.mongo.count(Query.query(Criteria.where("subjectId").is(personId)), "inbox_entries");
	}

	private void publish(DomainEvent event) {
		this.events.publish(VOLUNTEER_TOPIC, org.groundgame.events.EventCatalog.typeOf(event.getClass()),
				"/groundgame/volunteer-service", event);
	}

	private static VolunteerSignedUp signedUp(String volunteerId, String chapterId, String email, Consent consent) {
		return new VolunteerSignedUp(UUID.randomUUID().toString(), NotificationFixture.now(), volunteerId, chapterId,
				"Ada Example", email, STATE, consent, true);
	}

	private static String textOf(MimeMessage message) {
		try {
			return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package org.groundgame.notification.people;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerSignedUp.Consent;
import org.groundgame.events.volunteer.VolunteerUpdated;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.InboxClient;
import org.groundgame.notification.InboxClient.Entry;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.people.domain.People;
import org.groundgame.notification.people.domain.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * People's contact and consent, their erasure, and new members reaching their chapter,
 * end to end within the service: CloudEvents published to the real broker, the results
 * read from the store and the inbox's API. Each test has its own volunteers; the chapters
 * of South Dakota and Nebraska belong to this class.
 */
@NotificationServiceIntegrationTest
class PeopleIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final String VOLUNTEER_SERVICE = "/groundgame/volunteer-service";

	private static CloudEventProducer events;

	private final People people;

	private final ChapterDirectory chapters;

	private final MongoTemplate mongo;

	private final InboxClient inboxes;

	@Autowired
	PeopleIntegrationTests(@LocalServerPort int port, People people, ChapterDirectory chapters, MongoTemplate mongo) {
		this.people = people;
		this.chapters = chapters;
		this.mongo = mongo;
		this.inboxes = new InboxClient(RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build());
	}

	@BeforeAll
	static void connect() {
		events = new CloudEventProducer();
	}

	@AfterAll
	static void disconnect() {
		events.close();
	}

	@Test
	void signUpIsProjectedAndANewerOneReplacesIt() {
		String volunteerId = newId("volunteer");
		Instant signedUpAt = now();
		publish(signedUp(volunteerId, signedUpAt, "ada@example.org", new Consent(true, false), true));

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.people.byId(volunteerId))
				.contains(new Person(volunteerId, "Ada Example", "ada@example.org", true, false, null)));

		publish(signedUp(volunteerId, signedUpAt.plusSeconds(60), "ada@new.example", new Consent(false, true), false));

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.people.byId(volunteerId))
				.contains(new Person(volunteerId, "Ada Example", "ada@new.example", false, true, null)));
	}

	@Test
	void redeliveredOrOlderSignUpChangesNothing() {
		String volunteerId = newId("volunteer");
		Instant signedUpAt = now();
		VolunteerSignedUp first = signedUp(volunteerId, signedUpAt, "bo@example.org", new Consent(true, false), true);
		VolunteerSignedUp newer = signedUp(volunteerId, signedUpAt.plusSeconds(60), "bo@new.example",
				new Consent(false, false), false);
		publish(first);
		publish(newer);
		awaitProcessed(PeopleEvents.CONSUMER, newer);

		VolunteerSignedUp older = signedUp(volunteerId, signedUpAt.plusSeconds(30), "bo@old.example",
				new Consent(true, true), false);
		publish(first);
		publish(older);
		awaitProcessed(PeopleEvents.CONSUMER, older);

		assertThat(this.people.byId(volunteerId))
			.contains(new Person(volunteerId, "Bo Example", "bo@new.example", false, false, null));
		assertThat(this.mongo.count(idIs(volunteerId), "people")).isEqualTo(1);
	}

	@Test
	void erasureRemovesThePersonAndAnOlderSignUpDoesNotBringThemBack() {
		String volunteerId = newId("volunteer");
		Instant signedUpAt = now();
		VolunteerSignedUp signUp = signedUp(volunteerId, signedUpAt, "cy@example.org", new Consent(true, true), true);
		publish(signUp);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.people.byId(volunteerId)).isPresent());

		VolunteerErased erased = new VolunteerErased(newId("event"), signedUpAt.plusSeconds(60), volunteerId);
		publish(erased);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.people.byId(volunteerId)).isEmpty());
		assertThat(this.mongo.count(idIs(volunteerId), "people")).isZero();
		assertThat(tombstoneOf(volunteerId)).containsOnlyKeys("_id", "erasedAt");

		VolunteerSignedUp olderThanTheErasure = signedUp(volunteerId, signedUpAt.plusSeconds(30), "cy@example.org",
				new Consent(true, true), false);
		publish(signUp);
		publish(olderThanTheErasure);
		publish(erased);
		VolunteerErased erasedAgain = new VolunteerErased(newId("event"), signedUpAt.plusSeconds(50), volunteerId);
		publish(erasedAgain);
		awaitProcessed(PeopleEvents.CONSUMER, olderThanTheErasure);
		awaitProcessed(PeopleEvents.CONSUMER, erasedAgain);

		assertThat(this.people.byId(volunteerId)).isEmpty();
		assertThat(this.mongo.count(idIs(volunteerId), "people")).isZero();
		assertThat(this.mongo.count(idIs(volunteerId), "people_erased")).isEqualTo(1);
		assertThat(tombstoneOf(volunteerId).getDate("erasedAt").toInstant()).isEqualTo(erased.occurredAt());
	}

	@Test
	void signUpAfterTheErasureIsANewStart() {
		String volunteerId = newId("volunteer");
		Instant signedUpAt = now();
		publish(signedUp(volunteerId, signedUpAt, "di@example.org", new Consent(true, false), true));
		VolunteerErased erased = new VolunteerErased(newId("event"), signedUpAt.plusSeconds(60), volunteerId);
		publish(erased);
		awaitProcessed(PeopleEvents.CONSUMER, erased);

		publish(signedUp(volunteerId, signedUpAt.plusSeconds(120), "di@example.org", new Consent(true, false), true));

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.people.byId(volunteerId))
				.contains(new Person(volunteerId, "Di Example", "di@example.org", true, false, null)));
	}

	@Test
	void anUpdateOfTheirDetailsReplacesTheSignUpAndAnOlderOneChangesNothing() {
		String volunteerId = newId("volunteer");
		Instant signedUpAt = now();
		publish(signedUp(volunteerId, signedUpAt, "fay@example.org", new Consent(true, false), true));
		VolunteerUpdated moved = new VolunteerUpdated(newId("event"), signedUpAt.plusSeconds(60), volunteerId,
				"chapter-b", null, "Fay Example", "fay@new.example", "NE", new Consent(false, true));
		publish(moved);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.people.byId(volunteerId))
				.contains(new Person(volunteerId, "Fay Example", "fay@new.example", false, true, "chapter-b")));

		VolunteerUpdated older = new VolunteerUpdated(newId("event"), signedUpAt.plusSeconds(30), volunteerId,
				"chapter-a", null, "Fay Old", "fay@old.example", "NE", new Consent(true, true));
		publish(older);
		publish(signedUp(volunteerId, signedUpAt, "fay@example.org", new Consent(true, false), true));
		awaitProcessed(PeopleEvents.CONSUMER, older);

		assertThat(this.people.byId(volunteerId))
			.contains(new Person(volunteerId, "Fay Example", "fay@new.example", false, true, "chapter-b"));
		assertThat(this.mongo.count(idIs(volunteerId), "people")).isEqualTo(1);
	}

	@Test
	void anUpdateOlderThanTheErasureDoesNotBringThePersonBack() {
		String volunteerId = newId("volunteer");
		Instant signedUpAt = now();
		publish(signedUp(volunteerId, signedUpAt, "gus@example.org", new Consent(true, true), true));
		VolunteerErased erased = new VolunteerErased(newId("event"), signedUpAt.plusSeconds(60), volunteerId);
		publish(erased);
		awaitProcessed(PeopleEvents.CONSUMER, erased);

		VolunteerUpdated beforeTheErasure = new VolunteerUpdated(newId("event"), signedUpAt.plusSeconds(30),
				volunteerId, null, null, "Gus Example", "gus@example.org", "NE", new Consent(true, true));
		publish(beforeTheErasure);
		awaitProcessed(PeopleEvents.CONSUMER, beforeTheErasure);

		assertThat(this.people.byId(volunteerId)).isEmpty();
		assertThat(this.mongo.count(idIs(volunteerId), "people")).isZero();
	}

	@Test
	void newMemberReachesTheirChaptersInboxOnce() {
		String siouxFalls = newId("chapter");
		String omaha = newId("chapter");
		events.chapterRegistered(new ChapterRegistered(newId("event"), now(), siouxFalls, "Sioux Falls Rising", "SD",
				"Sioux Falls", "info@sioux-falls.example"));
		events.chapterRegistered(new ChapterRegistered(newId("event"), now(), omaha, "Omaha Forward", "NE", "Omaha",
				"info@omaha.example"));
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(this.chapters.chapterIdsIn("SD")).contains(siouxFalls);
			assertThat(this.chapters.chapterIdsIn("NE")).contains(omaha);
		});

		String volunteerId = newId("volunteer");
		Instant signedUpAt = now();
		VolunteerSignedUp joined = new VolunteerSignedUp(newId("event"), signedUpAt, volunteerId, siouxFalls,
				"Eve Example", "eve@example.org", "SD", new Consent(true, false), true);
		VolunteerSignedUp signedUpAgain = new VolunteerSignedUp(newId("event"), signedUpAt.plusSeconds(60), volunteerId,
				siouxFalls, "Eve Example", "eve@new.example", "SD", new Consent(false, false), false);
		publish(joined);
		publish(joined);
		publish(signedUpAgain);
		awaitProcessed("notifications", signedUpAgain);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.inboxes.inboxOf(siouxFalls).entriesOf(joined.eventId())).hasSize(1));
		List<Entry> entries = this.inboxes.inboxOf(siouxFalls).content();
		assertThat(entries).hasSize(1);
		Entry entry = entries.get(0);
		assertThat(entry.eventType()).isEqualTo("org.groundgame.volunteer.VolunteerSignedUp.v1");
		assertThat(entry.title()).isEqualTo("New member: Eve Example");
		assertThat(entry.body()).contains("Eve Example").doesNotContain("@");
		assertThat(entry.subjectId()).isEqualTo(volunteerId);
		assertThat(this.inboxes.inboxOf(omaha).content()).isEmpty();
		assertThat(this.people.byId(volunteerId)).map(Person::email).contains("eve@new.example");
	}

	private static void publish(DomainEvent event) {
		events.publish(CloudEventProducer.VOLUNTEER_TOPIC, EventCatalog.typeOf(event.getClass()), VOLUNTEER_SERVICE,
				event);
	}

	/**
	 * Waits until a consumer has completed an event: what it did with it is then done.
	 */
	private void awaitProcessed(String consumer, DomainEvent event) {
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.mongo.getCollection("processed_events")
				.find(Filters.and(Filters.eq("_id", consumer + "/" + event.eventId()), Filters.eq("completed", true)))
				.first()).isNotNull());
	}

	private Document tombstoneOf(String volunteerId) {
		return this.mongo.getCollection("people_erased").find(Filters.eq("_id", volunteerId)).first();
	}

	private static Query idIs(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	private static VolunteerSignedUp signedUp(String volunteerId, Instant occurredAt, String email, Consent consent,
			boolean firstSignUp) {
		String name = email.substring(0, 1).toUpperCase() + email.substring(1, email.indexOf('@')) + " Example";
		return new VolunteerSignedUp(newId("event"), occurredAt, volunteerId, null, name, email, "NE", consent,
				firstSignUp);
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String newId(String kind) {
		return kind + "-" + UUID.randomUUID();
	}

}

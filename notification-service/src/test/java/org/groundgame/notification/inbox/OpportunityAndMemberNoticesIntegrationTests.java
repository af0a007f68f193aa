package org.groundgame.notification.inbox;

import java.util.List;
import java.util.UUID;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.volunteer.OpportunityOpened;
import org.groundgame.events.volunteer.OpportunityPublished;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerSignedUp.Consent;
import org.groundgame.events.volunteer.VolunteerUpdated;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.InboxClient;
import org.groundgame.notification.InboxClient.Entry;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.chapter.domain.Chapters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;

/**
 * What chapters and staff hear of volunteer-service's opportunities and members, in their
 * inboxes: a draft team reaches whoever must fill it (its chapter, or staff), a published
 * opportunity every chapter of its state, and a volunteer who moved reaches the chapter
 * they joined, until they are erased. Real broker and store. Georgia and Florida belong
 * to this class.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class OpportunityAndMemberNoticesIntegrationTests {

	private static final String SOURCE = "/groundgame/volunteer-service";

	private final CloudEventProducer events = new CloudEventProducer();

	private final NotificationFixture fixture;

	private final InboxClient inboxes;

	private final MongoTemplate mongo;

	@Autowired
	OpportunityAndMemberNoticesIntegrationTests(@LocalServerPort int port, Chapters chapters, MongoTemplate mongo) {
		this.fixture = new NotificationFixture(port, chapters, this.events);
		this.inboxes = new InboxClient(RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build());
		this.mongo = mongo;
	}

	@AfterAll
	void close() {
		this.events.close();
	}

	@Test
	void aDraftTeamReachesItsChapterAloneAndOncePublishedEveryChapterOfTheState() {
		List<String> georgia = this.fixture.registerChapters("GA", 2);
		String organizer = georgia.get(0);
		String other = georgia.get(1);
		String opportunityId = "opportunity-" + UUID.randomUUID();
		OpportunityOpened draft = new OpportunityOpened(id(), NotificationFixture.now(), opportunityId,
				"Volunteer team: Jane Example for State Senator (GA, District 5)", "CANVASS", "DRAFT", "GA", organizer,
				"endorsement-1", "race-1");
		OpportunityPublished published = new OpportunityPublished(id(), NotificationFixture.now(), opportunityId,
				draft.title(), draft.type(), "GA", organizer, "endorsement-1");

		publish(draft);
		publish(published);

		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(titlesOf(organizer, opportunityId)).containsExactlyInAnyOrder(
					"Add shifts and publish: " + draft.title(), "New volunteer opportunity: " + draft.title());
			assertThat(titlesOf(other, opportunityId)).containsExactly("New volunteer opportunity: " + draft.title());
		});
		assertThat(staffEntriesOf(draft.eventId())).isZero();
	}

	@Test
	void aDraftTeamNoChapterOrganizesReachesStaff() {
		String florida = this.fixture.registerChapter("FL");
		String opportunityId = "opportunity-" + UUID.randomUUID();
		OpportunityOpened draft = new OpportunityOpened(id(), NotificationFixture.now(), opportunityId,
				"Volunteer team: Jane Example for Mayor (FL, Tampa)", "CANVASS", "DRAFT", "FL", null, "endorsement-2",
				"race-2");

		publish(draft);
		publish(new OpportunityPublished(id(), NotificationFixture.now(), opportunityId, draft.title(), draft.type(),
				"FL", null, "endorsement-2"));

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(titlesOf(florida, opportunityId))
				.contains("New volunteer opportunity: " + draft.title()));
		assertThat(titlesOf(florida, opportunityId)).containsExactly("New volunteer opportunity: " + draft.title());
		assertThat(staffEntriesOf(draft.eventId())).isEqualTo(1);
	}

	@Test
	void aChapterHearsOfAMemberWhoMovedToItUntilTheyAreErased() {
		List<String> georgia = this.fixture.registerChapters("GA", 2);
		String left = georgia.get(0);
		String joined = georgia.get(1);
		String volunteerId = "volunteer-" + UUID.randomUUID();
		VolunteerUpdated newDetails = updated(volunteerId, left, left);
		VolunteerUpdated moved = updated(volunteerId, joined, left);

		publish(newDetails);
		publish(moved);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(titlesOf(joined, volunteerId))
				.containsExactly("New member: Ada Example (moved from another chapter)"));
		assertThat(titlesOf(left, volunteerId)).isEmpty();

		publish(new VolunteerErased(id(), NotificationFixture.now(), volunteerId));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(titlesOf(joined, volunteerId)).isEmpty());
		assertThat(this.mongo.count(Query.query(Criteria.where("subjectId").is(volunteerId)), "inbox_entries"))
			.isZero();
	}

	private List<String> titlesOf(String chapterId, String subjectId) {
		return this.inboxes.inboxOf(chapterId)
			.content()
			.stream()
			.filter((entry) -> subjectId.equals(entry.subjectId()))
			.map(Entry::title)
			.toList();
	}

	private long staffEntriesOf(String eventId) {
		return this.mongo.count(Query.query(Criteria.where("recipient").is("staff").and("eventId").is(eventId)),
				"inbox_entries");
	}

	private void publish(DomainEvent event) {
		this.events.publish(CloudEventProducer.VOLUNTEER_TOPIC, EventCatalog.typeOf(event.getClass()), SOURCE, event);
	}

	private static VolunteerUpdated updated(String volunteerId, String chapterId, String previousChapterId) {
		return new VolunteerUpdated(id(), NotificationFixture.now(), volunteerId, chapterId, previousChapterId,
				"Ada Example", volunteerId + "@members.example", "GA", new Consent(false, false));
	}

	private static String id() {
		return UUID.randomUUID().toString();
	}

}

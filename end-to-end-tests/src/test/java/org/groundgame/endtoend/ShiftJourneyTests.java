package org.groundgame.endtoend;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Putting volunteers to work on an endorsed race, through the gateway only: national
 * staff endorse a chapter's candidate, and volunteer-service opens a volunteer team for
 * the race in draft; the chapter adds a shift and publishes it; volunteers RSVP up to its
 * capacity and beyond, onto the waitlist, each with the key of the private link they were
 * e-mailed (an id alone signs nobody up); one cancels with their key and the first in
 * line is promoted at once, and told by e-mail; the chapter records attendance, and the
 * hours show on the chapter's and the race's leaderboards and in the calendar feeds. The
 * chapter is in a state no other test uses.
 */
@ExtendWith(RunningPlatform.class)
class ShiftJourneyTests {

	private static final String STATE = "IA";

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private final Gateway gateway;

	private final Organizers organizers;

	private final CaughtMail mail;

	ShiftJourneyTests(LocalPlatform platform, Gateway gateway) {
		this.gateway = gateway;
		this.organizers = new Organizers(gateway);
		this.mail = new CaughtMail(platform.mailbox());
	}

	@Test
	void anEndorsedRaceGetsATeamWhoseShiftFillsWaitlistsPromotesAndCountsHours() {
		String chapterId = this.organizers.registerChapter(STATE, "Des Moines");
		Gateway chapter = this.gateway.asChapter(chapterId);
		String endorsementId = this.organizers
			.endorse(this.organizers.nominate(chapterId, STATE, "Iowa House of Representatives"));

		// The team opens on its own, in draft: volunteers cannot see it yet.
		JsonNode team = await().atMost(EVENTUALLY)
			.until(() -> content(this.gateway.asStaff()
				.get("/api/opportunities?status=DRAFT&endorsementId=" + endorsementId)
				.json(200)), (found) -> found.size() == 1)
			.get(0);
		String opportunityId = team.path("id").asString();
		assertThat(team.path("status").asString()).isEqualTo("DRAFT");
		assertThat(team.path("chapterId").asString()).isEqualTo(chapterId);
		assertThat(team.path("state").asString()).isEqualTo(STATE);
		assertThat(this.gateway.anonymous().get("/api/opportunities/" + opportunityId).status()).isEqualTo(404);

		// The chapter fills it with a shift under way (a phone bank running now) and
		// publishes it.
		Instant startsAt = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> shift = Map.of("startsAt", startsAt.toString(), "endsAt",
				startsAt.plus(3, ChronoUnit.HOURS).toString(), "capacity", 2, "location",
				"Prairie Organizers office, 500 Grand Ave, Des Moines");
		String shiftId = chapter.post("/api/opportunities/" + opportunityId + "/shifts", shift)
			.json(201)
			.path("id")
			.asString();
		chapter.post("/api/opportunities/" + opportunityId + "/publish", Map.of()).json(200);
		assertThat(content(this.gateway.anonymous()
			.get("/api/opportunities?state=" + STATE + "&endorsementId=" + endorsementId)
			.json(200))).singleElement()
			.satisfies((open) -> assertThat(open.path("status").asString()).isEqualTo("OPEN"));

		// Three volunteers RSVP for two seats, each with the key of the link they were
		// e-mailed: the third waits in line.
		List<Volunteer> volunteers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			volunteers.add(signUp(chapterId));
		}
		List<JsonNode> rsvps = new ArrayList<>();
		for (Volunteer volunteer : volunteers) {
			rsvps.add(rsvp(shiftId, volunteer).json(201));
		}
		assertThat(rsvps).extracting((rsvp) -> rsvp.path("status").asString())
			.containsExactly("REGISTERED", "REGISTERED", "WAITLISTED");
		assertThat(rsvps.get(2).path("waitlistPosition").asInt()).isEqualTo(1);
		assertThat(rsvps)
			.allSatisfy((rsvp) -> assertThat(rsvp.has("manageToken") || rsvp.has("calendarUrl")).isFalse());
		// Repeating an RSVP changes nothing.
		JsonNode again = rsvp(shiftId, volunteers.get(0)).json(200);
		assertThat(again.path("id").asString()).isEqualTo(rsvps.get(0).path("id").asString());
		assertThat(again.path("status").asString()).isEqualTo("REGISTERED");

		// The first cancels with their key: the one waiting is promoted.
		Gateway.Answer cancelled = this.gateway.anonymous()
			.sendRaw("DELETE", "/api/shifts/" + shiftId + "/signups/" + rsvps.get(0).path("id").asString(),
					HttpRequest.BodyPublishers.noBody(), "X-Manage-Token", volunteers.get(0).key().token());
		assertThat(cancelled.status()).isIn(200, 204);
		Map<String, String> statuses = statusesByVolunteer(
				chapter.get("/api/shifts/" + shiftId + "/signups").json(200));
		assertThat(statuses).containsEntry(volunteers.get(0).id(), "CANCELLED")
			.containsEntry(volunteers.get(1).id(), "REGISTERED")
			.containsEntry(volunteers.get(2).id(), "REGISTERED");
		await().atMost(EVENTUALLY)
			.untilAsserted(() -> assertThat(this.mail.to(volunteers.get(2).email()))
				.anySatisfy((message) -> assertThat(message.path("subject").asString()).containsIgnoringCase("seat")));

		// The chapter records who came, and for how long.
		chapter
			.post("/api/shifts/" + shiftId + "/signups/" + rsvps.get(1).path("id").asString() + "/attendance",
					Map.of("attended", true, "hours", 3))
			.json(200);
		chapter
			.post("/api/shifts/" + shiftId + "/signups/" + rsvps.get(2).path("id").asString() + "/attendance",
					Map.of("attended", true, "hours", 2.5))
			.json(200);

		List<JsonNode> members = content(chapter.get("/api/leaderboards/volunteers?chapterId=" + chapterId).json(200));
		assertThat(members).extracting((row) -> row.path("volunteerId").asString())
			.containsExactly(volunteers.get(1).id(), volunteers.get(2).id());
		assertThat(members).extracting((row) -> row.path("hours").asDouble()).containsExactly(3.0, 2.5);
		assertThat(members.get(0).path("rank").asInt()).isEqualTo(1);
		List<JsonNode> race = content(this.gateway.anonymous()
			.get("/api/leaderboards/chapters?state=" + STATE + "&endorsementId=" + endorsementId)
			.json(200));
		assertThat(race).singleElement().satisfies((row) -> {
			assertThat(row.path("chapterId").asString()).isEqualTo(chapterId);
			assertThat(row.path("hours").asDouble()).isEqualTo(5.5);
		});
		assertThat(this.gateway.asStaff()
			.get("/api/volunteers/" + volunteers.get(2).id() + "/hours")
			.json(200)
			.path("hours")
			.asDouble()).isEqualTo(2.5);

		// Both calendar feeds show the shift, to subscribe to without an account.
		Gateway.Answer opportunityFeed = this.gateway.anonymous()
			.get("/api/opportunities/" + opportunityId + "/calendar.ics");
		assertThat(opportunityFeed.status()).isEqualTo(200);
		assertThat(opportunityFeed.contentType()).startsWith("text/calendar");
		assertThat(opportunityFeed.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:" + shiftId);
		String feed = volunteers.get(2).key().calendarPath();
		assertThat(feed).startsWith("/api/volunteers/" + volunteers.get(2).id() + "/calendar.ics?token=");
		Gateway.Answer volunteerFeed = this.gateway.anonymous().get(feed);
		assertThat(volunteerFeed.status()).isEqualTo(200);
		assertThat(volunteerFeed.body()).contains("UID:" + shiftId);
	}

	/**
	 * Attack 3 of issue 15, tried again as an outsider: an RSVP naming someone else's id
	 * used to sign them up and answer with their manage token and their calendar feed,
	 * which showed every shift they were on.
	 */
	@Test
	void knowingAVolunteersIdNeitherSignsThemUpNorShowsWhereTheyWillBe() {
		String chapterId = this.organizers.registerChapter(STATE, "Ames");
		String otherChapterId = this.organizers.registerChapter(STATE, "Sioux City");
		Instant startsAt = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		Map<String, Object> opportunity = Map.of("title", "Door knocking in Ames", "type", "CANVASS", "state", STATE,
				"chapterId", chapterId, "location", "Ames Public Library, 515 Douglas Ave", "shifts",
				List.of(Map.of("startsAt", startsAt.toString(), "endsAt", startsAt.plus(3, ChronoUnit.HOURS).toString(),
						"capacity", 5)));
		String shiftId = this.gateway.asChapter(chapterId)
			.post("/api/opportunities", opportunity)
			.json(201)
			.path("shifts")
			.get(0)
			.path("id")
			.asString();
		Volunteer target = signUp(chapterId);
		Volunteer outsider = signUp(otherChapterId);
		String rsvpPath = "/api/shifts/" + shiftId + "/signups";

		assertThat(this.gateway.anonymous().post(rsvpPath, target.key().rsvp()).status()).isEqualTo(401);
		assertThat(this.gateway.anonymous()
			.sendRaw("POST", rsvpPath, HttpRequest.BodyPublishers.ofString("{\"volunteerId\":\"" + target.id() + "\"}"),
					"Content-Type", "application/json", "X-Manage-Token", outsider.key().token())
			.status()).isEqualTo(403);
		assertThat(this.gateway.asChapter(otherChapterId).post(rsvpPath, target.key().rsvp()).status()).isEqualTo(403);
		assertThat(content(this.gateway.asChapter(chapterId).get(rsvpPath).json(200))).isEmpty();
		assertThat(this.gateway.anonymous().get("/api/volunteers/" + target.id() + "/calendar.ics").status())
			.isEqualTo(401);

		// The volunteer's own RSVP, with the key from their e-mail, answers no token or
		// feed either: those stay in their mailbox.
		JsonNode own = rsvp(shiftId, target).json(201);
		assertThat(own.has("manageToken") || own.has("calendarUrl")).isFalse();
		assertThat(this.gateway.anonymous().get(target.key().calendarPath()).body()).contains("UID:" + shiftId);
	}

	private Gateway.Answer rsvp(String shiftId, Volunteer volunteer) {
		return this.gateway.anonymous()
			.sendRaw("POST", "/api/shifts/" + shiftId + "/signups",
					HttpRequest.BodyPublishers.ofString("{\"volunteerId\":\"" + volunteer.id() + "\"}"), "Content-Type",
					"application/json", "X-Manage-Token", volunteer.key().token());
	}

	/** Signs a volunteer up, and reads their private link in their mailbox. */
	private Volunteer signUp(String chapterId) {
		String email = "shift-" + unique() + "@example.org";
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Volunteer " + unique());
		body.put("email", email);
		body.put("state", STATE);
		body.put("chapterId", chapterId);
		body.put("interests", List.of("PHONE_BANKING"));
		body.put("consent", Map.of("email", true, "sms", false));
		this.gateway.anonymous().post("/api/volunteers", body).json(202);
		VolunteerMail.Key key = new VolunteerMail(this.mail).keyOf(email);
		return new Volunteer(key.volunteerId(), email, key);
	}

	private static Map<String, String> statusesByVolunteer(JsonNode signups) {
		Map<String, String> statuses = new HashMap<>();
		content(signups)
			.forEach((signup) -> statuses.put(signup.path("volunteerId").asString(), signup.path("status").asString()));
		return statuses;
	}

	/** A list answer's items, whether paged ({@code content}) or a plain array. */
	static List<JsonNode> content(JsonNode answer) {
		JsonNode items = answer.has("content") ? answer.path("content") : answer;
		List<JsonNode> list = new ArrayList<>();
		items.forEach(list::add);
		return list;
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private record Volunteer(String id, String email, VolunteerMail.Key key) {
	}

}

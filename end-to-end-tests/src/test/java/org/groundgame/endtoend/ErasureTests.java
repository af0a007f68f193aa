package org.groundgame.endtoend;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.groundgame.events.EmailKeys;
import org.groundgame.events.Topics;
import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure is real: once a volunteer who signed up, was welcomed, RSVPed for a shift and
 * was told of their seat is deleted, no store of any service holds their name, e-mail
 * address or phone number; nor, once a trainee who was e-mailed and graduated erases
 * their data, their name, address or its match key. Every database of the platform's
 * store is read, every document of every collection, as the services left them; every
 * record of every topic on the broker, dead-letter topics included (their data only ever
 * travelled sealed, and its key is destroyed); and every service's log. The chapter is in
 * a state no other test uses.
 */
@ExtendWith(RunningPlatform.class)
class ErasureTests {

	private static final String STATE = "WI";

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private final Gateway gateway;

	private final Organizers organizers;

	private final CaughtMail mail;

	private final PlatformTraces traces;

	ErasureTests(LocalPlatform platform, Gateway gateway) {
		this.traces = new PlatformTraces(platform);
		this.gateway = gateway;
		this.organizers = new Organizers(gateway);
		this.mail = new CaughtMail(platform.mailbox());
	}

	@Test
	void afterErasureNoServiceStoresTheVolunteersNameEMailOrPhone() {
		String chapterId = this.organizers.registerChapter(STATE, "Madison");
		Gateway chapter = this.gateway.asChapter(chapterId);
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String name = "Tammy Erasable " + unique;
		String email = "erase-me-" + unique + "@example.org";
		String phoneDigits = "608555" + String.format(Locale.ROOT, "%04d", Math.floorMod(unique.hashCode(), 10_000));
		Map<String, Object> signUp = new HashMap<>();
		signUp.put("name", name);
		signUp.put("email", email);
		signUp.put("phone", "(" + phoneDigits.substring(0, 3) + ") " + phoneDigits.substring(3, 6) + "-"
				+ phoneDigits.substring(6));
		signUp.put("zip", "53703");
		signUp.put("state", STATE);
		signUp.put("chapterId", chapterId);
		signUp.put("consent", Map.of("email", true, "sms", true));
		this.gateway.anonymous().post("/api/volunteers", signUp).json(202);
		VolunteerMail.Key key = new VolunteerMail(this.mail).keyOf(email);
		String volunteerId = key.volunteerId();

		Instant startsAt = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> opportunity = Map.of("title", "Door knocking for the school board", "type", "CANVASS",
				"state", STATE, "location", "Library Mall, Madison", "shifts", List.of(Map.of("startsAt",
						startsAt.toString(), "endsAt", startsAt.plus(2, ChronoUnit.HOURS).toString(), "capacity", 5)));
		String shiftId = chapter.post("/api/opportunities", opportunity)
			.json(201)
			.path("shifts")
			.path(0)
			.path("id")
			.asString();
		this.gateway.anonymous()
			.sendRaw("POST", "/api/shifts/" + shiftId + "/signups",
					java.net.http.HttpRequest.BodyPublishers.ofString("{\"volunteerId\":\"" + volunteerId + "\"}"),
					"Content-Type", "application/json", "X-Manage-Token", key.token())
			.json(201);
		// Sent their link, welcomed, and told of the seat: notification-service has
		// written to them.
		await().atMost(EVENTUALLY).until(() -> this.mail.to(email).size() >= 3);
		assertThat(this.traces.storesHolding(List.of(name, email))).as("the volunteer is stored before erasure")
			.isNotEmpty();

		assertThat(chapter.send("DELETE", "/api/volunteers/" + volunteerId, null).status()).isEqualTo(204);

		await().atMost(EVENTUALLY)
			.untilAsserted(() -> assertThat(this.traces.storesHolding(List.of(name, email, phoneDigits))).isEmpty());
		// On Kafka their data only ever travelled sealed with their own key, and the key
		// is
		// destroyed: no topic, dead-letter topics included, holds a copy anyone can read.
		assertThat(
				this.traces.recordsHolding(List.of("{pd:" + Topics.keysOf(Topics.VOLUNTEER) + ":" + volunteerId + "}")))
			.as("their sealed data went out in events")
			.isNotEmpty();
		assertThat(this.traces.recordsHolding(List.of(name, email, phoneDigits))).isEmpty();
		await().atMost(EVENTUALLY)
			.untilAsserted(
					() -> assertThat(this.traces.liveKeyOf(Topics.keysOf(Topics.VOLUNTEER), volunteerId)).isEmpty());
		assertThat(this.traces.logsHolding(List.of(name, email, phoneDigits))).isEmpty();
		// Their seat is given up for others.
		await().atMost(EVENTUALLY)
			.untilAsserted(() -> assertThat(statusOf(chapter, shiftId, volunteerId)).isEqualTo("CANCELLED"));
	}

	@Test
	void afterATraineeErasesTheirDataNoServiceStoresTheirNameEMailOrItsMatchKey() {
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		Map<String, Object> opening = new HashMap<>();
		opening.put("name", "Organizer track, one-day intensive " + UUID.randomUUID());
		opening.put("track", "ORGANIZER");
		opening.put("sessions", List.of(today));
		opening.put("format", "ONLINE");
		opening.put("capacity", 5);
		opening.put("applicationDeadline", today);
		String cohortId = this.gateway.asStaff().post("/api/training/cohorts", opening).json(201).path("id").asString();
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String name = "Terry Erasable " + unique;
		String email = "erase-trainee-" + unique + "@example.org";
		Map<String, Object> application = new HashMap<>();
		application.put("name", name);
		application.put("email", email);
		application.put("state", STATE);
		application.put("plansToRun", true);
		application.put("office", "Dane County Board");
		this.gateway.anonymous().post("/api/training/cohorts/" + cohortId + "/applications", application).json(202);
		// The answer says nothing of the application: its private link is in the e-mail.
		Pattern linkInTheMail = Pattern.compile("/training/enrollments/([A-Za-z0-9-]+)#token=([A-Za-z0-9_-]+)");
		Matcher link = await().atMost(EVENTUALLY)
			.until(() -> this.mail.to(email)
				.stream()
				.map((listed) -> linkInTheMail.matcher(this.mail.message(listed).path("text").asString()))
				.filter(Matcher::find)
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		String enrollmentId = link.group(1);
		String manageToken = link.group(2);
		// A graduate: the candidate pipeline keeps them too, by name and e-mail key.
		this.gateway.asStaff()
			.post("/api/training/cohorts/" + cohortId + "/completion", Map.of("graduates", List.of(enrollmentId)))
			.json(200);
		String emailKey = EmailKeys.of(email);
		await().atMost(EVENTUALLY).until(() -> this.mail.to(email).size() >= 1);
		await().atMost(EVENTUALLY)
			.untilAsserted(
					() -> assertThat(this.traces.storesHolding(List.of(emailKey))).as("the pipeline holds the graduate")
						.isNotEmpty());

		assertThat(this.gateway.anonymous()
			.sendRaw("DELETE", "/api/training/enrollments/" + enrollmentId, HttpRequest.BodyPublishers.noBody(),
					"X-Manage-Token", manageToken)
			.status()).isEqualTo(204);

		await().atMost(EVENTUALLY)
			.untilAsserted(() -> assertThat(this.traces.storesHolding(List.of(name, email, emailKey))).isEmpty());
		assertThat(
				this.traces.recordsHolding(List.of("{pd:" + Topics.keysOf(Topics.TRAINING) + ":" + enrollmentId + "}")))
			.as("their sealed data went out in events")
			.isNotEmpty();
		assertThat(this.traces.recordsHolding(List.of(name, email, emailKey))).isEmpty();
		await().atMost(EVENTUALLY)
			.untilAsserted(
					() -> assertThat(this.traces.liveKeyOf(Topics.keysOf(Topics.TRAINING), enrollmentId)).isEmpty());
		assertThat(this.traces.logsHolding(List.of(name, email, emailKey))).isEmpty();
		JsonNode kept = this.gateway.asStaff().get("/api/training/enrollments/" + enrollmentId).json(200);
		assertThat(kept.path("status").asString()).as("a graduate stays a graduate").isEqualTo("COMPLETED");
	}

	private static String statusOf(Gateway chapter, String shiftId, String volunteerId) {
		return ShiftJourneyTests.content(chapter.get("/api/shifts/" + shiftId + "/signups").json(200))
			.stream()
			.filter((signup) -> signup.path("volunteerId").asString().equals(volunteerId))
			.map((signup) -> signup.path("status").asString())
			.findFirst()
			.orElse("absent");
	}

}

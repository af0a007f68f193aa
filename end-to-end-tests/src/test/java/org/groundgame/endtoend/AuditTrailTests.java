package org.groundgame.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every service's audit trail, read through the gateway as staff would: a chapter's shift
 * fills and its line forms, and the trail shows who did what through which request, and
 * the line in the order it was formed, so that anyone holding the roster can check it was
 * fair; the chain of every service verifies; nobody but staff reads it. The chapter is in
 * a state no other test uses.
 */
@ExtendWith(RunningPlatform.class)
class AuditTrailTests {

	private static final String STATE = "NE";

	private static final List<String> SERVICES = List.of("endorsement-service", "volunteer-service",
			"campaign-training-service", "notification-service", "identity-service");

	private static final String CONFIRMED = "org.groundgame.volunteer.ShiftSignupConfirmed.v1";

	private static final String WAITLISTED = "org.groundgame.volunteer.ShiftWaitlisted.v1";

	private final Gateway gateway;

	private final Organizers organizers;

	AuditTrailTests(Gateway gateway) {
		this.gateway = gateway;
		this.organizers = new Organizers(gateway);
	}

	@Test
	void aShiftsLineIsOnTheRecordInTheOrderItFormedWithWhoFormedItAndThroughWhichRequest() {
		String chapterId = this.organizers.registerChapter(STATE, "Omaha");
		Instant startsAt = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		Map<String, Object> opportunity = Map.of("title", "Phone bank in Omaha", "type", "PHONE_BANK", "state", STATE,
				"chapterId", chapterId, "location", "Omaha Public Library, 215 S 15th St", "shifts",
				List.of(Map.of("startsAt", startsAt.toString(), "endsAt", startsAt.plus(2, ChronoUnit.HOURS).toString(),
						"capacity", 1)));
		String shiftId = this.gateway.asChapter(chapterId)
			.post("/api/opportunities", opportunity)
			.json(201)
			.path("shifts")
			.get(0)
			.path("id")
			.asString();

		// Staff sign three people up and put them on the one-seat shift: one seat, two in
		// line.
		List<String> volunteers = new ArrayList<>();
		List<String> requestIds = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String volunteerId = signUpAsStaff(chapterId);
			Gateway.Answer rsvp = this.gateway.asStaff()
				.post("/api/shifts/" + shiftId + "/signups", Map.of("volunteerId", volunteerId));
			rsvp.json(201);
			volunteers.add(volunteerId);
			requestIds.add(rsvp.header("X-Request-Id").orElseThrow());
		}

		List<JsonNode> entries = await().atMost(Duration.ofSeconds(30))
			.until(() -> entriesOf("volunteer-service", shiftId),
					(found) -> found.stream()
						.filter((entry) -> List.of(CONFIRMED, WAITLISTED).contains(entry.path("action").asString()))
						.count() == 3);

		// The line, as the trail recorded it, is the line of the roster.
		List<JsonNode> line = entries.stream()
			.filter((entry) -> List.of(CONFIRMED, WAITLISTED).contains(entry.path("action").asString()))
			.toList();
		assertThat(line).extracting((entry) -> entry.path("facts").path("volunteerId").asString())
			.containsExactlyElementsOf(volunteers);
		assertThat(line).extracting((entry) -> entry.path("action").asString())
			.containsExactly(CONFIRMED, WAITLISTED, WAITLISTED);
		assertThat(line.subList(1, 3)).extracting((entry) -> entry.path("facts").path("position").asInt())
			.containsExactly(1, 2);
		Map<String, JsonNode> roster = new HashMap<>();
		for (JsonNode signup : content(
				this.gateway.asChapter(chapterId).get("/api/shifts/" + shiftId + "/signups").json(200))) {
			roster.put(signup.path("volunteerId").asString(), signup);
		}
		assertThat(roster.get(volunteers.get(1)).path("waitlistPosition").asInt()).isEqualTo(1);
		assertThat(roster.get(volunteers.get(2)).path("waitlistPosition").asInt()).isEqualTo(2);
		assertThat(line).allSatisfy((entry) -> {
			assertThat(entry.path("actor").path("role").asString()).isEqualTo("STAFF");
			assertThat(entry.path("actor").path("subject").asString()).isNotBlank();
		});
		// Each RSVP's request is on the record with the id the gateway answered it with.
		assertThat(line).extracting((entry) -> entry.path("requestId").asString())
			.containsExactlyElementsOf(requestIds);
		// The chapter that opened the shift is on the record as its author.
		assertThat(entries).anySatisfy((entry) -> {
			assertThat(entry.path("action").asString()).isEqualTo("org.groundgame.volunteer.ShiftScheduled.v1");
			assertThat(entry.path("actor").path("role").asString()).isEqualTo("CHAPTER");
			assertThat(entry.path("actor").path("chapterId").asString()).isEqualTo(chapterId);
		});

		// Every service's chain holds, after everything the other tests did too.
		for (String service : SERVICES) {
			JsonNode verification = this.gateway.asStaff().get("/api/audit/" + service + "/verify").json(200);
			assertThat(verification.path("intact").asBoolean()).as("%s: %s", service, verification).isTrue();
		}
	}

	@Test
	void onlyStaffReadOrVerifyATrail() {
		String chapterId = this.organizers.registerChapter(STATE, "Lincoln");
		for (String service : SERVICES) {
			String verify = "/api/audit/" + service + "/verify";
			String entries = "/api/audit/" + service + "/entries?resourceId=" + chapterId;
			assertThat(this.gateway.anonymous().get(verify).status()).as(verify).isEqualTo(401);
			assertThat(this.gateway.anonymous().get(entries).status()).as(entries).isEqualTo(401);
			assertThat(this.gateway.asChapter(chapterId).get(verify).status()).as(verify).isEqualTo(403);
			assertThat(this.gateway.asChapter(chapterId).get(entries).status()).as(entries).isEqualTo(403);
		}
	}

	private String signUpAsStaff(String chapterId) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = Map.of("name", "Audited Volunteer " + suffix, "email",
				"audited-" + suffix + "@example.org", "state", STATE, "chapterId", chapterId, "interests",
				List.of("PHONE_BANKING"), "consent", Map.of("email", false, "sms", false));
		return this.gateway.asStaff().post("/api/volunteers", body).json(201).path("id").asString();
	}

	private List<JsonNode> entriesOf(String service, String resourceId) {
		return content(this.gateway.asStaff()
			.get("/api/audit/" + service + "/entries?size=100&resourceId=" + resourceId)
			.json(200));
	}

	private static List<JsonNode> content(JsonNode page) {
		List<JsonNode> content = new ArrayList<>();
		page.path("content").forEach(content::add);
		return content;
	}

}

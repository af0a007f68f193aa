package org.groundgame.volunteer.effort;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groundgame.test.security.TestTokens;
import org.groundgame.volunteer.VolunteerServiceIntegrationTest;
import org.groundgame.volunteer.hours.Organizers;
import org.groundgame.volunteer.hours.StoredShifts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestBodySpec;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The volunteer effort behind an endorsement, summed by the real store (mongo-java-server
 * in-process, MongoDB where Docker runs) from shifts stored as the opportunity feature
 * stores them: two chapters' phone banks and canvasses for one endorsement of this run's
 * own, with cancelled shifts and signups, a waitlist, no-shows and a shift of another
 * endorsement that must not count; then one opportunity made, filled and checked in
 * through the API itself, read back the same way.
 */
@VolunteerServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class EffortIntegrationTests {

	private static final Instant OCTOBER_1 = Instant.parse("2026-10-01T16:00:00Z");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	private final String endorsement = "endorsement-" + UUID.randomUUID();

	private final String otherEndorsement = "endorsement-" + UUID.randomUUID();

	private String columbia;

	private String kansasCity;

	private String ann;

	private String bob;

	@BeforeAll
	void twoChaptersWorkForTheEndorsement() {
		Organizers organizers = new Organizers(this.client);
		this.columbia = organizers.chapter("Effort Columbia", "MO");
		this.kansasCity = organizers.chapter("Effort Kansas City", "MO");
		this.ann = organizers.volunteer("Ann Able", this.columbia);
		this.bob = organizers.volunteer("Bob Baker", this.columbia);
		String cy = organizers.volunteer("Cy Carter", this.kansasCity);
		StoredShifts stored = new StoredShifts(this.mongo);
		String columbiaPhones = stored.opportunity("OPEN", this.columbia, "Phone bank", null);
		String columbiaCanvass = stored.opportunity("OPEN", this.columbia, "Canvass", null);
		String kansasCityPhones = stored.opportunity("OPEN", this.kansasCity, "Phone bank", null);
		// Columbia's phone banks: two shifts, Ann on both (one volunteer, two
		// attendances); Bob a no-show; a waitlisted and a cancelled signup hold no seat.
		stored.shift(columbiaPhones, OCTOBER_1, Duration.ofHours(3))
			.race("race", this.endorsement)
			.set("chapterId", this.columbia)
			.set("capacity", 10)
			.signup(this.ann, this.columbia, "ATTENDED", 3.0)
			.signup(this.bob, this.columbia, "NO_SHOW", null)
			.signup(cy, this.kansasCity, "ATTENDED", 2.5)
			.signup("waiting", this.columbia, "WAITLISTED", null)
			.signup("gone", this.columbia, "CANCELLED", null)
			.store();
		stored.shift(columbiaPhones, OCTOBER_1.plus(Duration.ofDays(7)), Duration.ofHours(2))
			.race("race", this.endorsement)
			.set("chapterId", this.columbia)
			.set("capacity", 5)
			.signup(this.ann, this.columbia, "ATTENDED", 0.1)
			.signup(null, this.columbia, "ATTENDED", 0.2)
			.signup(this.bob, this.columbia, "CONFIRMED", null)
			.store();
		// A cancelled shift: neither it nor its roster counts.
		stored.shift(columbiaPhones, OCTOBER_1.plus(Duration.ofDays(14)), Duration.ofHours(2))
			.race("race", this.endorsement)
			.set("chapterId", this.columbia)
			.set("status", "CANCELLED")
			.signup(this.bob, this.columbia, "ATTENDED", 9.0)
			.store();
		// Columbia's canvass: one shift, Bob registered.
		stored.shift(columbiaCanvass, OCTOBER_1, Duration.ofHours(4))
			.race("race", this.endorsement)
			.set("chapterId", this.columbia)
			.set("type", "CANVASS")
			.set("capacity", 8)
			.signup(this.bob, this.columbia, "REGISTERED", null)
			.store();
		// Kansas City's phone bank, with Columbia's Ann: the work counts for the
		// chapter that organized it.
		stored.shift(kansasCityPhones, OCTOBER_1, Duration.ofHours(2))
			.race("race", this.endorsement)
			.set("chapterId", this.kansasCity)
			.set("capacity", 4)
			.signup(this.ann, this.columbia, "ATTENDED", 2.0)
			.signup(cy, this.kansasCity, "ATTENDED", 2.0)
			.store();
		// Another endorsement's shift of Columbia's.
		stored.shift(columbiaPhones, OCTOBER_1, Duration.ofHours(2))
			.race("another race", this.otherEndorsement)
			.set("chapterId", this.columbia)
			.set("capacity", 3)
			.signup(this.ann, this.columbia, "ATTENDED", 1.0)
			.store();
	}

	@Test
	void staffSeeEveryChaptersShiftsSeatsAndHoursByType() {
		JsonNode effort = get("/api/opportunities/effort?endorsementId=" + this.endorsement, TestTokens.staff());

		assertThat(effort.get("endorsementId").asString()).isEqualTo(this.endorsement);
		// Shifts seats filled attended no-shows volunteers hours.
		assertThat(totals(effort.get("totals"))).isEqualTo("4 27 9 6 1 2 9.8");
		assertThat(effort.get("byType").valueStream().map((type) -> type.get("type").asString() + " " + totals(type)))
			.containsExactly("CANVASS 1 8 1 0 0 0 0.0", "PHONE_BANK 3 19 8 6 1 2 9.8");
		JsonNode chapters = effort.get("chapters");
		assertThat(chapters).hasSize(2);
		JsonNode first = chapters.get(0);
		assertThat(first.get("chapterId").asString()).isEqualTo(this.columbia);
		assertThat(first.get("name").asString()).startsWith("Effort Columbia");
		assertThat(first.get("state").asString()).isEqualTo("MO");
		assertThat(totals(first.get("totals"))).as("an erased volunteer's hours count, under no one")
			.isEqualTo("3 23 7 4 1 2 5.8");
		assertThat(first.get("byType").valueStream().map((type) -> type.get("type").asString() + " " + totals(type)))
			.containsExactly("CANVASS 1 8 1 0 0 0 0.0", "PHONE_BANK 2 15 6 4 1 2 5.8");
		JsonNode second = chapters.get(1);
		assertThat(second.get("chapterId").asString()).isEqualTo(this.kansasCity);
		assertThat(totals(second.get("totals"))).isEqualTo("1 4 2 2 0 2 4.0");
	}

	@Test
	void aChapterSeesItsOwnPartOnlyAndNothingOfTheOthersInTheSums() {
		JsonNode effort = get("/api/opportunities/effort?endorsementId=" + this.endorsement,
				TestTokens.chapter(this.kansasCity));

		assertThat(effort.get("chapters")).hasSize(1);
		assertThat(effort.get("chapters").get(0).get("chapterId").asString()).isEqualTo(this.kansasCity);
		assertThat(totals(effort.get("totals"))).isEqualTo("1 4 2 2 0 2 4.0");
		assertThat(effort.get("byType").valueStream().map((type) -> type.get("type").asString()))
			.containsExactly("PHONE_BANK");
		assertThat(effort.toString()).doesNotContain(this.columbia).doesNotContain("Effort Columbia");
	}

	@Test
	void aChapterWithoutWorkOnTheRaceGetsNothingAndAnUnknownEndorsementHasNoEffort() {
		String elsewhere = new Organizers(this.client).chapter("Effort Elsewhere", "MO");

		JsonNode none = get("/api/opportunities/effort?endorsementId=" + this.endorsement,
				TestTokens.chapter(elsewhere));
		JsonNode unknown = get("/api/opportunities/effort?endorsementId=no-such-endorsement", TestTokens.staff());

		for (JsonNode effort : List.of(none, unknown)) {
			assertThat(effort.get("chapters")).isEmpty();
			assertThat(effort.get("byType")).isEmpty();
			assertThat(totals(effort.get("totals"))).isEqualTo("0 0 0 0 0 0 0.0");
		}
		assertThat(unknown.get("endorsementId").asString()).isEqualTo("no-such-endorsement");
	}

	@Test
	void eachEndorsementsTotalsAreSummedTheSameWayAndScopedTheSameWay() {
		String named = "/api/opportunities/effort/endorsements?endorsementId=" + this.endorsement + "&endorsementId="
				+ this.otherEndorsement + "&endorsementId=nothing-yet";

		JsonNode staff = get(named, TestTokens.staff());
		JsonNode kansasCity = get(named, TestTokens.chapter(this.kansasCity));

		assertThat(staff.get("endorsements")
			.valueStream()
			.map((entry) -> entry.get("endorsementId").asString() + " " + totals(entry.get("totals"))))
			.containsExactlyInAnyOrder(this.endorsement + " 4 27 9 6 1 2 9.8",
					this.otherEndorsement + " 1 3 1 1 0 1 1.0");
		assertThat(kansasCity.get("endorsements")
			.valueStream()
			.map((entry) -> entry.get("endorsementId").asString() + " " + totals(entry.get("totals"))))
			.containsExactly(this.endorsement + " 1 4 2 2 0 2 4.0");
		assertThat(get("/api/opportunities/effort/endorsements", TestTokens.staff()).get("endorsements")
			.valueStream()
			.map((entry) -> entry.get("endorsementId").asString())).contains(this.endorsement, this.otherEndorsement);
	}

	@Test
	void aMissingOrBlankEndorsementIsA400NamingIt() {
		for (String path : List.of("/api/opportunities/effort", "/api/opportunities/effort?endorsementId=%20%20",
				"/api/opportunities/effort/endorsements?endorsementId=",
				"/api/opportunities/effort?endorsementId=" + "x".repeat(101))) {
			RestTestClientResponse response = call(HttpMethod.GET, path, TestTokens.staff(), null);

			assertThat(response.getExchangeResult().getStatus().value()).as(path).isEqualTo(400);
			assertThat(response).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(body(response).get("errors").get(0).get("field").asString()).isEqualTo("endorsementId");
		}
	}

	@Test
	void workOrganizedThroughTheApiIsCountedForItsChapterAndType() {
		String chapter = new Organizers(this.client).chapter("Effort Through The API", "MO");
		String volunteer = new Organizers(this.client).volunteer("Dee Dunn", chapter);
		String endorsement = "endorsement-" + UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> opportunity = new HashMap<>();
		opportunity.put("title", "Deep canvass for the race");
		opportunity.put("type", "DEEP_CANVASS");
		opportunity.put("state", "MO");
		opportunity.put("chapterId", chapter);
		opportunity.put("endorsementId", endorsement);
		opportunity.put("location", "Columbia Public Library");
		opportunity.put("shifts",
				List.of(Map.of("startsAt", now.minus(Duration.ofHours(1)).toString(), "endsAt",
						now.plus(Duration.ofHours(2)).toString(), "capacity", 6),
						Map.of("startsAt", now.plus(Duration.ofDays(2)).toString(), "endsAt",
								now.plus(Duration.ofDays(2)).plus(Duration.ofHours(2)).toString(), "capacity", 4)));
		JsonNode created = body(
				expect(call(HttpMethod.POST, "/api/opportunities", TestTokens.chapter(chapter), opportunity), 201));
		String started = created.get("shifts").get(0).get("id").asString();
		String signup = body(expect(call(HttpMethod.POST, "/api/shifts/" + started + "/signups", TestTokens.staff(),
				Map.of("volunteerId", volunteer)), 201))
			.get("id")
			.asString();
		expect(call(HttpMethod.POST, "/api/shifts/" + started + "/signups/" + signup + "/attendance",
				TestTokens.chapter(chapter), Map.of("attended", true, "hours", 2.75)), 200);

		JsonNode effort = get("/api/opportunities/effort?endorsementId=" + endorsement, TestTokens.chapter(chapter));

		assertThat(effort.get("chapters")).hasSize(1);
		JsonNode part = effort.get("chapters").get(0);
		assertThat(part.get("chapterId").asString()).isEqualTo(chapter);
		assertThat(part.get("byType").valueStream().map((type) -> type.get("type").asString() + " " + totals(type)))
			.containsExactly("DEEP_CANVASS 2 10 1 1 0 1 2.75");
	}

	/** Shifts, seats, seats filled, attended, no-shows, volunteers and hours. */
	private static String totals(JsonNode totals) {
		return totals.get("shifts").asInt() + " " + totals.get("seats").asInt() + " "
				+ totals.get("seatsFilled").asInt() + " " + totals.get("attended").asInt() + " "
				+ totals.get("noShows").asInt() + " " + totals.get("volunteers").asInt() + " "
				+ totals.get("hours").asDouble();
	}

	private JsonNode get(String path, String token) {
		return body(expect(call(HttpMethod.GET, path, token, null), 200));
	}

	private RestTestClientResponse call(HttpMethod method, String uri, String token, Object body) {
		// As sent: a blank value stays encoded once (%20), not twice.
		RequestBodySpec request = this.client.method(method).uri(URI.create(uri));
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return RestTestClientResponse.from(request.exchange());
	}

	private static RestTestClientResponse expect(RestTestClientResponse response, int status) {
		assertThat(response).hasStatus(status);
		return response;
	}

	private JsonNode body(RestTestClientResponse response) {
		return this.json.readTree(response.getExchangeResult().getResponseBodyContent());
	}

}

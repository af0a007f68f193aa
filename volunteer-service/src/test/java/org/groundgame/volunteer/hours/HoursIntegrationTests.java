package org.groundgame.volunteer.hours;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.groundgame.test.security.TestTokens;
import org.groundgame.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestHeadersSpec;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hours and leaderboards summed by the real store (mongo-java-server in-process, MongoDB
 * where Docker runs) from shifts stored as the opportunity feature stores them. Each run
 * works in a race and an endorsement of its own, so other tests' shifts never count.
 */
@VolunteerServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class HoursIntegrationTests {

	private static final Instant OCTOBER_1 = Instant.parse("2026-10-01T16:00:00Z");

	private static final Instant OCTOBER_8 = Instant.parse("2026-10-08T16:00:00Z");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	private final String race = "race-" + UUID.randomUUID();

	private final String endorsement = "endorsement-" + UUID.randomUUID();

	private String columbia;

	private String kansasCity;

	private String ann;

	private String bob;

	private String cy;

	private String dee;

	private String eve;

	private String opportunity;

	@BeforeAll
	void volunteersWorkShiftsOfTheRace() {
		Organizers organizers = new Organizers(this.client);
		this.columbia = organizers.chapter("Hours Columbia", "MO");
		this.kansasCity = organizers.chapter("Hours Kansas City", "KS");
		this.ann = organizers.volunteer("Ann Able", this.columbia);
		this.bob = organizers.volunteer("Bob Baker", this.columbia);
		this.cy = organizers.volunteer("Cy Carter", this.kansasCity);
		this.dee = organizers.volunteer("Dee Dunn", this.columbia);
		this.eve = organizers.volunteer("Eve Evans", this.kansasCity);
		String fay = organizers.volunteer("Fay Ford", this.columbia);
		StoredShifts stored = new StoredShifts(this.mongo);
		this.opportunity = stored.opportunity("OPEN", this.columbia, "Phone bank for Jane Doe", null);
		String opportunity = this.opportunity;
		stored.shift(opportunity, OCTOBER_1, Duration.ofHours(3))
			.race(this.race, this.endorsement)
			.signup(this.ann, this.columbia, "ATTENDED", 3.0)
			.signup(this.bob, this.columbia, "ATTENDED", 5.0)
			.signup(this.cy, this.kansasCity, "ATTENDED", 2.5)
			.signup(this.eve, this.kansasCity, "NO_SHOW", null)
			.signup(fay, this.columbia, "REGISTERED", null)
			.store();
		stored.shift(opportunity, OCTOBER_8, Duration.ofHours(2))
			.race(this.race, this.endorsement)
			.signup(this.ann, this.columbia, "ATTENDED", 2.0)
			.signup(this.cy, this.kansasCity, "ATTENDED", 0.1)
			.signup(this.dee, this.columbia, "ATTENDED", 0.2)
			.signup(this.eve, this.kansasCity, "CANCELLED", null)
			.store();
		stored.shift(opportunity, OCTOBER_8.plus(Duration.ofDays(7)), Duration.ofHours(4))
			.race("another-" + this.race, null)
			.signup(this.ann, this.columbia, "ATTENDED", 4.0)
			.store();
		// After their shifts: Cy's hours stay Kansas City's, Dee's name is gone.
		organizers.move(this.cy, this.columbia);
		organizers.erase(this.dee);
	}

	@Test
	void volunteersAreRankedByHoursWithTiesSharingARankAndMoreShiftsFirst() {
		JsonNode board = get("/api/leaderboards/volunteers?raceId=" + this.race, TestTokens.staff());

		assertThat(rows(board)).containsExactly(row(1, this.ann, "Ann Able", this.columbia, 5.0, 2),
				row(1, this.bob, "Bob Baker", this.columbia, 5.0, 1),
				row(3, this.cy, "Cy Carter", this.kansasCity, 2.6, 2), row(4, this.dee, null, this.columbia, 0.2, 1));
		assertThat(board.get("page").get("totalElements").asInt()).isEqualTo(4);
	}

	@Test
	void anEndorsementSelectsTheSameShiftsAsItsRace() {
		assertThat(rows(get("/api/leaderboards/volunteers?endorsementId=" + this.endorsement, TestTokens.staff())))
			.isEqualTo(rows(get("/api/leaderboards/volunteers?raceId=" + this.race, TestTokens.staff())));
	}

	@Test
	void onlyShiftsStartingWithinFromAndToCount() {
		JsonNode board = get("/api/leaderboards/volunteers?raceId=" + this.race
				+ "&from=2026-10-05T00:00:00Z&to=2026-10-08T16:00:01Z", TestTokens.staff());

		assertThat(rows(board)).extracting((row) -> row.split(" ")[1] + " " + row.split(" ")[4])
			.containsExactly(this.ann + " 2.0", this.dee + " 0.2", this.cy + " 0.1");
		assertThat(rows(get("/api/leaderboards/volunteers?raceId=" + this.race + "&to=2026-10-08T16:00:00Z",
				TestTokens.staff())))
			.hasSize(3);
	}

	@Test
	void aChapterSeesTheHoursCountedForItOnlyAndTheNamesOfItsOwnMembers() {
		JsonNode columbiaBoard = get("/api/leaderboards/volunteers?raceId=" + this.race,
				TestTokens.chapter(this.columbia));
		JsonNode kansasCityBoard = get(
				"/api/leaderboards/volunteers?raceId=" + this.race + "&chapterId=" + this.kansasCity,
				TestTokens.chapter(this.kansasCity));

		assertThat(rows(columbiaBoard)).containsExactly(row(1, this.ann, "Ann Able", this.columbia, 5.0, 2),
				row(1, this.bob, "Bob Baker", this.columbia, 5.0, 1), row(3, this.dee, null, this.columbia, 0.2, 1));
		// Cy moved to Columbia: Kansas City keeps the hours but no longer sees the name.
		assertThat(rows(kansasCityBoard)).containsExactly(row(1, this.cy, null, this.kansasCity, 2.6, 2));
	}

	@Test
	void aPageOfTheBoardKeepsTheRanks() {
		JsonNode board = get("/api/leaderboards/volunteers?raceId=" + this.race + "&page=1&size=2", TestTokens.staff());

		assertThat(rows(board)).extracting((row) -> row.split(" ")[0] + " " + row.split(" ")[1])
			.containsExactly("3 " + this.cy, "4 " + this.dee);
		assertThat(board.get("page").get("totalPages").asInt()).isEqualTo(2);
	}

	@Test
	void chaptersAreRankedByTheirVolunteersHoursForAnyoneToSee() {
		JsonNode board = get("/api/leaderboards/chapters?raceId=" + this.race, null);

		assertThat(board.get("content")).hasSize(2);
		JsonNode first = board.get("content").get(0);
		assertThat(first.get("rank").asInt()).isEqualTo(1);
		assertThat(first.get("chapterId").asString()).isEqualTo(this.columbia);
		assertThat(first.get("name").asString()).startsWith("Hours Columbia");
		assertThat(first.get("state").asString()).isEqualTo("MO");
		assertThat(first.get("hours").asDouble()).isEqualTo(10.2);
		assertThat(first.get("volunteers").asInt()).isEqualTo(3);
		assertThat(first.get("shifts").asInt()).isEqualTo(2);
		JsonNode second = board.get("content").get(1);
		assertThat(second.get("rank").asInt()).isEqualTo(2);
		assertThat(second.get("chapterId").asString()).isEqualTo(this.kansasCity);
		assertThat(second.get("hours").asDouble()).isEqualTo(2.6);
		assertThat(second.get("volunteers").asInt()).as("a no-show is no volunteer's hours").isEqualTo(1);
		assertThat(second.get("shifts").asInt()).isEqualTo(2);
	}

	@Test
	void theChaptersOfAStateAreRankedAmongThemselves() {
		JsonNode board = get("/api/leaderboards/chapters?state=ks&raceId=" + this.race, null);

		assertThat(board.get("content")).hasSize(1);
		assertThat(board.get("content").get(0).get("chapterId").asString()).isEqualTo(this.kansasCity);
		assertThat(board.get("content").get(0).get("rank").asInt()).isEqualTo(1);
	}

	@Test
	void hoursLeftWithoutAVolunteerOrAChapterCountOnlyWhereTheyCan() {
		String race = "race-" + UUID.randomUUID();
		String noChapter = "volunteer-of-no-chapter-" + UUID.randomUUID();
		String gus = new Organizers(this.client).volunteer("Gus Green", this.columbia);
		new StoredShifts(this.mongo).shift(this.opportunity, OCTOBER_1, Duration.ofHours(2))
			.race(race, null)
			.signup(null, this.columbia, "ATTENDED", 2.0)
			.signup(gus, this.columbia, "ATTENDED", 1.0)
			.signup(noChapter, null, "ATTENDED", 1.5)
			.store();

		assertThat(rows(get("/api/leaderboards/volunteers?raceId=" + race, TestTokens.staff())))
			.containsExactly(row(1, noChapter, null, null, 1.5, 1), row(2, gus, "Gus Green", this.columbia, 1.0, 1));
		JsonNode chapters = get("/api/leaderboards/chapters?raceId=" + race, null);
		assertThat(chapters.get("content")).hasSize(1);
		assertThat(chapters.get("content").get(0).get("chapterId").asString()).isEqualTo(this.columbia);
		assertThat(chapters.get("content").get(0).get("hours").asDouble()).isEqualTo(3.0);
		assertThat(chapters.get("content").get(0).get("volunteers").asInt()).isEqualTo(1);
	}

	@Test
	void aVolunteersHoursListEveryShiftAttendedOrMissed() {
		JsonNode hours = get("/api/volunteers/" + this.ann + "/hours", TestTokens.chapter(this.columbia));

		assertThat(hours.get("volunteerId").asString()).isEqualTo(this.ann);
		assertThat(hours.get("hours").asDouble()).isEqualTo(9.0);
		assertThat(hours.get("shiftsAttended").asInt()).isEqualTo(3);
		assertThat(hours.get("noShows").asInt()).isZero();
		assertThat(hours.get("shifts")).hasSize(3);
		JsonNode first = hours.get("shifts").get(0);
		assertThat(first.get("startsAt").asString()).isEqualTo("2026-10-01T16:00:00Z");
		assertThat(first.get("title").asString()).isEqualTo("Phone bank");
		assertThat(first.get("hours").asDouble()).isEqualTo(3.0);
		assertThat(first.get("attended").asBoolean()).isTrue();
		assertThat(first.get("shiftId").asString()).isNotBlank();
		assertThat(first.get("opportunityId").asString()).isNotBlank();
	}

	@Test
	void aNoShowCountsNoHours() {
		JsonNode hours = get("/api/volunteers/" + this.eve + "/hours", TestTokens.staff());

		assertThat(hours.get("hours").asDouble()).isZero();
		assertThat(hours.get("shiftsAttended").asInt()).isZero();
		assertThat(hours.get("noShows").asInt()).isEqualTo(1);
		assertThat(hours.get("shifts").get(0).get("attended").asBoolean()).isFalse();
	}

	@ParameterizedTest(name = "{0}: 400 on {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/leaderboards/volunteers?from=2026-10-08T00:00:00Z&to=2026-10-01T00:00:00Z | to
			/api/leaderboards/volunteers?from=yesterday                                    | from
			/api/leaderboards/volunteers?size=0                                            | size
			/api/leaderboards/volunteers?size=101                                          | size
			/api/leaderboards/chapters?state=ZZ                                            | state
			/api/leaderboards/chapters?to=soon                                             | to
			/api/leaderboards/chapters?page=-1                                             | page
			""")
	void aBadParameterIsAProblemThatNamesIt(String path, String field) {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.exchange());

		assertThat(response).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.json.readTree(response.getExchangeResult().getResponseBodyContent())
			.get("errors")
			.get(0)
			.get("field")
			.asString()).isEqualTo(field);
	}

	private JsonNode get(String path, String token) {
		RequestHeadersSpec<?> request = this.client.get().uri(path);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		RestTestClientResponse response = RestTestClientResponse.from(request.exchange());
		assertThat(response).hasStatus(200);
		return this.json.readTree(response.getExchangeResult().getResponseBodyContent());
	}

	private static List<String> rows(JsonNode board) {
		List<String> rows = new ArrayList<>();
		board.get("content")
			.forEach((entry) -> rows.add(row(entry.get("rank").asInt(), entry.get("volunteerId").asString(),
					entry.get("name").isNull() ? null : entry.get("name").asString(),
					entry.get("chapterId").isNull() ? null : entry.get("chapterId").asString(),
					entry.get("hours").asDouble(), entry.get("shifts").asInt())));
		return rows;
	}

	private static String row(int rank, String volunteerId, String name, String chapterId, double hours, int shifts) {
		return rank + " " + volunteerId + " " + chapterId + " " + shifts + " " + hours + " " + name;
	}

}

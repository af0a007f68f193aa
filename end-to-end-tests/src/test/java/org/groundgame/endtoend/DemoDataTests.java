package org.groundgame.endtoend;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.groundgame.platform.DemoData;
import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.PlatformCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local platform's demo data, seeded through the real gateway and services: chapters,
 * nominations, a phone bank and the school's demo cohort.
 */
@ExtendWith(RunningPlatform.class)
class DemoDataTests {

	private final LocalPlatform platform;

	private final Gateway gateway;

	DemoDataTests(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
	}

	@Test
	void theFourChaptersOfMobilizeMissouriAreSeededOnceWithAnEndorsementInTheirInbox() {
		DemoData.Seeded seeded = this.platform.demoData().orElseThrow();
		List<String> chapters = chapterNamesInMissouri();

		assertThat(chapters).containsOnlyOnce("Mobilize Missouri - St. Louis", "Mobilize Missouri - Columbia",
				"Mobilize Missouri - Kansas City", "Mobilize Missouri - St. Joseph");
		assertThat(seeded.chapterIds()).containsOnlyKeys("St. Louis", "Columbia", "Kansas City", "St. Joseph");
		JsonNode endorsed = this.gateway.asStaff().get("/api/nominations/" + seeded.endorsedNominationId()).json(200);
		assertThat(endorsed.path("status").asString()).isEqualTo("ENDORSED");
		assertThat(endorsed.path("research").path("winNumber").asLong()).isEqualTo(7400);
		assertThat(this.gateway.asStaff()
			.get("/api/nominations/" + seeded.pendingNominationId())
			.json(200)
			.path("status")
			.asString()).isEqualTo("SUBMITTED");
		String endorsementId = endorsed.path("endorsementId").asString();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					new Organizers(this.gateway).inboxEntriesAbout(seeded.chapterIds().get("St. Louis"), endorsementId))
				.hasSize(1));
	}

	@Test
	void theChaptersAreSistersOfOurRevolutionAndStLouisRunsAPhoneBankForItsCandidate() {
		DemoData.Seeded seeded = this.platform.demoData().orElseThrow();
		String stLouis = seeded.chapterIds().get("St. Louis");

		JsonNode chapter = this.gateway.anonymous().get("/api/chapters/" + stLouis).json(200);
		assertThat(chapter.path("parentOrganization").asString()).isEqualTo("Our Revolution");
		assertThat(chapter.path("sisterChapters").valueStream().map((sister) -> sister.path("id").asString()))
			.containsExactlyInAnyOrder(seeded.chapterIds().get("Columbia"), seeded.chapterIds().get("Kansas City"),
					seeded.chapterIds().get("St. Joseph"));
		String endorsementId = this.gateway.asStaff()
			.get("/api/nominations/" + seeded.endorsedNominationId())
			.json(200)
			.path("endorsementId")
			.asString();
		JsonNode phoneBanks = this.gateway.anonymous()
			.get("/api/opportunities?state=MO&type=PHONE_BANK&endorsementId=" + endorsementId)
			.json(200);
		assertThat(phoneBanks.path("content").valueStream().toList()).singleElement().satisfies((phoneBank) -> {
			assertThat(phoneBank.path("title").asString()).isEqualTo("Phone bank for Avery Lindqvist");
			assertThat(phoneBank.path("chapterId").asString()).isEqualTo(stLouis);
			assertThat(phoneBank.path("shifts")).hasSize(2);
		});
	}

	@Test
	void theSchoolsDemoCohortHasMoreApplicantsThanSeatsSoItsWaitlistShows() {
		DemoData.Seeded seeded = this.platform.demoData().orElseThrow();

		JsonNode cohort = this.gateway.anonymous()
			.get("/api/training/cohorts?size=100")
			.json(200)
			.path("content")
			.valueStream()
			.filter((listed) -> listed.path("id").asString().equals(seeded.cohortId()))
			.findFirst()
			.orElseThrow();
		assertThat(cohort.path("name").asString()).isEqualTo("Campaign Leadership School — Candidate track");
		assertThat(cohort.path("track").asString()).isEqualTo("CANDIDATE");
		assertThat(cohort.path("capacity").asInt()).isEqualTo(3);
		assertThat(cohort.path("seatsLeft").asInt()).isZero();
		assertThat(cohort.path("waitlistLength").asInt()).isEqualTo(1);
		assertThat(LocalDate.parse(cohort.path("startsOn").asString())).isAfter(LocalDate.now().plusWeeks(3));
		List<String> statuses = this.gateway.asStaff()
			.get("/api/training/cohorts/" + seeded.cohortId() + "/enrollments")
			.json(200)
			.valueStream()
			.map((enrollment) -> enrollment.path("status").asString())
			.toList();
		assertThat(statuses).containsExactly("ENROLLED", "ENROLLED", "ENROLLED", "WAITLISTED");
	}

	@Test
	void eachDemoChapterHasAnOrganizerWhoHasChosenTheirPassword() {
		DemoData.Seeded seeded = this.platform.demoData().orElseThrow();
		Map<String, PlatformCredentials.Client> organizers = this.platform.demoOrganizers();

		assertThat(organizers).containsOnlyKeys(seeded.chapterIds().keySet());
		// Every person, however many the other tests invited.
		List<JsonNode> people = new java.util.ArrayList<>();
		for (int page = 0, pages = 1; page < pages; page++) {
			JsonNode listed = this.gateway.asStaff().get("/api/people?size=100&page=" + page).json(200);
			listed.path("content").forEach(people::add);
			pages = listed.path("page").path("totalPages").asInt();
		}
		organizers.forEach((city, organizer) -> assertThat(people)
			.filteredOn((person) -> person.path("email").asString().equals(organizer.clientId()))
			.singleElement()
			.satisfies((person) -> {
				assertThat(person.path("role").asString()).isEqualTo("CHAPTER");
				assertThat(person.path("chapterId").asString()).isEqualTo(seeded.chapterIds().get(city));
				assertThat(person.path("status").asString()).isEqualTo("ACTIVE");
			}));
	}

	@Test
	void seedingAgainAddsNothing() {
		DemoData.Seeded first = this.platform.demoData().orElseThrow();
		Map<String, PlatformCredentials.Client> organizers = this.platform.demoOrganizers();
		List<String> chapters = chapterNamesInMissouri();

		DemoData.Seeded again = this.platform.seedDemoData();

		assertThat(again.created()).isEmpty();
		assertThat(again.chapterIds()).isEqualTo(first.chapterIds());
		assertThat(again.endorsedNominationId()).isEqualTo(first.endorsedNominationId());
		assertThat(again.pendingNominationId()).isEqualTo(first.pendingNominationId());
		assertThat(again.cohortId()).isEqualTo(first.cohortId());
		assertThat(this.platform.demoOrganizers()).isEqualTo(organizers);
		assertThat(chapterNamesInMissouri()).hasSameSizeAs(chapters);
	}

	private List<String> chapterNamesInMissouri() {
		return this.gateway.get("/api/chapters?state=MO&size=100")
			.json(200)
			.path("content")
			.valueStream()
			.map((chapter) -> chapter.path("name").asString())
			.toList();
	}

}

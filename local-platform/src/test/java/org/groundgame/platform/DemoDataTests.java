package org.groundgame.platform;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class DemoDataTests {

	private final StubGateway gateway = new StubGateway();

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void seedsTheFourMissouriChaptersTwoNominationsAndOneEndorsement() {
		DemoData.Seeded seeded = DemoData.seed(this.gateway.uri());

		assertThat(this.gateway.chapterNames()).containsExactly("Mobilize Missouri - St. Louis",
				"Mobilize Missouri - Columbia", "Mobilize Missouri - Kansas City", "Mobilize Missouri - St. Joseph");
		assertThat(seeded.chapterIds()).containsExactly(entry("St. Louis", "chapter-1"), entry("Columbia", "chapter-2"),
				entry("Kansas City", "chapter-3"), entry("St. Joseph", "chapter-4"));
		assertThat(this.gateway.nominationStatuses()).containsOnly(entry("Avery Lindqvist", "ENDORSED"),
				entry("Marisol Tran", "SUBMITTED"));
		assertThat(this.gateway.nominations.get(0).path("nominatedBy").path("chapterId").asString())
			.isEqualTo("chapter-1");
		assertThat(this.gateway.nominations.get(1).path("nominatedBy").path("chapterId").asString())
			.isEqualTo("chapter-2");
		assertThat(seeded.created()).hasSize(7);
	}

	@Test
	void seedingAgainAddsNothing() {
		DemoData.Seeded first = DemoData.seed(this.gateway.uri());
		int writes = this.gateway.writes.size();

		DemoData.Seeded second = DemoData.seed(this.gateway.uri());

		assertThat(this.gateway.writes).hasSize(writes);
		assertThat(second.created()).isEmpty();
		assertThat(second.chapterIds()).isEqualTo(first.chapterIds());
		assertThat(second.endorsedNominationId()).isEqualTo(first.endorsedNominationId());
		assertThat(second.pendingNominationId()).isEqualTo(first.pendingNominationId());
	}

	@Test
	void onlyWhatIsMissingIsAdded() {
		this.gateway.chapters.add(JsonMapper.shared()
			.createObjectNode()
			.put("id", "existing")
			.put("name", "Mobilize Missouri - Columbia")
			.put("state", "MO"));

		DemoData.Seeded seeded = DemoData.seed(this.gateway.uri());

		assertThat(seeded.chapterIds()).containsEntry("Columbia", "existing");
		assertThat(this.gateway.chapterNames()).hasSize(4).containsOnlyOnce("Mobilize Missouri - Columbia");
	}

	@Test
	void aNominationLeftUndecidedByAnInterruptedSeedingIsEndorsed() {
		DemoData.seed(this.gateway.uri());
		this.gateway.nominations.get(0).put("status", "UNDER_REVIEW");

		DemoData.Seeded seeded = DemoData.seed(this.gateway.uri());

		assertThat(seeded.created()).containsExactly("endorsement of Avery Lindqvist");
		assertThat(this.gateway.nominationStatuses()).containsEntry("Avery Lindqvist", "ENDORSED");
	}

	@Test
	void racesAreForTheNextElectionsSoThatTheyAreNeverInThePast() {
		assertThat(DemoData.nextGeneralElection(LocalDate.of(2026, 1, 10))).isEqualTo(LocalDate.of(2026, 11, 3));
		assertThat(DemoData.nextGeneralElection(LocalDate.of(2026, 11, 3))).isEqualTo(LocalDate.of(2028, 11, 7));
		assertThat(DemoData.nextGeneralElection(LocalDate.of(2027, 6, 1))).isEqualTo(LocalDate.of(2028, 11, 7));
		assertThat(DemoData.nextMunicipalElection(LocalDate.of(2026, 11, 22))).isEqualTo(LocalDate.of(2027, 4, 6));
		assertThat(DemoData.nextMunicipalElection(LocalDate.of(2027, 4, 6))).isEqualTo(LocalDate.of(2028, 4, 4));

		DemoData.seed(this.gateway.uri());

		assertThat(this.gateway.nominations).allSatisfy(
				(nomination) -> assertThat(LocalDate.parse(nomination.path("race").path("electionDate").asString()))
					.isAfter(LocalDate.now()));
	}

	@Test
	void everyPersonIsFictionalWithAReservedAddress() {
		DemoData.seed(this.gateway.uri());

		assertThat(this.gateway.chapters).allSatisfy((chapter) -> assertThat(chapter.path("contactEmail").asString())
			.endsWith("@mobilize-missouri.example"));
		assertThat(this.gateway.nominations).allSatisfy((nomination) -> {
			assertThat(nomination.path("candidate").path("email").asString()).endsWith("@example.org");
			assertThat(nomination.path("nominatedBy").path("email").asString()).endsWith("@example.org");
			assertThat(nomination.path("statement").asString()).startsWith("Fictional demo data");
		});
	}

}

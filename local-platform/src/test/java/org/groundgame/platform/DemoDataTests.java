package org.groundgame.platform;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class DemoDataTests {

	private static final String STAFF_ID = "ground-game-staff";

	private static final String STAFF_SECRET = "staff-secret";

	@TempDir
	Path dataDirectory;

	private final StubGateway gateway = new StubGateway(STAFF_ID, STAFF_SECRET);

	private PlatformCredentials credentials() {
		return PlatformCredentials.load(this.dataDirectory,
				(name) -> name.equals(PlatformCredentials.STAFF_SECRET_VARIABLE) ? STAFF_SECRET : null);
	}

	private DemoData.Seeded seed() {
		return DemoData.seed(this.gateway.uri(), credentials());
	}

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void seedsTheFourMissouriChaptersTwoNominationsAndOneEndorsement() {
		DemoData.Seeded seeded = seed();

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
		// Researched before it was endorsed, so that the race's impact page has research.
		assertThat(this.gateway.nominations.get(0).path("research").path("winNumber").asInt()).isEqualTo(7400);
		assertThat(this.gateway.nominations.get(1).has("research")).isFalse();
		assertThat(this.gateway.questionnaires).hasSize(2)
			.allSatisfy((cycle, bank) -> assertThat(bank.path("questions")).hasSize(DemoData.QUESTIONS.size()));
		// 4 chapters, 4 clients, 2 questionnaires, 2 nominations, 1 endorsement, 1 phone
		// bank, 1 cohort and 4 applications.
		assertThat(seeded.created()).hasSize(19);
	}

	@Test
	void theChaptersClientsAreMadeOnceIdentityServiceHasHeardOfTheChapters() {
		// identity-service hears of a chapter from volunteer-service's events, a moment
		// after the chapter was registered: until then it refuses the chapter's client.
		this.gateway.chaptersNotYetKnown.set(3);

		DemoData.Seeded seeded = seed();

		assertThat(this.gateway.clientsRefused).hasValue(3);
		assertThat(seeded.chapterClients()).hasSize(4);
	}

	@Test
	void theSchoolOpensACandidateCohortAboutAMonthAheadWithMoreApplicantsThanSeats() {
		DemoData.Seeded seeded = seed();

		assertThat(this.gateway.cohorts).singleElement().satisfies((cohort) -> {
			assertThat(cohort.path("id").asString()).isEqualTo(seeded.cohortId());
			assertThat(cohort.path("name").asString()).isEqualTo("Campaign Leadership School — Candidate track");
			assertThat(cohort.path("track").asString()).isEqualTo("CANDIDATE");
			assertThat(cohort.path("capacity").asInt()).isEqualTo(3);
			List<LocalDate> sessions = cohort.path("sessions")
				.valueStream()
				.map((session) -> LocalDate.parse(session.asString()))
				.toList();
			assertThat(sessions).hasSize(3).isSorted();
			assertThat(sessions.get(0)).isBetween(LocalDate.now().plusDays(27), LocalDate.now().plusDays(36));
			assertThat(LocalDate.parse(cohort.path("applicationDeadline").asString())).isAfterOrEqualTo(LocalDate.now())
				.isBefore(sessions.get(0));
		});
		List<ObjectNode> roster = this.gateway.rosters.get(seeded.cohortId());
		assertThat(roster).extracting((enrollment) -> enrollment.path("status").asString())
			.containsExactly("ENROLLED", "ENROLLED", "ENROLLED", "WAITLISTED");
		assertThat(roster).allSatisfy((enrollment) -> {
			assertThat(enrollment.path("answers")).hasSize(DemoData.REFLECTION_QUESTIONS.size());
			assertThat(enrollment.path("state").asString()).isEqualTo("MO");
			assertThat(seeded.chapterIds()).containsValue(enrollment.path("chapterId").asString());
		});
		// People apply as anyone would, without a token.
		assertThat(this.gateway.applicationAuthorizations).hasSize(4).containsOnly("");
		// The output names no trainee.
		assertThat(String.join(", ", seeded.created())).doesNotContain(DemoData.APPLICANTS.stream()
			.flatMap((applicant) -> java.util.stream.Stream.of(applicant.name(), applicant.email()))
			.toArray(String[]::new));
	}

	/**
	 * The school checks each applicant's chapter against its own projection of the
	 * chapters, which hears of the demo chapters a moment after they are registered: the
	 * seeder tries an application again while the school refuses only its chapter.
	 */
	@Test
	void applicationsWaitUntilTheSchoolHasHeardOfTheChaptersJustRegistered() {
		this.gateway.chapterUnheardOfFor.set(3);

		DemoData.Seeded seeded = seed();

		assertThat(this.gateway.applicationsRefusedForTheChapter).hasValue(3);
		assertThat(this.gateway.rosters.get(seeded.cohortId())).hasSize(4);
		assertThat(seeded.created()).contains("application 1 to the demo cohort (enrolled)",
				"application 4 to the demo cohort (waitlisted)");
	}

	@Test
	void anApplicantMissingFromTheDemoCohortAppliesAgainAndNobodyElse() {
		DemoData.Seeded first = seed();
		List<ObjectNode> roster = this.gateway.rosters.get(first.cohortId());
		roster.remove(roster.size() - 1);

		DemoData.Seeded second = seed();

		assertThat(second.created()).containsExactly("application 4 to the demo cohort (waitlisted)");
		assertThat(second.cohortId()).isEqualTo(first.cohortId());
		assertThat(this.gateway.cohorts).hasSize(1);
		assertThat(roster).hasSize(4);
	}

	@Test
	void nobodyAppliesToADemoCohortWhoseDeadlinePassed() {
		DemoData.Seeded first = seed();
		this.gateway.cohorts.get(0).put("applicationDeadline", LocalDate.now().minusDays(1).toString());
		this.gateway.rosters.get(first.cohortId()).clear();

		DemoData.Seeded second = seed();

		assertThat(second.created()).isEmpty();
		assertThat(this.gateway.rosters.get(first.cohortId())).isEmpty();
	}

	@Test
	void theChaptersBelongToOurRevolutionAndTheOthersAreStLouisSisters() {
		seed();

		assertThat(this.gateway.chapters).allSatisfy(
				(chapter) -> assertThat(chapter.path("parentOrganization").asString()).isEqualTo("Our Revolution"));
		assertThat(this.gateway.chapters.get(0).path("sisterChapterIds")).isEmpty();
		assertThat(this.gateway.chapters.subList(1, 4)).allSatisfy((chapter) -> assertThat(
				chapter.path("sisterChapterIds").valueStream().map((id) -> id.asString()).toList())
			.containsExactly("chapter-1"));
	}

	@Test
	void theStLouisChapterRunsAPhoneBankForItsEndorsedCandidateWithTwoFutureShifts() {
		seed();

		assertThat(this.gateway.opportunities).singleElement().satisfies((phoneBank) -> {
			assertThat(phoneBank.path("title").asString()).isEqualTo(DemoData.PHONE_BANK_TITLE);
			assertThat(phoneBank.path("type").asString()).isEqualTo("PHONE_BANK");
			assertThat(phoneBank.path("chapterId").asString()).isEqualTo("chapter-1");
			assertThat(phoneBank.path("endorsementId").asString()).isEqualTo("endorsement-nomination-1");
			assertThat(phoneBank.path("shifts")).hasSize(2).allSatisfy((shift) -> {
				assertThat(java.time.Instant.parse(shift.path("startsAt").asString())).isInTheFuture();
				assertThat(shift.path("capacity").asInt()).isEqualTo(12);
			});
		});
	}

	@Test
	void eachDemoChapterGetsItsOwnClientKeptPrivatelyInTheDataFolder() throws Exception {
		DemoData.Seeded seeded = seed();

		assertThat(seeded.chapterClients()).hasSize(4);
		assertThat(seeded.staffClient().clientId()).isEqualTo(STAFF_ID);
		PlatformCredentials kept = credentials();
		seeded.chapterIds()
			.forEach((city, chapterId) -> assertThat(kept.chapter(chapterId))
				.contains(seeded.chapterClients().get(city)));
		assertThat(this.gateway.clients.get(seeded.chapterClients().get("Columbia").clientId())[1])
			.isEqualTo(seeded.chapterIds().get("Columbia"));
		if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			assertThat(java.nio.file.attribute.PosixFilePermissions
				.toString(java.nio.file.Files.getPosixFilePermissions(kept.file()))).isEqualTo("rw-------");
		}
	}

	@Test
	void aChapterClientTheIdentityServiceNoLongerKnowsIsMadeAgain() {
		DemoData.Seeded first = seed();
		String forgotten = first.chapterClients().get("St. Joseph").clientId();
		this.gateway.clients.remove(forgotten);

		DemoData.Seeded second = seed();

		assertThat(second.created()).containsExactly("client of Mobilize Missouri - St. Joseph");
		assertThat(second.chapterClients().get("St. Joseph").clientId()).isNotEqualTo(forgotten);
		assertThat(credentials().chapter(second.chapterIds().get("St. Joseph")))
			.contains(second.chapterClients().get("St. Joseph"));
	}

	@Test
	void aWrongStaffSecretStopsSeedingWithAClearMessage() {
		PlatformCredentials wrong = PlatformCredentials.load(this.dataDirectory,
				(name) -> name.equals(PlatformCredentials.STAFF_SECRET_VARIABLE) ? "not-the-secret" : null);

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> DemoData.seed(this.gateway.uri(), wrong))
			.withMessageContaining("refused client " + STAFF_ID);
		assertThat(this.gateway.writes).isEmpty();
	}

	@Test
	void seedingAgainAddsNothing() {
		DemoData.Seeded first = seed();
		int writes = this.gateway.writes.size();

		DemoData.Seeded second = seed();

		assertThat(this.gateway.writes).hasSize(writes);
		assertThat(second.created()).isEmpty();
		assertThat(second.chapterIds()).isEqualTo(first.chapterIds());
		assertThat(second.endorsedNominationId()).isEqualTo(first.endorsedNominationId());
		assertThat(second.pendingNominationId()).isEqualTo(first.pendingNominationId());
		assertThat(second.cohortId()).isEqualTo(first.cohortId());
	}

	@Test
	void onlyWhatIsMissingIsAdded() {
		this.gateway.chapters.add(JsonMapper.shared()
			.createObjectNode()
			.put("id", "existing")
			.put("name", "Mobilize Missouri - Columbia")
			.put("state", "MO"));

		DemoData.Seeded seeded = seed();

		assertThat(seeded.chapterIds()).containsEntry("Columbia", "existing");
		assertThat(this.gateway.chapterNames()).hasSize(4).containsOnlyOnce("Mobilize Missouri - Columbia");
	}

	@Test
	void aNominationLeftUndecidedByAnInterruptedSeedingIsEndorsed() {
		seed();
		this.gateway.nominations.get(0).put("status", "UNDER_REVIEW");

		DemoData.Seeded seeded = seed();

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

		seed();

		assertThat(this.gateway.nominations).allSatisfy(
				(nomination) -> assertThat(LocalDate.parse(nomination.path("race").path("electionDate").asString()))
					.isAfter(LocalDate.now()));
	}

	@Test
	void everyPersonIsFictionalWithAReservedAddress() {
		seed();

		assertThat(this.gateway.chapters).allSatisfy((chapter) -> assertThat(chapter.path("contactEmail").asString())
			.endsWith("@mobilize-missouri.example"));
		assertThat(this.gateway.nominations).allSatisfy((nomination) -> {
			assertThat(nomination.path("candidate").path("email").asString()).endsWith("@example.org");
			assertThat(nomination.path("nominatedBy").path("email").asString()).endsWith("@example.org");
			assertThat(nomination.path("statement").asString()).startsWith("Fictional demo data");
		});
		assertThat(this.gateway.rosters.values()).allSatisfy((roster) -> assertThat(roster).isNotEmpty()
			.allSatisfy((trainee) -> assertThat(trainee.path("email").asString()).endsWith("@example.org")));
	}

}

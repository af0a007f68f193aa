package org.groundgame.training.ladder;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.groundgame.security.Caller;
import org.groundgame.training.cohort.Trainees.TraineeEnrollment;
import org.groundgame.training.ladder.Ladder.ChapterRungs;
import org.groundgame.training.ladder.Ladder.Rungs;
import org.groundgame.training.pipeline.PipelineLinks.PersonCandidacy;

import org.springframework.data.web.PagedModel.PageMetadata;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/training/ladder}: the leadership ladder — how many volunteers of each
 * chapter went on to the school, ran, were endorsed and won (staff and training staff:
 * every chapter; a chapter: its own row) — and {@code /api/training/ladder/people}: one
 * person's path, looked up by address (staff and training staff only).
 */
@RestController
@Tag(name = "Ladder", description = "The leadership ladder: volunteered, trained, ran, endorsed, won, per chapter")
class LadderController {

	static final String PATH = "/api/training/ladder";

	static final int MAX_PAGE_SIZE = 100;

	private final LadderService ladder;

	LadderController(LadderService ladder) {
		this.ladder = ladder;
	}

	/**
	 * @param chapterId one chapter's row only (a chapter may ask for its own only)
	 * @return a page of chapters' rows (ordered by chapter id, volunteers without a
	 * chapter last) and the total of every row the caller may see
	 */
	@Operation(summary = "The leadership ladder per chapter")
	@GetMapping(PATH)
	LadderResponse ladder(@RequestParam(required = false) String chapterId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size, Caller caller) {
		List<ChapterRungs> rows = this.ladder.rows(chapterId, caller);
		int from = (int) Math.min((long) page * size, rows.size());
		int to = Math.min(from + size, rows.size());
		List<ChapterRow> content = rows.subList(from, to)
			.stream()
			.map((row) -> new ChapterRow(row.chapterId(), Counts.of(row.rungs())))
			.toList();
		return new LadderResponse(Counts.of(Ladder.total(rows)), content,
				new PageMetadata(size, page, rows.size(), (rows.size() + size - 1) / size));
	}

	/**
	 * @param email the person's address, in any case: an address nobody holds gives an
	 * empty path
	 */
	@Operation(summary = "One person's path up the ladder, by address (school staff)")
	@GetMapping(PATH + "/people")
	PathResponse person(@RequestParam(required = false) String email, Caller caller) {
		return PathResponse.of(this.ladder.path(email, caller));
	}

	record LadderResponse(Counts total, List<ChapterRow> content, PageMetadata page) {
	}

	/**
	 * @param chapterId the chapter, or {@code null} for volunteers without one
	 */
	record ChapterRow(String chapterId, Counts counts) {
	}

	record Counts(long volunteered, long trained, long ran, long endorsed, long won) {

		static Counts of(Rungs rungs) {
			return new Counts(rungs.volunteered(), rungs.trained(), rungs.ran(), rungs.endorsed(), rungs.won());
		}

	}

	/**
	 * One person's path: which rungs they reached, and what is behind each. No address,
	 * name or key.
	 */
	record PathResponse(Reached reached, List<VolunteeringRow> volunteering, List<EnrollmentRow> enrollments,
			List<CandidacyRow> candidacies) {

		static PathResponse of(LadderService.Path path) {
			return new PathResponse(
					new Reached(path.volunteered(), path.trained(), path.ran(), path.endorsed(), path.won()),
					path.volunteering()
						.stream()
						.map((volunteer) -> new VolunteeringRow(volunteer.volunteerId(), volunteer.chapterId(),
								volunteer.hours(), volunteer.shifts()))
						.toList(),
					path.enrollments().stream().map(EnrollmentRow::of).toList(),
					path.candidacies().stream().map(CandidacyRow::of).toList());
		}

	}

	record Reached(boolean volunteered, boolean trained, boolean ran, boolean endorsed, boolean won) {
	}

	/**
	 * @param shifts how many shifts they attended
	 */
	record VolunteeringRow(String volunteerId, String chapterId, double hours, int shifts) {
	}

	record EnrollmentRow(String enrollmentId, String cohortId, String cohortName, String track, LocalDate startsOn,
			String status, String chapterId) {

		static EnrollmentRow of(TraineeEnrollment enrollment) {
			return new EnrollmentRow(enrollment.enrollmentId(), enrollment.cohortId(), enrollment.cohortName(),
					enrollment.track(), enrollment.startsOn(), enrollment.status(), enrollment.chapterId());
		}

	}

	/**
	 * @param linked whether the pipeline linked it to them as a graduate (only those
	 * count on the ladder)
	 * @param race the race, or {@code null} while its nomination is not known
	 */
	record CandidacyRow(String nominationId, boolean linked, RaceRow race, boolean endorsed, boolean rescinded,
			String outcome) {

		static CandidacyRow of(PersonCandidacy candidacy) {
			return new CandidacyRow(candidacy.nominationId(), candidacy.linked(),
					(candidacy.race() != null) ? new RaceRow(candidacy.race().office(), candidacy.race().level(),
							candidacy.race().state(), candidacy.race().district(), candidacy.race().jurisdiction(),
							candidacy.race().electionDate()) : null,
					candidacy.endorsed(), candidacy.rescinded(), candidacy.outcome());
		}

	}

	record RaceRow(String office, String level, String state, String district, String jurisdiction,
			LocalDate electionDate) {
	}

}

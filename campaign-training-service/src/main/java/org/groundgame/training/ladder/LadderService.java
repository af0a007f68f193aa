package org.groundgame.training.ladder;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.groundgame.events.EmailKeys;
import org.groundgame.events.volunteer.AttendanceRecorded;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerUpdated;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.training.cohort.Trainees;
import org.groundgame.training.cohort.Trainees.TraineeEnrollment;
import org.groundgame.training.ladder.Ladder.ChapterRungs;
import org.groundgame.training.ladder.Ladder.Climb;
import org.groundgame.training.pipeline.PipelineLinks;
import org.groundgame.training.pipeline.PipelineLinks.PersonCandidacy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The leadership ladder: volunteer hours, the school, candidacy, endorsement, result.
 * Keeps volunteer-service's volunteers as far as the ladder needs them, counts each
 * chapter's climbers, and draws one person's path for the school's staff. Logs ids only:
 * addresses and e-mail keys are personal data.
 */
@Service
class LadderService {

	private static final Logger log = LoggerFactory.getLogger(LadderService.class);

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

	private static final String COMPLETED = "COMPLETED";

	private static final String WON = "WON";

	private final LadderVolunteerStore volunteers;

	private final PipelineLinks pipeline;

	private final Trainees trainees;

	LadderService(LadderVolunteerStore volunteers, PipelineLinks pipeline, Trainees trainees) {
		this.volunteers = volunteers;
		this.pipeline = pipeline;
		this.trainees = trainees;
	}

	void signedUp(VolunteerSignedUp signedUp) {
		this.volunteers.profile(signedUp.volunteerId(), signedUp.email(), signedUp.chapterId(), signedUp.occurredAt());
	}

	void updated(VolunteerUpdated updated) {
		this.volunteers.profile(updated.volunteerId(), updated.email(), updated.chapterId(), updated.occurredAt());
	}

	void attendanceRecorded(AttendanceRecorded recorded) {
		if (recorded.volunteerId() == null || recorded.signupId() == null) {
			log.warn("Attendance {} names no volunteer or sign-up; not on the ladder", recorded.eventId());
			return;
		}
		this.volunteers.attendance(recorded);
	}

	void erased(VolunteerErased erased) {
		this.volunteers.erase(erased);
		log.info("Volunteer {} erased from the ladder", erased.volunteerId());
	}

	/**
	 * The ladder's rows: every chapter's (or one's) for the school's staff and national
	 * staff, a chapter's own for a chapter.
	 * @param only one chapter's row only, or {@code null} for every row the caller may
	 * see
	 */
	List<ChapterRungs> rows(String only, Caller caller) {
		caller.requireToken();
		String chapterId;
		if (caller.mayRunTheSchool()) {
			chapterId = (only != null && !only.isBlank()) ? only.strip() : null;
		}
		else if (caller.isChapter()) {
			if (only != null && !only.isBlank() && !only.strip().equals(caller.chapterId())) {
				throw new AccessDeniedException("This belongs to another chapter");
			}
			chapterId = caller.chapterId();
		}
		else {
			throw new AccessDeniedException("Only staff and chapters see the leadership ladder");
		}
		List<Volunteer> counted = this.volunteers.withAttendance(chapterId)
			.stream()
			.filter(Volunteer::volunteered)
			.toList();
		Set<String> keys = counted.stream()
			.map(Volunteer::emailKey)
			.filter((key) -> key != null)
			.collect(Collectors.toSet());
		Map<String, PipelineLinks.Reached> reached = this.pipeline.reachedBy(keys);
		List<ChapterRungs> rows = Ladder.count(counted, (key) -> {
			PipelineLinks.Reached graduate = reached.get(key);
			return (graduate != null) ? new Climb(true, graduate.ran(), graduate.endorsed(), graduate.won())
					: Climb.NONE;
		});
		if (chapterId != null && rows.isEmpty()) {
			return List.of(new ChapterRungs(chapterId, Ladder.Rungs.NONE));
		}
		return rows;
	}

	/**
	 * One person's path, for the school's staff and national staff: an address nobody
	 * holds gives an empty path.
	 */
	Path path(String email, Caller caller) {
		caller.requireSchoolStaff();
		if (email == null || email.isBlank()) {
			throw new InvalidInputException("email", "is required");
		}
		if (email.strip().length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
			throw new InvalidInputException("email", "must be an e-mail address");
		}
		String key = EmailKeys.of(email);
		List<Volunteer> volunteering = this.volunteers.withEmailKey(key);
		List<TraineeEnrollment> enrollments = this.trainees.enrollmentsOf(email);
		List<PersonCandidacy> candidacies = this.pipeline.candidaciesOf(key);
		return new Path(volunteering, enrollments, candidacies);
	}

	/**
	 * What the ladder knows of one person. Each rung on its own, as a fact of their path
	 * (the counts ask the rung below as well): {@code trained} is a completed cohort;
	 * {@code ran}, {@code endorsed} and {@code won} are of the candidacies linked to them
	 * as a graduate, as in the counts.
	 */
	record Path(List<Volunteer> volunteering, List<TraineeEnrollment> enrollments, List<PersonCandidacy> candidacies) {

		boolean volunteered() {
			return this.volunteering.stream().anyMatch(Volunteer::volunteered);
		}

		boolean trained() {
			return this.enrollments.stream().anyMatch((enrollment) -> COMPLETED.equals(enrollment.status()));
		}

		boolean ran() {
			return this.candidacies.stream().anyMatch(PersonCandidacy::linked);
		}

		boolean endorsed() {
			return this.candidacies.stream()
				.anyMatch((candidacy) -> candidacy.linked() && candidacy.endorsed() && !candidacy.rescinded());
		}

		boolean won() {
			return this.candidacies.stream()
				.anyMatch((candidacy) -> candidacy.linked() && WON.equals(candidacy.outcome()));
		}

	}

}

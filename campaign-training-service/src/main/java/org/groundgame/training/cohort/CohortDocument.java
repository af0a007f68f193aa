package org.groundgame.training.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.groundgame.support.outbox.HasOutbox;
import org.groundgame.support.outbox.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A cohort as stored: its roster ({@code enrollments}) inside it, with the events not yet
 * published (the embedded outbox). Inserted whole once; after that only changed with a
 * targeted, version-checked update ({@link CohortStore#update}), never replaced: the
 * relay removes published events without touching the version, and a replacement built
 * from an older read would put them back.
 */
@Document(CohortDocument.COLLECTION)
class CohortDocument implements HasOutbox {

	static final String COLLECTION = "cohorts";

	@Id
	private final String id;

	private final String name;

	private final String track;

	private final LocalDate startsOn;

	private final List<LocalDate> sessions;

	private final String format;

	private final String location;

	private final int capacity;

	private final LocalDate applicationDeadline;

	private final int offerHours;

	private final List<String> reflectionQuestions;

	private final List<EnrollmentEntry> enrollments;

	private final long nextSequence;

	private final List<Integer> attendanceTaken;

	private final Instant completedAt;

	private final List<OutboxEvent> outbox;

	@Version
	private Long version;

	@PersistenceCreator
	CohortDocument(String id, String name, String track, LocalDate startsOn, List<LocalDate> sessions, String format,
			String location, int capacity, LocalDate applicationDeadline, int offerHours,
			List<String> reflectionQuestions, List<EnrollmentEntry> enrollments, long nextSequence,
			List<Integer> attendanceTaken, Instant completedAt, List<OutboxEvent> outbox, Long version) {
		this.id = id;
		this.name = name;
		this.track = track;
		this.startsOn = startsOn;
		this.sessions = (sessions != null) ? List.copyOf(sessions) : List.of();
		this.format = format;
		this.location = location;
		this.capacity = capacity;
		this.applicationDeadline = applicationDeadline;
		this.offerHours = offerHours;
		this.reflectionQuestions = (reflectionQuestions != null) ? List.copyOf(reflectionQuestions) : List.of();
		this.enrollments = (enrollments != null) ? List.copyOf(enrollments) : List.of();
		this.nextSequence = nextSequence;
		this.attendanceTaken = (attendanceTaken != null) ? List.copyOf(attendanceTaken) : List.of();
		this.completedAt = completedAt;
		this.outbox = (outbox != null) ? new ArrayList<>(outbox) : new ArrayList<>();
		this.version = version;
	}

	static CohortDocument newCohort(Cohort cohort) {
		return new CohortDocument(cohort.id(), cohort.name(), cohort.track().name(), cohort.startsOn(),
				cohort.sessions(), cohort.format().name(), cohort.location(), cohort.capacity(),
				cohort.applicationDeadline(), cohort.offerHours(), cohort.reflectionQuestions(), entries(cohort),
				cohort.nextSequence(), List.copyOf(cohort.attendanceTaken()), cohort.completedAt(), new ArrayList<>(),
				null);
	}

	static List<EnrollmentEntry> entries(Cohort cohort) {
		return cohort.enrollments().stream().map(EnrollmentEntry::of).toList();
	}

	Cohort toCohort() {
		return new Cohort(this.id, this.name, Track.valueOf(this.track), this.sessions,
				CohortFormat.valueOf(this.format), this.location, this.capacity, this.applicationDeadline,
				this.offerHours, this.reflectionQuestions,
				this.enrollments.stream().map(EnrollmentEntry::toEnrollment).toList(), this.nextSequence,
				new TreeSet<>(this.attendanceTaken), this.completedAt);
	}

	String getId() {
		return this.id;
	}

	@Override
	public List<OutboxEvent> getOutbox() {
		return this.outbox;
	}

	Long getVersion() {
		return this.version;
	}

	/**
	 * One enrollment as stored in the cohort's {@code enrollments} array. Its id is
	 * stored as {@code id} (an embedded object's {@code id} would otherwise become
	 * {@code _id}). Only the hash of the manage token is kept.
	 */
	record EnrollmentEntry(@Field("id") String id, String name, String email, String state, String chapterId,
			boolean plansToRun, String office, List<String> answers, String status, long sequence, Instant appliedAt,
			Instant changedAt, Instant offerExpiresAt, String overrideReason, String manageTokenHash,
			String offerTokenHash, List<Integer> attended, Instant erasedAt, Instant linkResentAt, String language) {

		static EnrollmentEntry of(Enrollment enrollment) {
			return new EnrollmentEntry(enrollment.id(), enrollment.name(), enrollment.email(), enrollment.state(),
					enrollment.chapterId(), enrollment.plansToRun(), enrollment.office(), enrollment.answers(),
					enrollment.status().name(), enrollment.sequence(), enrollment.appliedAt(), enrollment.changedAt(),
					enrollment.offerExpiresAt(), enrollment.overrideReason(), enrollment.manageTokenHash(),
					enrollment.offerTokenHash(), List.copyOf(enrollment.attended()), enrollment.erasedAt(),
					enrollment.linkResentAt(), enrollment.language().code());
		}

		Enrollment toEnrollment() {
			return new Enrollment(this.id, this.name, this.email, this.state, this.chapterId, this.plansToRun,
					this.office, this.answers, EnrollmentStatus.valueOf(this.status), this.sequence, this.appliedAt,
					this.changedAt, this.offerExpiresAt, this.overrideReason, this.manageTokenHash, this.offerTokenHash,
					(this.attended != null) ? new TreeSet<>(this.attended) : null, this.erasedAt, this.linkResentAt,
					Language.ofCode(this.language));
		}

	}

}

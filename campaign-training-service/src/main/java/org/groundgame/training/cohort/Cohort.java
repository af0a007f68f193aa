package org.groundgame.training.cohort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.training.CohortOpened;
import org.groundgame.events.training.CohortSummary;
import org.groundgame.events.training.ManageLinkIssued;
import org.groundgame.events.training.OfferDeclined;
import org.groundgame.events.training.OfferExpired;
import org.groundgame.events.training.SeatOffered;
import org.groundgame.events.training.TraineeApplied;
import org.groundgame.events.training.TraineeEnrolled;
import org.groundgame.events.training.TraineeErased;
import org.groundgame.events.training.TraineeGraduated;
import org.groundgame.events.training.TraineeWaitlisted;
import org.groundgame.events.training.TraineeWithdrew;
import org.groundgame.support.domain.FieldProblems;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.geography.UsState;

/**
 * A cohort of the Campaign Leadership School with its roster: a class of trainees on one
 * track, meeting on its sessions, with a fixed number of seats and a strict
 * first-come-first-served line for everyone beyond them.
 * <p>
 * The enrollments live in this aggregate, so that a seat is given, freed or offered in
 * the same single-document write that records why (and the events saying so). A seat
 * freed (withdrawal, decline, expiry, more capacity) is offered at once to the first in
 * line, for {@code offerHours}, with a private link ({@link OfferLinks}) to answer it.
 * Every change answers a {@link Change}: the cohort after it, the enrollment it concerned
 * and its events; illegal ones throw.
 *
 * @param sessions the session dates, strictly in order; the first is the start
 * @param applicationDeadline the last day (UTC) applications are taken, before the start
 * @param offerHours how long an offered seat stays open
 * @param reflectionQuestions what applicants answer, in order
 * @param nextSequence the arrival number the next application gets
 * @param attendanceTaken the sessions (numbered from 1) whose attendance staff recorded
 * @param completedAt when staff completed the cohort; {@code null} while it runs
 */
record Cohort(String id, String name, Track track, List<LocalDate> sessions, CohortFormat format, String location,
		int capacity, LocalDate applicationDeadline, int offerHours, List<String> reflectionQuestions,
		List<Enrollment> enrollments, long nextSequence, SortedSet<Integer> attendanceTaken, Instant completedAt) {

	static final int MAX_NAME = 200;

	static final int MAX_LOCATION = 300;

	static final int MAX_SESSIONS = 100;

	static final int MAX_OFFER_HOURS = 24 * 14;

	static final int DEFAULT_OFFER_HOURS = 48;

	static final int MAX_QUESTIONS = 10;

	static final int MAX_QUESTION = 500;

	static final int MAX_ANSWER = 4000;

	static final int MAX_OFFICE = 200;

	/**
	 * How long after a repeated application sent its owner a new link the next repeat
	 * sends none.
	 */
	static final Duration LINK_RESEND_INTERVAL = Duration.ofMinutes(15);

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

	Cohort {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(track, "track");
		Objects.requireNonNull(format, "format");
		sessions = List.copyOf(sessions);
		if (sessions.isEmpty()) {
			throw new IllegalArgumentException("A cohort meets at least once");
		}
		if (capacity < 1) {
			throw new IllegalArgumentException("A cohort has at least one seat");
		}
		reflectionQuestions = (reflectionQuestions != null) ? List.copyOf(reflectionQuestions) : List.of();
		enrollments = (enrollments != null) ? List.copyOf(enrollments) : List.of();
		attendanceTaken = Collections
			.unmodifiableSortedSet((attendanceTaken != null) ? new TreeSet<>(attendanceTaken) : new TreeSet<>());
	}

	/**
	 * Opens a new cohort to applications.
	 * @throws InvalidInputException naming every field at fault
	 */
	static Opened open(Plan plan, Instant now) {
		FieldProblems problems = new FieldProblems();
		String cleanName = problems.required("name", plan.name(), MAX_NAME);
		Track cleanTrack = parse(problems, "track", plan.track(), Track.class);
		CohortFormat cleanFormat = parse(problems, "format", plan.format(), CohortFormat.class);
		String cleanLocation = problems.optional("location", plan.location(), MAX_LOCATION);
		if (cleanLocation == null && cleanFormat == CohortFormat.ONLINE) {
			cleanLocation = "Online";
		}
		else if (cleanLocation == null && cleanFormat != null) {
			problems.add("location", "is required for a cohort that meets in person");
		}
		List<LocalDate> dates = sessions(problems, plan.sessions(), plan.startsOn());
		if (plan.capacity() == null || plan.capacity() < 1) {
			problems.add("capacity", "must be at least 1");
		}
		if (plan.offerHours() != null && (plan.offerHours() < 1 || plan.offerHours() > MAX_OFFER_HOURS)) {
			problems.add("offerHours", "must be from 1 to " + MAX_OFFER_HOURS);
		}
		if (plan.applicationDeadline() == null) {
			problems.add("applicationDeadline", "is required");
		}
		else if (dates != null && plan.applicationDeadline().isAfter(dates.get(0))) {
			problems.add("applicationDeadline", "must not be after the first session");
		}
		else if (plan.applicationDeadline().isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
			problems.add("applicationDeadline", "must not be in the past");
		}
		List<String> questions = (plan.reflectionQuestions() != null) ? plan.reflectionQuestions() : List.of();
		if (questions.size() > MAX_QUESTIONS) {
			problems.add("reflectionQuestions", "must be at most " + MAX_QUESTIONS);
		}
		List<String> cleanQuestions = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			cleanQuestions.add(problems.required("reflectionQuestions[" + i + "]", questions.get(i), MAX_QUESTION));
		}
		problems.throwIfAny();
		Cohort cohort = opened(UUID.randomUUID().toString(), cleanName, cleanTrack, dates, cleanFormat, cleanLocation,
				plan.capacity(), plan.applicationDeadline(),
				(plan.offerHours() != null) ? plan.offerHours() : DEFAULT_OFFER_HOURS, cleanQuestions);
		return new Opened(cohort, new CohortOpened(eventId(), now, cohort.id, cohort.summary(), cohort.capacity,
				cohort.applicationDeadline, cohort.sessions, cohort.offerHours));
	}

	/**
	 * A cohort just opened: nobody has applied yet (the first arrival is number 1), no
	 * attendance is taken, and it runs.
	 */
	private static Cohort opened(String id, String name, Track track, List<LocalDate> sessions, CohortFormat format,
			String location, int capacity, LocalDate applicationDeadline, int offerHours,
			List<String> reflectionQuestions) {
		return new Cohort(id, name, track, sessions, format, location, capacity, applicationDeadline, offerHours,
				reflectionQuestions, List.of(), 1, null, null);
	}

	LocalDate startsOn() {
		return this.sessions.get(0);
	}

	/** The day of the last session. */
	LocalDate endsOn() {
		return this.sessions.get(this.sessions.size() - 1);
	}

	/**
	 * Whether an application is taken on this day (UTC): the deadline not passed and the
	 * cohort not completed.
	 */
	boolean takesApplications(LocalDate today) {
		return !isCompleted() && !today.isAfter(this.applicationDeadline);
	}

	/**
	 * Seats nobody holds or has been offered (none when staff enrolled over capacity).
	 */
	int seatsLeft() {
		long held = this.enrollments.stream().filter((enrollment) -> enrollment.status().holdsASeat()).count();
		return (int) Math.max(0, this.capacity - held);
	}

	/** The line, first come first served. */
	List<Enrollment> waitlist() {
		return this.enrollments.stream()
			.filter((enrollment) -> enrollment.status() == EnrollmentStatus.WAITLISTED)
			.sorted(Comparator.comparingLong(Enrollment::sequence))
			.toList();
	}

	int waitlistLength() {
		return waitlist().size();
	}

	/** An enrollment's place in line, from 1, or {@code null} when not waiting. */
	Integer positionOf(String enrollmentId) {
		List<Enrollment> line = waitlist();
		for (int i = 0; i < line.size(); i++) {
			if (line.get(i).id().equals(enrollmentId)) {
				return i + 1;
			}
		}
		return null;
	}

	/**
	 * @throws NotFoundException when the cohort has no such enrollment
	 */
	Enrollment enrollment(String enrollmentId) {
		return this.enrollments.stream()
			.filter((enrollment) -> enrollment.id().equals(enrollmentId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("enrollment", enrollmentId));
	}

	Optional<Enrollment> enrollmentOf(String email) {
		String normalized = normalizeEmail(email);
		return this.enrollments.stream().filter((enrollment) -> enrollment.email().equals(normalized)).findFirst();
	}

	/**
	 * A person applies: a seat if one is left and nobody waits, else the end of the line,
	 * with a private link to their application for the e-mail that tells them so.
	 * Applying again with an address that has applied changes nothing of the application
	 * (whoever asks may not own the address): its owner is e-mailed a new link to it,
	 * which replaces the one sent before — at most one every
	 * {@link #LINK_RESEND_INTERVAL}, so that nobody can fill the owner's mailbox by
	 * applying again and again (the answer is the same either way). The deadline is
	 * checked before the address, so that no answer tells whether an address had applied.
	 * @param registeredChapter whether a chapter id names a chapter registered with the
	 * platform
	 * @throws InvalidInputException naming every field at fault
	 * @throws IllegalStateChangeException after the application deadline
	 */
	Change apply(Application application, Predicate<String> registeredChapter, OfferLinks links, Instant now) {
		FieldProblems problems = new FieldProblems();
		String cleanName = problems.required("name", application.name(), MAX_NAME);
		String email = problems.required("email", application.email(), 254);
		if (email != null && !EMAIL.matcher(email).matches()) {
			problems.add("email", "must be an e-mail address");
		}
		String chapterId = problems.optional("chapterId", application.chapterId(), 100);
		if (chapterId != null && !registeredChapter.test(chapterId)) {
			problems.add("chapterId", "is not a registered chapter");
		}
		String state = problems.optional("state", application.state(), 2);
		if (state != null) {
			state = UsState.fromCode(state).map(UsState::code).orElse(null);
			if (state == null) {
				problems.add("state", UsState.INVALID_MESSAGE);
			}
		}
		String office = problems.optional("office", application.office(), MAX_OFFICE);
		Language language = Language.parse(problems, "language", application.language());
		boolean plansToRun = Boolean.TRUE.equals(application.plansToRun());
		if (office != null && !plansToRun) {
			problems.add("office", "is only for an applicant who plans to run");
		}
		List<String> answers = (application.answers() != null) ? application.answers() : List.of();
		if (answers.size() != this.reflectionQuestions.size()) {
			problems.add("answers", "must answer each of the cohort's " + this.reflectionQuestions.size()
					+ " reflection questions, in order");
		}
		List<String> cleanAnswers = new ArrayList<>();
		for (int i = 0; i < answers.size(); i++) {
			cleanAnswers.add(problems.required("answers[" + i + "]", answers.get(i), MAX_ANSWER));
		}
		problems.throwIfAny();
		if (LocalDate.ofInstant(now, ZoneOffset.UTC).isAfter(this.applicationDeadline)) {
			throw new IllegalStateChangeException("Applications to this cohort closed on " + this.applicationDeadline,
					"CLOSED");
		}
		Optional<Enrollment> existing = enrollmentOf(email);
		if (existing.isPresent()) {
			Enrollment before = existing.get();
			if (before.linkResentAt() != null && now.isBefore(before.linkResentAt().plus(LINK_RESEND_INTERVAL))) {
				// A link went a moment ago: another would only fill the owner's mailbox.
				return new Change(this, before, List.of());
			}
			OfferLinks.Link link = links.issue(before.id());
			return replace(before.withManageLinkResent(link.tokenHash(), now),
					new ManageLinkIssued(eventId(), now, this.id, before.id(), before.chapterId(), before.name(),
							before.email(), before.status().name(), link.url(), summary(), before.language().code()));
		}
		boolean seated = seatsLeft() > 0 && waitlist().isEmpty();
		String enrollmentId = UUID.randomUUID().toString();
		OfferLinks.Link link = links.issue(enrollmentId);
		Enrollment.Applicant applicant = new Enrollment.Applicant(cleanName, normalizeEmail(email), state, chapterId,
				plansToRun, office, cleanAnswers, language);
		Enrollment enrollment = Enrollment.applied(enrollmentId, applicant,
				seated ? EnrollmentStatus.ENROLLED : EnrollmentStatus.WAITLISTED, this.nextSequence, now,
				link.tokenHash());
		List<Enrollment> roster = new ArrayList<>(this.enrollments);
		roster.add(enrollment);
		Cohort after = with(roster, this.capacity, this.nextSequence + 1);
		List<DomainEvent> events = new ArrayList<>();
		events.add(new TraineeApplied(eventId(), now, this.id, enrollment.id(), chapterId, plansToRun, office,
				summary(), language.code()));
		events.add(seated
				? new TraineeEnrolled(eventId(), now, this.id, enrollment.id(), chapterId, enrollment.name(),
						enrollment.email(), summary(), link.url(), language.code())
				: new TraineeWaitlisted(eventId(), now, this.id, enrollment.id(), chapterId, enrollment.name(),
						enrollment.email(), after.positionOf(enrollment.id()), summary(), link.url(), language.code()));
		return new Change(after, enrollment, events);
	}

	/**
	 * The trainee (or staff for them) withdraws: a seat they held goes to the first in
	 * line; a place in line they held is given up.
	 */
	Change withdraw(String enrollmentId, Instant now, OfferLinks links) {
		Enrollment before = enrollment(enrollmentId);
		Enrollment after = before.becomes(EnrollmentStatus.WITHDRAWN, now);
		Change withdrawn = replace(after, new TraineeWithdrew(eventId(), now, this.id, enrollmentId, before.chapterId(),
				before.status().name(), summary()));
		return withdrawn.then(withdrawn.cohort().offerFreedSeats(now, links));
	}

	/**
	 * The trainee accepts the seat offered to them, before the offer expires.
	 * @throws IllegalStateChangeException when nothing is offered or the offer lapsed
	 */
	Change acceptOffer(String enrollmentId, Instant now) {
		requireRunning();
		Enrollment before = enrollment(enrollmentId);
		if (before.status() == EnrollmentStatus.OFFERED && !now.isBefore(before.offerExpiresAt())) {
			throw new IllegalStateChangeException("The offer expired at " + before.offerExpiresAt(), "EXPIRED");
		}
		if (before.status() != EnrollmentStatus.OFFERED) {
			throw new IllegalStateChangeException("No seat is offered to this enrollment", before.status().name());
		}
		Enrollment after = before.becomes(EnrollmentStatus.ENROLLED, now);
		return replace(after, enrolled(after, now));
	}

	/** The trainee declines the seat offered to them: it goes to the next in line. */
	Change declineOffer(String enrollmentId, Instant now, OfferLinks links) {
		Enrollment before = enrollment(enrollmentId);
		if (before.status() != EnrollmentStatus.OFFERED) {
			throw new IllegalStateChangeException("No seat is offered to this enrollment", before.status().name());
		}
		Enrollment after = before.becomes(EnrollmentStatus.DECLINED, now);
		Change declined = replace(after,
				new OfferDeclined(eventId(), now, this.id, enrollmentId, after.chapterId(), summary()));
		return declined.then(declined.cohort().offerFreedSeats(now, links));
	}

	/**
	 * Every offer whose time is up lapses, and its seat goes to the next in line. Answers
	 * an unchanged cohort when none is due.
	 */
	Change expireOffers(Instant now, OfferLinks links) {
		Change change = new Change(this, null, List.of());
		for (Enrollment offered : this.enrollments) {
			if (offered.status() == EnrollmentStatus.OFFERED && !now.isBefore(offered.offerExpiresAt())) {
				Enrollment expired = offered.becomes(EnrollmentStatus.EXPIRED, now);
				change = change.then(change.cohort()
					.replace(expired, new OfferExpired(eventId(), now, this.id, expired.id(), expired.chapterId(),
							expired.name(), expired.email(), summary(), expired.language().code())));
			}
		}
		return change.changed() ? change.then(change.cohort().offerFreedSeats(now, links)) : change;
	}

	/**
	 * Staff enroll a trainee waiting or offered a seat, out of turn or over capacity, for
	 * the reason they give.
	 * @throws InvalidInputException without a reason
	 */
	Change enrollByStaff(String enrollmentId, String reason, Instant now) {
		requireRunning();
		FieldProblems problems = new FieldProblems();
		String cleanReason = problems.required("reason", reason, 500);
		problems.throwIfAny();
		Enrollment before = enrollment(enrollmentId);
		Enrollment after = before.enrolledByStaff(cleanReason, now);
		return replace(after, enrolled(after, now));
	}

	/**
	 * Staff change the number of seats: new seats go to those in line; fewer seats take
	 * no seat from anyone.
	 */
	Change changeCapacity(Integer newCapacity, Instant now, OfferLinks links) {
		requireRunning();
		if (newCapacity == null || newCapacity < 1) {
			throw new InvalidInputException("capacity", "must be at least 1");
		}
		Cohort resized = with(this.enrollments, newCapacity, this.nextSequence);
		Change offers = resized.offerFreedSeats(now, links);
		return new Change(offers.cohort(), null, offers.events(), true);
	}

	/**
	 * Staff record who was present at one session (numbered from 1): the trainees listed
	 * were there, every other enrolled trainee was not. Recording a session again
	 * replaces what was recorded.
	 * @throws InvalidInputException for a session the cohort does not have, or someone
	 * listed who holds no seat in it ({@code present[i]})
	 * @throws IllegalStateChangeException before the session's day, or once the cohort is
	 * completed
	 */
	Change recordAttendance(int session, List<String> present, Instant now) {
		requireRunning();
		FieldProblems problems = new FieldProblems();
		if (session < 1 || session > this.sessions.size()) {
			// Named with whoever is listed at fault below, in one answer.
			problems.add("session", "must be from 1 to " + this.sessions.size());
		}
		else {
			LocalDate day = this.sessions.get(session - 1);
			if (day.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
				throw new IllegalStateChangeException(
						"Session " + session + " is on " + day + "; attendance is taken on the day or after",
						"NOT_YET_HELD");
			}
		}
		List<String> listed = (present != null) ? present : List.of();
		Set<String> there = new HashSet<>();
		for (int i = 0; i < listed.size(); i++) {
			String enrollmentId = listed.get(i);
			if (enrollmentId == null || enrollmentId.isBlank() || !isEnrolled(enrollmentId)) {
				problems.add("present[" + i + "]", "is not a trainee enrolled in this cohort");
			}
			else {
				there.add(enrollmentId);
			}
		}
		problems.throwIfAny();
		List<Enrollment> roster = this.enrollments.stream()
			.map((enrollment) -> (enrollment.status() == EnrollmentStatus.ENROLLED)
					? enrollment.attending(session, there.contains(enrollment.id())) : enrollment)
			.toList();
		TreeSet<Integer> taken = new TreeSet<>(this.attendanceTaken);
		taken.add(session);
		return new Change(withAttendance(roster, taken), null, List.of(), true);
	}

	/**
	 * Staff complete the cohort after its last session: every enrolled trainee recorded
	 * present at every session completes it ({@code COMPLETED},
	 * {@link TraineeGraduated}), every other one does not ({@code DID_NOT_COMPLETE}).
	 * Those still waiting or offered a seat stay as they are, but no seat is offered any
	 * more.
	 * @param graduates who staff say completed, or {@code null}: when given, it is taken
	 * as the attendance of every session not yet recorded, and must agree with the
	 * sessions that were
	 * @throws InvalidInputException for a listed id that is no enrolled trainee
	 * ({@code graduates[i]})
	 * @throws IllegalStateChangeException before the last session's day, when a session's
	 * attendance is missing, when the list disagrees with the recorded attendance, or
	 * when the cohort is already completed
	 */
	Change complete(List<String> graduates, Instant now) {
		requireRunning();
		LocalDate last = this.sessions.get(this.sessions.size() - 1);
		if (last.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
			throw new IllegalStateChangeException(
					"The cohort's last session is on " + last + "; complete it on that day or after", "NOT_YET_HELD");
		}
		Cohort cohort = this;
		if (graduates != null) {
			FieldProblems problems = new FieldProblems();
			for (int i = 0; i < graduates.size(); i++) {
				String enrollmentId = graduates.get(i);
				if (enrollmentId == null || enrollmentId.isBlank() || !isEnrolled(enrollmentId)) {
					problems.add("graduates[" + i + "]", "is not a trainee enrolled in this cohort");
				}
			}
			problems.throwIfAny();
			for (int session = 1; session <= this.sessions.size(); session++) {
				if (!this.attendanceTaken.contains(session)) {
					cohort = cohort.recordAttendance(session, graduates, now).cohort();
				}
			}
		}
		List<Integer> missing = new ArrayList<>();
		for (int session = 1; session <= this.sessions.size(); session++) {
			if (!cohort.attendanceTaken.contains(session)) {
				missing.add(session);
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateChangeException(
					"Attendance is not recorded for session(s) " + missing + "; record it, or list the graduates",
					"ATTENDANCE_MISSING");
		}
		int count = this.sessions.size();
		if (graduates != null) {
			Set<String> listed = new HashSet<>(graduates);
			List<String> disagree = cohort.enrollments.stream()
				.filter((enrollment) -> enrollment.status() == EnrollmentStatus.ENROLLED)
				.filter((enrollment) -> enrollment.attendedAll(count) != listed.contains(enrollment.id()))
				.map(Enrollment::id)
				.toList();
			if (!disagree.isEmpty()) {
				throw new IllegalStateChangeException("The graduates listed disagree with the attendance recorded for "
						+ disagree + ": correct the attendance or the list", "ATTENDANCE_DISAGREES");
			}
		}
		List<DomainEvent> events = new ArrayList<>();
		List<Enrollment> roster = new ArrayList<>();
		for (Enrollment enrollment : cohort.enrollments) {
			if (enrollment.status() != EnrollmentStatus.ENROLLED) {
				roster.add(enrollment);
			}
			else if (enrollment.attendedAll(count)) {
				roster.add(enrollment.becomes(EnrollmentStatus.COMPLETED, now));
				events.add(new TraineeGraduated(eventId(), now, this.id, enrollment.id(), enrollment.chapterId(),
						summary()));
			}
			else {
				roster.add(enrollment.becomes(EnrollmentStatus.DID_NOT_COMPLETE, now));
			}
		}
		return new Change(withAttendance(roster, cohort.attendanceTaken).completed(now), null, events, true);
	}

	/**
	 * Erases the person of an enrollment (their request, or staff's). Someone still in
	 * the running (enrolled, waiting or offered a seat in a cohort not yet completed) is
	 * withdrawn first, since nobody could reach them any more: their seat goes to the
	 * first in line. The enrollment stays, anonymous, with its status, so that seats and
	 * counts stay true. Erasing again changes nothing.
	 */
	Change erase(String enrollmentId, Instant now, OfferLinks links) {
		Enrollment before = enrollment(enrollmentId);
		if (before.isErased()) {
			return new Change(this, before, List.of());
		}
		Change change = new Change(this, before, List.of());
		if (!isCompleted() && before.status().mayBecome(EnrollmentStatus.WITHDRAWN)) {
			change = withdraw(enrollmentId, now, links);
		}
		Enrollment current = change.cohort().enrollment(enrollmentId);
		return change.then(
				change.cohort().replace(current.erased(now), new TraineeErased(eventId(), now, this.id, enrollmentId)));
	}

	boolean isCompleted() {
		return this.completedAt != null;
	}

	private boolean isEnrolled(String enrollmentId) {
		return this.enrollments.stream()
			.anyMatch((enrollment) -> enrollment.id().equals(enrollmentId)
					&& enrollment.status() == EnrollmentStatus.ENROLLED);
	}

	private void requireRunning() {
		if (isCompleted()) {
			throw new IllegalStateChangeException("The cohort was completed on "
					+ LocalDate.ofInstant(this.completedAt, ZoneOffset.UTC) + "; its roster is final", "COMPLETED");
		}
	}

	/**
	 * Offers every free seat to the first in line, in order; none once the cohort is
	 * completed.
	 */
	private Change offerFreedSeats(Instant now, OfferLinks links) {
		if (isCompleted()) {
			return new Change(this, null, List.of());
		}
		Cohort cohort = this;
		List<DomainEvent> events = new ArrayList<>();
		Instant expiresAt = now.plus(Duration.ofHours(this.offerHours));
		while (cohort.seatsLeft() > 0 && !cohort.waitlist().isEmpty()) {
			Enrollment first = cohort.waitlist().get(0);
			OfferLinks.Link link = links.issue(first.id());
			Enrollment offered = first.offered(now, expiresAt, link.tokenHash());
			cohort = cohort.replace(offered).cohort();
			events.add(new SeatOffered(eventId(), now, this.id, offered.id(), offered.chapterId(), offered.name(),
					offered.email(), expiresAt, link.url(), summary(), offered.language().code()));
		}
		return new Change(cohort, null, events);
	}

	private Change replace(Enrollment changed, DomainEvent... events) {
		List<Enrollment> roster = this.enrollments.stream()
			.map((enrollment) -> enrollment.id().equals(changed.id()) ? changed : enrollment)
			.toList();
		return new Change(with(roster, this.capacity, this.nextSequence), changed, List.of(events));
	}

	private Cohort with(List<Enrollment> roster, int newCapacity, long sequence) {
		return new Cohort(this.id, this.name, this.track, this.sessions, this.format, this.location, newCapacity,
				this.applicationDeadline, this.offerHours, this.reflectionQuestions, roster, sequence,
				this.attendanceTaken, this.completedAt);
	}

	/** This cohort with that roster and the sessions whose attendance is taken. */
	private Cohort withAttendance(List<Enrollment> roster, SortedSet<Integer> taken) {
		return new Cohort(this.id, this.name, this.track, this.sessions, this.format, this.location, this.capacity,
				this.applicationDeadline, this.offerHours, this.reflectionQuestions, roster, this.nextSequence, taken,
				this.completedAt);
	}

	/** This cohort completed then: its roster is final. */
	private Cohort completed(Instant now) {
		return new Cohort(this.id, this.name, this.track, this.sessions, this.format, this.location, this.capacity,
				this.applicationDeadline, this.offerHours, this.reflectionQuestions, this.enrollments,
				this.nextSequence, this.attendanceTaken, now);
	}

	private TraineeEnrolled enrolled(Enrollment enrollment, Instant now) {
		return new TraineeEnrolled(eventId(), now, this.id, enrollment.id(), enrollment.chapterId(), enrollment.name(),
				enrollment.email(), summary(), null, enrollment.language().code());
	}

	CohortSummary summary() {
		return new CohortSummary(this.id, this.name, this.track.name(), startsOn(), this.format.name(), this.location);
	}

	static String normalizeEmail(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
	}

	private static List<LocalDate> sessions(FieldProblems problems, List<LocalDate> sessions, LocalDate startsOn) {
		if (sessions == null || sessions.isEmpty()) {
			if (startsOn == null) {
				problems.add("sessions", "must list at least one session date");
				return null;
			}
			return List.of(startsOn);
		}
		if (sessions.size() > MAX_SESSIONS) {
			problems.add("sessions", "must be at most " + MAX_SESSIONS);
			return null;
		}
		for (int i = 0; i < sessions.size(); i++) {
			if (sessions.get(i) == null) {
				problems.add("sessions[" + i + "]", "must be a date");
				return null;
			}
			if (i > 0 && !sessions.get(i).isAfter(sessions.get(i - 1))) {
				problems.add("sessions", "must be in order, one session a day");
				return null;
			}
		}
		if (startsOn != null && !startsOn.equals(sessions.get(0))) {
			problems.add("startsOn", "must be the date of the first session");
			return null;
		}
		return sessions;
	}

	private static <E extends Enum<E>> E parse(FieldProblems problems, String field, String value, Class<E> type) {
		if (value == null || value.isBlank()) {
			problems.add(field, "is required");
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(field, "must be one of " + List.of(type.getEnumConstants()));
			return null;
		}
	}

	private static String eventId() {
		return UUID.randomUUID().toString();
	}

	/** A new cohort and its {@link CohortOpened}. */
	record Opened(Cohort cohort, CohortOpened event) {
	}

	/**
	 * What staff ask for in opening a cohort, as given: {@link #open} checks it. Track
	 * and format are text, so that an unknown value is a field at fault.
	 *
	 * @param startsOn the first session's date; alone, a one-session cohort
	 * @param sessions the sessions' dates, in order
	 * @param location where it meets; {@code Online} by default for an online cohort
	 * @param offerHours how long a seat offer stays open ({@code null}: the default)
	 */
	record Plan(String name, String track, LocalDate startsOn, List<LocalDate> sessions, String format, String location,
			Integer capacity, LocalDate applicationDeadline, Integer offerHours, List<String> reflectionQuestions) {

		/**
		 * An online cohort meeting on these sessions, offers open for the default time,
		 * without reflection questions.
		 */
		static Plan online(String name, String track, List<LocalDate> sessions, Integer capacity,
				LocalDate applicationDeadline) {
			return new Plan(name, track, null, sessions, CohortFormat.ONLINE.name(), null, capacity,
					applicationDeadline, null, List.of());
		}

		/**
		 * The same cohort, meeting in that format ({@code IN_PERSON}, {@code HYBRID}).
		 */
		Plan meeting(String format, String location) {
			return new Plan(this.name, this.track, this.startsOn, this.sessions, format, location, this.capacity,
					this.applicationDeadline, this.offerHours, this.reflectionQuestions);
		}

		/** The same cohort, with the date its first session is on. */
		Plan startingOn(LocalDate startsOn) {
			return new Plan(this.name, this.track, startsOn, this.sessions, this.format, this.location, this.capacity,
					this.applicationDeadline, this.offerHours, this.reflectionQuestions);
		}

		/** The same cohort, its seat offers open that many hours. */
		Plan withOfferHours(Integer offerHours) {
			return new Plan(this.name, this.track, this.startsOn, this.sessions, this.format, this.location,
					this.capacity, this.applicationDeadline, offerHours, this.reflectionQuestions);
		}

		/** The same cohort, asking its applicants these questions. */
		Plan withReflectionQuestions(List<String> reflectionQuestions) {
			return new Plan(this.name, this.track, this.startsOn, this.sessions, this.format, this.location,
					this.capacity, this.applicationDeadline, this.offerHours, reflectionQuestions);
		}

	}

	/**
	 * What a person applying gives.
	 *
	 * @param state the two-letter code of the state they live in, if they give it
	 * @param plansToRun whether they plan to run for office ({@code null}: no)
	 * @param office the office they plan to run for, if they do
	 * @param answers their answers to the cohort's reflection questions, in order
	 * @param language {@code en} or {@code es}, what they are written to in
	 * ({@code null}: English)
	 */
	record Application(String name, String email, String state, String chapterId, Boolean plansToRun, String office,
			List<String> answers, String language) {

		Application(String name, String email, String state, String chapterId, Boolean plansToRun, String office,
				List<String> answers) {
			this(name, email, state, chapterId, plansToRun, office, answers, null);
		}

	}

	/**
	 * A change: the cohort after it, the enrollment it was about ({@code null} for a
	 * change of the whole cohort) and the events it caused, in order.
	 *
	 * @param forced whether the cohort changed even without an event (capacity)
	 */
	record Change(Cohort cohort, Enrollment enrollment, List<DomainEvent> events, boolean forced) {

		Change(Cohort cohort, Enrollment enrollment, List<DomainEvent> events) {
			this(cohort, enrollment, events, false);
		}

		Change {
			events = List.copyOf(events);
		}

		boolean changed() {
			return this.forced || !this.events.isEmpty();
		}

		/** How many seats the change offered to those in line ({@code SeatOffered}). */
		long offersMade() {
			return count(SeatOffered.class);
		}

		/** How many seat offers lapsed with it ({@code OfferExpired}). */
		long offersExpired() {
			return count(OfferExpired.class);
		}

		/** How many trainees graduated with it ({@code TraineeGraduated}). */
		long graduations() {
			return count(TraineeGraduated.class);
		}

		/**
		 * Whether an application again from a known address sent its owner their link
		 * anew ({@code ManageLinkIssued}) rather than enrolling anyone.
		 */
		boolean linkResent() {
			return count(ManageLinkIssued.class) > 0;
		}

		private long count(Class<? extends DomainEvent> type) {
			return this.events.stream().filter(type::isInstance).count();
		}

		/** This change followed by the next one, on the cohort it left. */
		Change then(Change next) {
			List<DomainEvent> all = new ArrayList<>(this.events);
			all.addAll(next.events);
			return new Change(next.cohort, (this.enrollment != null) ? this.enrollment : next.enrollment, all,
					this.forced || next.forced);
		}

	}

}

package org.groundgame.training.cohort;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.CapabilityTokens;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.chapter.RegisteredChapters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * What the school offers and every change of a cohort's roster: cohorts opened,
 * applications, withdrawals, offers accepted, declined and expired, staff overrides.
 * Changes of one cohort are serialized in this instance by a fair lock (in arrival order)
 * and across instances by the cohort's version, retried a bounded number of times; each
 * is one targeted write of the roster with the events it caused.
 */
@Service
class CohortService {

	private static final Logger log = LoggerFactory.getLogger(CohortService.class);

	/** The next cohort first; the id keeps pages stable among namesakes. */
	private static final Sort BY_START = Sort.by("startsOn", "name", "id");

	/**
	 * How many times a change races another instance's on one cohort before giving up.
	 */
	static final int MAX_ATTEMPTS = 16;

	private final CohortStore store;

	private final Clock clock;

	private final CohortLocks locks = new CohortLocks(256);

	private final OfferLinks links;

	private final MeterRegistry meters;

	private final RegisteredChapters chapters;

	private final List<AddressErasure> addressErasures;

	CohortService(CohortStore store, Clock clock, OfferLinks links, MeterRegistry meters, RegisteredChapters chapters,
			List<AddressErasure> addressErasures) {
		this.store = store;
		this.addressErasures = List.copyOf(addressErasures);
		this.clock = clock;
		this.links = links;
		this.chapters = chapters;
		this.meters = meters;
	}

	/**
	 * The public list, the next cohort first.
	 * @param track only this track's, or {@code null}
	 * @param open {@code true}: only those taking applications today; {@code false}: only
	 * those that no longer do; {@code null}: all
	 */
	Page<Cohort> cohorts(Track track, Boolean open, int page, int size) {
		return this.store.page(track, open, today(), PageRequest.of(page, size, BY_START))
			.map(CohortDocument::toCohort);
	}

	/** One cohort as the public sees it. */
	Cohort publicCohort(String cohortId) {
		return this.store.publicCohort(cohortId)
			.map(CohortDocument::toCohort)
			.orElseThrow(() -> new NotFoundException("cohort", cohortId));
	}

	/** Today, in UTC, as deadlines are kept. */
	LocalDate today() {
		return LocalDate.ofInstant(now(), ZoneOffset.UTC);
	}

	/** Staff open a cohort to applications. */
	Cohort open(Cohort.Plan plan, Caller caller) {
		caller.requireSchoolStaff();
		Cohort.Opened opened = Cohort.open(plan, now());
		this.store.insert(opened);
		log.info("Cohort {} opened: {} seats", opened.cohort().id(), opened.cohort().capacity());
		return opened.cohort();
	}

	/**
	 * Staff change a cohort's number of seats; new seats are offered to those in line.
	 */
	Cohort changeCapacity(String cohortId, Integer capacity, Caller caller) {
		caller.requireSchoolStaff();
		Cohort.Change change = change(cohortId, (cohort) -> cohort.changeCapacity(capacity, now(), this.links));
		log.info("Cohort {} takes {} trainees; {} offers made", cohortId, change.cohort().capacity(),
				change.offersMade());
		return change.cohort();
	}

	/**
	 * A person applies (public): a seat if one is left, else a place in line, and the
	 * private link to the application e-mailed to the address given. Applying again with
	 * that address changes nothing but e-mails its owner a new link. Either way the
	 * caller learns nothing but that the application was received: no id, no token, no
	 * status.
	 */
	void apply(String cohortId, Cohort.Application application) {
		Cohort.Change change = change(cohortId,
				(cohort) -> cohort.apply(application, this.chapters::isRegistered, this.links, now()));
		boolean repeated = !change.changed() || change.linkResent();
		String outcome = repeated ? "repeated" : change.enrollment().status().name().toLowerCase(Locale.ROOT);
		this.meters.counter("groundgame.training.applications", "outcome", outcome).increment();
		log.info("Enrollment {} in cohort {}: {}", change.enrollment().id(), cohortId, outcome);
	}

	/** An enrollment, for staff or the holder of its manage token. */
	Viewed enrollment(String enrollmentId, Caller caller, String manageToken) {
		Cohort cohort = authorize(enrollmentId, caller, manageToken);
		return new Viewed(cohort, cohort.enrollment(enrollmentId));
	}

	Viewed withdraw(String enrollmentId, Caller caller, String manageToken) {
		return act(enrollmentId, caller, manageToken, (cohort) -> cohort.withdraw(enrollmentId, now(), this.links),
				"withdrew");
	}

	Viewed acceptOffer(String enrollmentId, Caller caller, String manageToken) {
		return act(enrollmentId, caller, manageToken, (cohort) -> cohort.acceptOffer(enrollmentId, now()),
				"accepted its offer");
	}

	Viewed declineOffer(String enrollmentId, Caller caller, String manageToken) {
		return act(enrollmentId, caller, manageToken, (cohort) -> cohort.declineOffer(enrollmentId, now(), this.links),
				"declined its offer");
	}

	/** Staff record who was present at a session. */
	Cohort recordAttendance(String cohortId, int session, List<String> present, Caller caller) {
		caller.requireSchoolStaff();
		Cohort cohort = change(cohortId, (read) -> read.recordAttendance(session, present, now())).cohort();
		log.info("Attendance recorded for session {} of cohort {}", session, cohortId);
		return cohort;
	}

	/**
	 * Staff complete a cohort: who attended every session graduates
	 * ({@code TraineeGraduated}).
	 */
	Cohort complete(String cohortId, List<String> graduates, Caller caller) {
		caller.requireSchoolStaff();
		Cohort.Change change = change(cohortId, (read) -> read.complete(graduates, now()));
		this.meters.counter("groundgame.training.graduates").increment(change.graduations());
		log.info("Cohort {} completed: {} graduates", cohortId, change.graduations());
		return change.cohort();
	}

	/**
	 * A cohort's roster, for staff, or for a chapter (the controller keeps only its own
	 * trainees).
	 */
	Cohort roster(String cohortId, Caller caller) {
		if (!caller.isChapter()) {
			caller.requireSchoolStaff();
		}
		return load(cohortId).toCohort();
	}

	/**
	 * Erases the person of an enrollment, for them (their manage token) or staff; someone
	 * still in the running is withdrawn first. Whatever else the school keeps under their
	 * address ({@link AddressErasure}: the cohort alerts) is erased too.
	 */
	void erase(String enrollmentId, Caller caller, String manageToken) {
		// What else is kept under the address goes first, while the address is known: a
		// failure leaves the enrollment as it was, for the erasure to be asked again.
		String email = authorize(enrollmentId, caller, manageToken).enrollment(enrollmentId).email();
		if (email != null) {
			this.addressErasures.forEach((erasure) -> erasure.erase(email));
		}
		act(enrollmentId, caller, manageToken, (cohort) -> cohort.erase(enrollmentId, now(), this.links), "erased");
	}

	/** Staff enroll a trainee out of turn or over capacity, with a reason. */
	Viewed enrollByStaff(String enrollmentId, String reason, Caller caller) {
		caller.requireSchoolStaff();
		return act(enrollmentId, caller, null, (cohort) -> cohort.enrollByStaff(enrollmentId, reason, now()),
				"enrolled by staff");
	}

	/**
	 * Lets every offer due by this time lapse and passes its seat on. Safe with several
	 * instances sweeping at once: each cohort's change is written on the version read,
	 * and a sweep that loses re-reads and finds the offers already expired.
	 * @return how many offers expired in this sweep
	 */
	int expireOffers(Instant now) {
		int expired = 0;
		for (String cohortId : this.store.cohortsWithOffersDueBy(now)) {
			Cohort.Change change = change(cohortId, (cohort) -> cohort.expireOffers(now, this.links));
			expired += (int) change.offersExpired();
		}
		if (expired > 0) {
			this.meters.counter("groundgame.training.offers.expired").increment(expired);
			log.info("{} seat offers expired and were passed on", expired);
		}
		return expired;
	}

	private Viewed act(String enrollmentId, Caller caller, String manageToken, Function<Cohort, Cohort.Change> command,
			String what) {
		Cohort read = authorize(enrollmentId, caller, manageToken);
		Cohort.Change change = change(read.id(), command);
		log.info("Enrollment {} in cohort {} {}", enrollmentId, read.id(), what);
		return new Viewed(change.cohort(), change.cohort().enrollment(enrollmentId));
	}

	/**
	 * The school's staff (its training staff or national staff), or the holder of the
	 * enrollment's manage token (or of the token in its latest offer's link). A token
	 * that is not the enrollment's answers as if there were no such enrollment: it gives
	 * no hint.
	 */
	private Cohort authorize(String enrollmentId, Caller caller, String manageToken) {
		boolean withManageToken = manageToken != null && !manageToken.isBlank();
		if (!withManageToken) {
			// Before the lookup: without a token, a known id and an unknown one answer
			// alike.
			caller.requireSchoolStaff();
		}
		Cohort cohort = this.store.cohortOfEnrollment(enrollmentId)
			.map(CohortDocument::toCohort)
			.orElseThrow(() -> new NotFoundException("enrollment", enrollmentId));
		if (caller.mayRunTheSchool()) {
			return cohort;
		}
		if (withManageToken) {
			Enrollment enrollment = cohort.enrollment(enrollmentId);
			if (CapabilityTokens.matches(manageToken, enrollment.manageTokenHash())
					|| CapabilityTokens.matches(manageToken, enrollment.offerTokenHash())) {
				return cohort;
			}
			throw new NotFoundException("enrollment", enrollmentId);
		}
		caller.requireSchoolStaff();
		return cohort;
	}

	/**
	 * Applies a change to the cohort as stored and writes it on the version read, under
	 * the cohort's lock; reads again and retries when another instance wrote first.
	 */
	private Cohort.Change change(String cohortId, Function<Cohort, Cohort.Change> command) {
		ReentrantLock lock = this.locks.of(cohortId);
		lock.lock();
		try {
			for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
				CohortDocument read = load(cohortId);
				Cohort.Change change = command.apply(read.toCohort());
				if (!change.changed() || this.store.update(read, change)) {
					countOffers(change);
					return change;
				}
				log.debug("Cohort {} changed meanwhile (attempt {})", cohortId, attempt);
			}
		}
		finally {
			lock.unlock();
		}
		throw new OptimisticLockingFailureException("The cohort is changing a lot at the moment; try again");
	}

	private void countOffers(Cohort.Change change) {
		long offers = change.offersMade();
		if (offers > 0) {
			this.meters.counter("groundgame.training.offers").increment(offers);
		}
	}

	private CohortDocument load(String cohortId) {
		return this.store.cohort(cohortId).orElseThrow(() -> new NotFoundException("cohort", cohortId));
	}

	/** Now, to the millisecond the store keeps. */
	private Instant now() {
		return Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
	}

	/** An enrollment with its cohort (for its place in line). */
	record Viewed(Cohort cohort, Enrollment enrollment) {
	}

}

package org.groundgame.endorsement.nomination;

import java.time.Clock;
import java.util.List;

import org.groundgame.endorsement.nomination.domain.Candidate;
import org.groundgame.endorsement.nomination.domain.Decision;
import org.groundgame.endorsement.nomination.domain.ElectionOutcome;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.endorsement.nomination.domain.PastEndorsement;
import org.groundgame.endorsement.nomination.domain.Race;
import org.groundgame.endorsement.nomination.domain.RaceLevel;
import org.groundgame.support.geography.UsState;
import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The endorsement process's use cases. Each command loads one nomination, lets it apply
 * its rules, and saves it once with the events it caused in its outbox: the change and
 * its events are one atomic write, and a concurrent change of the same nomination fails
 * on its version ({@code 409}) instead of being overwritten.
 * <p>
 * Each use case that depends on who calls takes the {@link Caller} and decides here, not
 * in the web's filter chain alone: staff decide, a chapter sees only what is attributed
 * to it, and only a chapter's own token (or staff) attributes a nomination to a chapter.
 * Without a token that is a {@code 401}, with the wrong one a {@code 403}.
 */
@Service
class NominationService {

	private static final Logger log = LoggerFactory.getLogger(NominationService.class);

	private final NominationRepository repository;

	private final NominationSearch search;

	private final Outbox outbox;

	private final NominationMetrics metrics;

	private final Clock clock;

	NominationService(NominationRepository repository, NominationSearch search, Outbox outbox,
			NominationMetrics metrics, Clock clock) {
		this.repository = repository;
		this.search = search;
		this.outbox = outbox;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Anyone may nominate; the nominating chapter is the caller's to vouch for: a
	 * chapter's token attributes the nomination to its own chapter (whether or not the
	 * submission names it), staff may name any chapter, and nobody else may name one.
	 * @throws AccessDeniedException when the submission names a chapter the caller does
	 * not speak for
	 */
	Nomination submit(Caller caller, Candidate candidate, Race race, Nominator nominatedBy, String statement) {
		Nomination.Submission submission = Nomination.submit(candidate, race, attributed(nominatedBy, caller),
				statement, this.clock);
		NominationDocument document = NominationDocument.of(submission.nomination());
		this.outbox.append(document, submission.event());
		this.repository.save(document);
		log.info("Nomination {} submitted by {} for a {} race in {} ({})", document.getId(), caller, race.level(),
				race.state().code(), race.cycle());
		return submission.nomination();
	}

	private static Nominator attributed(Nominator nominatedBy, Caller caller) {
		String named = (nominatedBy != null) ? nominatedBy.chapterId() : null;
		if (caller.isStaff()) {
			return nominatedBy;
		}
		if (caller.isChapter()) {
			if (named != null && !named.equals(caller.chapterId())) {
				throw new AccessDeniedException("A chapter's token attributes a nomination to its own chapter only");
			}
			return (nominatedBy != null) ? new Nominator(nominatedBy.name(), nominatedBy.email(), caller.chapterId())
					: new Nominator(null, null, caller.chapterId());
		}
		if (named != null) {
			throw new AccessDeniedException("Chapter attribution needs that chapter's token");
		}
		return nominatedBy;
	}

	/**
	 * Staff take a nomination up; the review records the name given and the token's
	 * subject.
	 */
	Nomination startReview(Caller caller, String nominationId, String reviewer) {
		caller.requireStaff();
		NominationDocument document = load(nominationId);
		Nomination nomination = document.toNomination();
		nomination.startReview(reviewer, caller.subject(), this.clock);
		document.update(nomination);
		this.repository.save(document);
		log.info("Nomination {} is under review by {}", nominationId, caller);
		return nomination;
	}

	Nomination decide(Caller caller, String nominationId, Decision decision, String reason) {
		caller.requireStaff();
		NominationDocument document = load(nominationId);
		Nomination nomination = document.toNomination();
		switch (decision) {
			case ENDORSE -> {
				EndorsementGranted granted = nomination.endorse(reason, this::endorsementsGrantedBefore, this.clock);
				document.update(nomination);
				this.outbox.append(document, granted);
				this.repository.save(document);
				this.metrics.endorsementGranted();
				log.info("Nomination {} endorsed: endorsement {}{}", nominationId, granted.endorsementId(),
						granted.reEndorsement() ? " (re-endorsement)" : "");
			}
			case DECLINE -> {
				nomination.decline(reason, this.clock);
				document.update(nomination);
				this.repository.save(document);
				log.info("Nomination {} declined", nominationId);
			}
		}
		return nomination;
	}

	/**
	 * A nomination, for staff or the chapter it is attributed to. An unknown id is a
	 * {@code 404} for any caller with a token: ids are not guessable, and checking
	 * ownership needs the nomination.
	 */
	Nomination nomination(Caller caller, String nominationId) {
		caller.requireToken();
		Nomination nomination = load(nominationId).toNomination();
		caller.requireChapterAccess(nomination.nominatingChapterId());
		return nomination;
	}

	/**
	 * Staff see every nomination, a chapter those attributed to it: filtered in the
	 * query, so that totals and pages count only what the caller may see.
	 */
	Page<Nomination> nominations(Caller caller, NominationStatus status, UsState state, int page, int size) {
		caller.requireToken();
		if (!caller.isStaff() && !caller.isChapter()) {
			throw new AccessDeniedException("Only national staff and chapters may list nominations");
		}
		String chapterId = caller.isChapter() ? caller.chapterId() : null;
		return this.search.nominations(chapterId, status, state, page, size).map(NominationDocument::toNomination);
	}

	/** The nomination that holds the endorsement. */
	/**
	 * Staff record an endorsed candidate's election outcome, announced with the change.
	 * @throws NotFoundException for an unknown endorsement
	 */
	Nomination recordOutcome(Caller caller, String endorsementId, ElectionOutcome result) {
		caller.requireStaff();
		NominationDocument document = this.repository.findByEndorsementEndorsementId(endorsementId)
			.orElseThrow(() -> new NotFoundException("endorsement", endorsementId));
		Nomination nomination = document.toNomination();
		ElectionOutcomeRecorded recorded = nomination.recordOutcome(result, this.clock);
		document.update(nomination);
		this.outbox.append(document, recorded);
		this.repository.save(document);
		log.info("Endorsement {}: outcome {} recorded by {}", endorsementId, result, caller);
		return nomination;
	}

	Nomination endorsement(String endorsementId) {
		return this.repository.findByEndorsementEndorsementId(endorsementId)
			.map(NominationDocument::toNomination)
			.orElseThrow(() -> new NotFoundException("endorsement", endorsementId));
	}

	/** The nominations holding endorsements that match, newest endorsement first. */
	Page<Nomination> endorsements(UsState state, RaceLevel level, Integer cycle, int page, int size) {
		return this.search.endorsements(state, level, cycle, page, size).map(NominationDocument::toNomination);
	}

	private NominationDocument load(String nominationId) {
		return this.repository.findById(nominationId)
			.orElseThrow(() -> new NotFoundException("nomination", nominationId));
	}

	private List<PastEndorsement> endorsementsGrantedBefore(UsState state, int cycle) {
		return this.repository.findByRaceStateAndCycleLessThanAndEndorsementIsNotNull(state.code(), cycle)
			.stream()
			.map((past) -> new PastEndorsement(past.getCandidate().name(), past.getCandidate().email(),
					past.getRace().office(), UsState.valueOf(past.getRace().state()), past.getCycle()))
			.toList();
	}

}

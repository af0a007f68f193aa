package org.groundgame.endorsement.nomination;

import java.time.Clock;
import java.util.List;

import org.groundgame.endorsement.nomination.domain.Candidate;
import org.groundgame.endorsement.nomination.domain.Decision;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.endorsement.nomination.domain.PastEndorsement;
import org.groundgame.endorsement.nomination.domain.Race;
import org.groundgame.endorsement.nomination.domain.RaceLevel;
import org.groundgame.support.geography.UsState;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * The endorsement process's use cases. Each command loads one nomination, lets it apply
 * its rules, and saves it once with the events it caused in its outbox: the change and
 * its events are one atomic write, and a concurrent change of the same nomination fails
 * on its version ({@code 409}) instead of being overwritten.
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

	Nomination submit(Candidate candidate, Race race, Nominator nominatedBy, String statement) {
		Nomination.Submission submission = Nomination.submit(candidate, race, nominatedBy, statement, this.clock);
		NominationDocument document = NominationDocument.of(submission.nomination());
		this.outbox.append(document, submission.event());
		this.repository.save(document);
		log.info("Nomination {} submitted for a {} race in {} ({})", document.getId(), race.level(),
				race.state().code(), race.cycle());
		return submission.nomination();
	}

	Nomination startReview(String nominationId, String reviewer) {
		NominationDocument document = load(nominationId);
		Nomination nomination = document.toNomination();
		nomination.startReview(reviewer, this.clock);
		document.update(nomination);
		this.repository.save(document);
		log.info("Nomination {} is under review", nominationId);
		return nomination;
	}

	Nomination decide(String nominationId, Decision decision, String reason) {
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

	Nomination nomination(String nominationId) {
		return load(nominationId).toNomination();
	}

	Page<Nomination> nominations(NominationStatus status, UsState state, int page, int size) {
		return this.search.nominations(status, state, page, size).map(NominationDocument::toNomination);
	}

	/** The nomination that holds the endorsement. */
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

package org.groundgame.endorsement.nomination;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.groundgame.endorsement.candidate.CandidateDocument;
import org.groundgame.endorsement.candidate.CandidateStore;
import org.groundgame.endorsement.candidate.domain.CandidateErasure;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.profile.CandidateProfiles;
import org.groundgame.security.Caller;
import org.groundgame.support.audit.AuditTrail;
import org.groundgame.support.domain.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Erasing a person's data at their request, staff's to do: a candidate's (from every
 * nomination that named them, and their record) and a nominator's (from every nomination
 * and slate they put forward). The nominations stay, anonymous, so that races,
 * endorsements and counts remain true.
 * <p>
 * Every nomination is changed in place by a version-checked update (read again and
 * retried when another command came first, which in turn fails on the version instead of
 * putting the data back). A candidate's erasure is recorded on their record in the same
 * write as its event, {@code CandidateErased}, naming every nomination that named them
 * (whose keys the relay then destroys). Erasing again changes nothing and announces
 * nothing, unless a nomination naming them was stored meanwhile (one whose submission
 * found the record just before it was erased): that one is erased too and announced in a
 * new event. Logs ids and counts only.
 */
@Service
class ErasureService {

	private static final Logger log = LoggerFactory.getLogger(ErasureService.class);

	/** The audit trail's action for a nomination whose nominator was erased. */
	static final String NOMINATOR_ERASED = "NominatorErased";

	/**
	 * How many times one write races others before the erasure gives up ({@code 409}).
	 */
	static final int MAX_ATTEMPTS = 16;

	private final NominationStore nominations;

	private final CandidateStore candidates;

	private final SlateErasure slates;

	private final Clock clock;

	private final AuditTrail audit;

	private final CandidateProfiles profiles;

	ErasureService(NominationStore nominations, CandidateStore candidates, SlateErasure slates, Clock clock,
			AuditTrail audit, CandidateProfiles profiles) {
		this.nominations = nominations;
		this.candidates = candidates;
		this.slates = slates;
		this.clock = clock;
		this.audit = audit;
		this.profiles = profiles;
	}

	/**
	 * Staff erase a candidate: their record and every nomination that named them.
	 * @return the nominations that named them
	 * @throws NotFoundException for a candidate never nominated
	 */
	List<String> eraseCandidate(Caller caller, String candidateId) {
		caller.requireStaff();
		List<String> nominationIds = erase(candidateId);
		log.info("Candidate {} erased by {}, from {} nominations", candidateId, caller, nominationIds.size());
		return nominationIds;
	}

	/**
	 * After a nomination is stored: if its candidate was erased while it was being
	 * submitted (it found the record by address or name just before), it is erased and
	 * announced too, so that no nomination of an erased candidate keeps their data.
	 */
	void eraseAgainIfErased(String candidateId) {
		if (candidateId == null) {
			return;
		}
		CandidateDocument candidate = this.candidates.find(candidateId).orElse(null);
		if (candidate != null && candidate.isErased()) {
			List<String> nominationIds = erase(candidateId);
			log.info("Candidate {} was erased while nominated; erased again, from {} nominations", candidateId,
					nominationIds.size());
		}
	}

	private List<String> erase(String candidateId) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			CandidateDocument candidate = this.candidates.find(candidateId)
				.orElseThrow(() -> new NotFoundException("candidate", candidateId));
			CandidateErasure erasure = candidate.toErasure();
			Instant erasedAt = erasure.erasedAt(this.clock);
			List<String> naming = this.nominations.idsNaming(candidateId);
			naming.forEach((nominationId) -> eraseCandidateFrom(nominationId, erasedAt));
			// A slate's statement is the nominator's text about its candidates, who may
			// be named in it: it goes with any of them (the slate's name, a title,
			// stays).
			this.slates.eraseStatementsOfSlatesWith(naming);
			// After the nominations (their questionnaire links, which reach the profile,
			// no longer work), before the record: a crash in between is finished by
			// erasing again.
			this.profiles.erase(candidateId);
			Optional<CandidateErasure.Erased> erased = erasure.erase(naming, erasedAt, this.clock);
			if (erased.isEmpty()) {
				return erasure.announced();
			}
			// Written or not, the next round reads again: a nomination stored meanwhile
			// under the old match key is erased and announced then.
			this.candidates.updateErased(candidate, erased.get().erasure(), erased.get().event());
		}
		throw new OptimisticLockingFailureException(
				"Candidate " + candidateId + " kept being nominated while erased; erase again");
	}

	private void eraseCandidateFrom(String nominationId, Instant erasedAt) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			NominationDocument read = this.nominations.find(nominationId).orElse(null);
			if (read == null || read.getCandidateErasedAt() != null) {
				return;
			}
			Nomination erased = read.toNomination().candidateErased();
			if (this.nominations.updateErased(read, read.erasedTo(erased, erasedAt))) {
				return;
			}
		}
		throw new OptimisticLockingFailureException(
				"Nomination " + nominationId + " kept changing while its candidate was erased; erase again");
	}

	/**
	 * Staff erase a nominator, known by the address they nominated with (case aside):
	 * their name, address and statement leave every nomination and slate they put
	 * forward; the nominating chapter stays.
	 * @return how many nominations and slates were anonymised (none for an address that
	 * nominated nobody, or already erased)
	 */
	NominatorErasure eraseNominator(Caller caller, String email) {
		caller.requireStaff();
		String address = email.strip();
		int nominations = 0;
		for (String nominationId : this.nominations.idsNominatedBy(address)) {
			if (eraseNominatorFrom(nominationId, address)) {
				nominations++;
			}
		}
		long slates = this.slates.eraseNominator(address);
		log.info("A nominator erased by {}, from {} nominations and {} slates", caller, nominations, slates);
		return new NominatorErasure(nominations, (int) slates);
	}

	private boolean eraseNominatorFrom(String nominationId, String address) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			NominationDocument read = this.nominations.find(nominationId).orElse(null);
			if (read == null) {
				return false;
			}
			Nomination nomination = read.toNomination();
			if (!nomination.isNominatedBy(address)) {
				return false;
			}
			if (this.nominations.updateErased(read,
					read.erasedTo(nomination.nominatorErased(), read.getCandidateErasedAt()))) {
				// No event tells of it (none carries a nominator's data): each
				// nomination's
				// trail says it here, without the address.
				recordOnTheTrail(nominationId);
				return true;
			}
		}
		throw new OptimisticLockingFailureException(
				"Nomination " + nominationId + " kept changing while its nominator was erased; erase again");
	}

	private void recordOnTheTrail(String nominationId) {
		try {
			this.audit.record(NOMINATOR_ERASED, nominationId, Map.of("nominatorErased", true));
		}
		catch (RuntimeException failure) {
			// The erasure is made; the request's own entry is chained anyway.
			log.error("Nomination {}: the nominator's erasure could not be added to the audit trail: {}", nominationId,
					failure.getMessage());
		}
	}

	/** What a nominator's erasure changed. */
	record NominatorErasure(int nominations, int slates) {
	}

}

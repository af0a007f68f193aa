package org.groundgame.endorsement.nomination;

import java.time.Instant;

import org.groundgame.endorsement.nomination.NominationView.RaceView;
import org.groundgame.endorsement.nomination.domain.ElectionOutcome;
import org.groundgame.endorsement.nomination.domain.Endorsement;
import org.groundgame.endorsement.nomination.domain.EndorsementStatus;
import org.groundgame.endorsement.nomination.domain.Nomination;

/**
 * An endorsement as the public sees it: who, for which race, and how it went. No contact
 * details, no nominator, no staff notes.
 */
record EndorsementView(String id, String nominationId, PublicCandidateView candidate, RaceView race, int cycle,
		EndorsementStatus status, ElectionOutcome outcome, boolean reEndorsement, Instant endorsedAt) {

	static EndorsementView of(Nomination nomination) {
		Endorsement endorsement = nomination.endorsement();
		return new EndorsementView(endorsement.id(), nomination.id(),
				new PublicCandidateView(nomination.candidate().name(), nomination.candidate().website()),
				RaceView.of(nomination.race()), nomination.race().cycle(), endorsement.status(), endorsement.outcome(),
				endorsement.reEndorsement(), endorsement.endorsedAt());
	}

	record PublicCandidateView(String name, String website) {
	}

}

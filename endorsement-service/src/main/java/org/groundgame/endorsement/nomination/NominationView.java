package org.groundgame.endorsement.nomination;

import java.time.Instant;
import java.time.LocalDate;

import org.groundgame.endorsement.nomination.domain.Decision;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.endorsement.nomination.domain.Nominator;
import org.groundgame.endorsement.nomination.domain.Race;
import org.groundgame.endorsement.nomination.domain.RaceLevel;

/**
 * A nomination as staff and its chapter see it, contact details included. Review and
 * decision fields are {@code null} until they happen; {@code reviewerSubject} is who the
 * reviewer's token said they were, beside the name they gave.
 */
record NominationView(String id, NominationStatus status, CandidateView candidate, RaceView race, int cycle,
		NominatorView nominatedBy, String statement, Instant submittedAt, String reviewer, String reviewerSubject,
		Instant reviewStartedAt, Decision decision, String decisionReason, Instant decidedAt, String endorsementId) {

	static NominationView of(Nomination nomination) {
		Nominator nominator = nomination.nominatedBy();
		return new NominationView(nomination.id(), nomination.status(), new CandidateView(nomination.candidate().name(),
				nomination.candidate().email(), nomination.candidate().website()), RaceView.of(nomination.race()),
				nomination.race().cycle(),
				(nominator != null) ? new NominatorView(nominator.name(), nominator.email(), nominator.chapterId())
						: null,
				nomination.statement(), nomination.submittedAt(),
				(nomination.review() != null) ? nomination.review().reviewer() : null,
				(nomination.review() != null) ? nomination.review().reviewerSubject() : null,
				(nomination.review() != null) ? nomination.review().startedAt() : null,
				(nomination.decision() != null) ? nomination.decision().decision() : null,
				(nomination.decision() != null) ? nomination.decision().reason() : null,
				(nomination.decision() != null) ? nomination.decision().decidedAt() : null,
				(nomination.endorsement() != null) ? nomination.endorsement().id() : null);
	}

	record CandidateView(String name, String email, String website) {
	}

	record NominatorView(String name, String email, String chapterId) {
	}

	record RaceView(String office, RaceLevel level, String state, String district, String jurisdiction,
			LocalDate electionDate) {

		static RaceView of(Race race) {
			return new RaceView(race.office(), race.level(), race.state().code(), race.district(), race.jurisdiction(),
					race.electionDate());
		}

	}

}

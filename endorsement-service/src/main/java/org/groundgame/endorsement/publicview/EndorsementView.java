package org.groundgame.endorsement.publicview;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.groundgame.endorsement.nomination.NominationView.BallotMeasureView;
import org.groundgame.endorsement.race.RaceView;
import org.groundgame.endorsement.nomination.domain.Announcement;
import org.groundgame.endorsement.nomination.domain.ElectionOutcome;
import org.groundgame.endorsement.nomination.domain.Endorsement;
import org.groundgame.endorsement.nomination.domain.EndorsementStatus;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.StageOutcome;
import org.groundgame.endorsement.profile.PublicProfile;

/**
 * An endorsement as the public sees it: who (a candidate, or a position on a ballot
 * measure), for which race, how it went at each stage, and whether it stands. No contact
 * details, no nominator, no staff notes.
 *
 * @param outcome the outcome last recorded, or {@code null}
 * @param outcomes the outcome of each stage, in the order recorded
 * @param profile the candidate's profile as staff approved it, or {@code null} (none
 * approved, a ballot measure, an erased candidate)
 * @param announcement the victory announcement staff published, or {@code null}
 */
public record EndorsementView(String id, String nominationId, PublicCandidateView candidate, RaceView race, int cycle,
		EndorsementStatus status, ElectionOutcome outcome, boolean reEndorsement, Instant endorsedAt,
		String candidateId, BallotMeasureView ballotMeasure, List<StageOutcome> outcomes, String rescindedReason,
		Instant rescindedAt, PublicProfile profile, AnnouncementView announcement) {

	/**
	 * @param profiles the approved profiles of the candidates, by id (those without one
	 * left out)
	 */
	static EndorsementView of(Nomination nomination, Map<String, PublicProfile> profiles) {
		Endorsement endorsement = nomination.endorsement();
		return new EndorsementView(endorsement.id(), nomination.id(),
				(nomination.candidate() != null)
						? new PublicCandidateView(nomination.candidate().name(), nomination.candidate().website())
						: new PublicCandidateView(nomination.nomineeName(), null),
				RaceView.of(nomination.race()), nomination.race().cycle(), endorsement.status(), endorsement.outcome(),
				endorsement.reEndorsement(), endorsement.endorsedAt(), nomination.candidateId(),
				BallotMeasureView.of(nomination.ballotPosition()), endorsement.outcomes(),
				(endorsement.rescission() != null) ? endorsement.rescission().reason() : null,
				(endorsement.rescission() != null) ? endorsement.rescission().rescindedAt() : null,
				(nomination.candidateId() != null) ? profiles.get(nomination.candidateId()) : null,
				AnnouncementView.of(endorsement.announcement()));
	}

	/** The victory announcement as the public reads it: not who published it. */
	record AnnouncementView(String headline, String message, Instant publishedAt) {

		static AnnouncementView of(Announcement announcement) {
			return (announcement != null)
					? new AnnouncementView(announcement.headline(), announcement.message(), announcement.publishedAt())
					: null;
		}

	}

	/** For a ballot measure, the name is the position ("YES on Amendment 3"). */
	record PublicCandidateView(String name, String website) {
	}

}

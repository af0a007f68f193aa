package org.groundgame.endorsement.nomination.domain;

import java.time.Instant;

/**
 * The organization's endorsement of a nominated candidate: part of the nomination it came
 * from, with an id of its own (the public refers to endorsements, staff to nominations).
 *
 * @param outcome how the election went; {@code null} until recorded
 * @param reEndorsement whether the candidate held an endorsement for the same office in
 * an earlier cycle
 */
public record Endorsement(String id, EndorsementStatus status, ElectionOutcome outcome, boolean reEndorsement,
		Instant endorsedAt) {

	public Endorsement {
		Text.required(id, "id");
		Text.required(status, "status");
		Text.required(endorsedAt, "endorsedAt");
	}

}

package org.groundgame.endorsement.nomination.domain;

import org.groundgame.endorsement.common.domain.Text;

/**
 * A position on a ballot measure, nominated for endorsement in place of a candidate.
 *
 * @param title the measure's title, e.g. "Amendment 3"; also its race's office
 * @param position {@code YES} or {@code NO}
 */
public record BallotPosition(String title, Position position) {

	public BallotPosition {
		title = Text.required(title, "ballotMeasure.title");
		Text.required(position, "ballotMeasure.position");
	}

	/** How events and public views name it, e.g. "YES on Amendment 3". */
	public String name() {
		return this.position.name() + " on " + this.title;
	}

	/** For or against the measure. */
	public enum Position {

		YES, NO

	}

}

package org.groundgame.endorsement.nomination.domain;

import java.time.Instant;

import org.groundgame.endorsement.common.domain.Text;
import org.groundgame.endorsement.race.domain.RaceStage;

/** How an endorsed candidate did in one stage of the election, and when staff said so. */
public record StageOutcome(RaceStage stage, ElectionOutcome result, Instant recordedAt) {

	public StageOutcome {
		Text.required(stage, "stage");
		Text.required(result, "result");
		Text.required(recordedAt, "recordedAt");
	}

	/** Whether the election is over for the candidate at that stage: won or lost. */
	public boolean isFinal() {
		return this.result == ElectionOutcome.WON || this.result == ElectionOutcome.LOST;
	}

}

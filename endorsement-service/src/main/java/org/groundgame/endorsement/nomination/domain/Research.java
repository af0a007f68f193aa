package org.groundgame.endorsement.nomination.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.groundgame.endorsement.common.domain.Text;

/**
 * What staff found out about the race while reviewing; every part optional.
 *
 * @param winNumber the votes the candidate needs to win
 */
public record Research(Incumbency incumbency, List<Opponent> opponents, List<Poll> polling, Fundraising fundraising,
		Long winNumber, String notes, String updatedBy, Instant updatedAt) {

	public Research {
		opponents = (opponents != null) ? List.copyOf(opponents) : List.of();
		polling = (polling != null) ? List.copyOf(polling) : List.of();
		notes = Text.optional(notes);
		updatedBy = Text.optional(updatedBy);
		Text.required(updatedAt, "updatedAt");
	}

	/**
	 * The same research without the words written about the candidate (the notes, and the
	 * polls' findings, which name them): what is left is about the race.
	 */
	public Research withoutCandidatesWords() {
		List<Poll> polls = this.polling.stream()
			.map((poll) -> new Poll(poll.pollster(), poll.date(), null, poll.source()))
			.toList();
		return new Research(this.incumbency, this.opponents, polls, this.fundraising, this.winNumber, null,
				this.updatedBy, this.updatedAt);
	}

	/**
	 * Whether the candidate holds the seat, challenges its holder, or runs for an open
	 * seat.
	 */
	public enum Incumbency {

		INCUMBENT, CHALLENGER, OPEN_SEAT

	}

	public record Opponent(String name, String party, boolean incumbent) {

		public Opponent {
			name = Text.required(name, "opponents.name");
			party = Text.optional(party);
		}

	}

	/**
	 * @param numbers the poll's findings as reported, e.g. "Gonzalez 48, Smith 44"
	 */
	public record Poll(String pollster, LocalDate date, String numbers, String source) {

		public Poll {
			pollster = Text.optional(pollster);
			numbers = Text.optional(numbers);
			source = Text.optional(source);
		}

	}

	/**
	 * @param amount the money raised, in dollars
	 */
	public record Fundraising(BigDecimal amount, LocalDate asOf, String source) {

		public Fundraising {
			source = Text.optional(source);
		}

	}

}

package org.groundgame.endorsement.nomination;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.groundgame.endorsement.common.Limits;
import org.groundgame.endorsement.nomination.domain.Research;

/**
 * The body of {@code PUT /api/nominations/{id}/research}: what staff found out, replacing
 * what was recorded before. Every part is optional.
 */
record ResearchRequest(Research.Incumbency incumbency,
		@Size(max = Limits.LIST) List<@NotNull @Valid OpponentFields> opponents,
		@Size(max = Limits.LIST) List<@NotNull @Valid PollFields> polling, @Valid FundraisingFields fundraising,
		@Min(0) Long winNumber, @Size(max = Limits.NOTES) String notes) {

	Research toResearch(String updatedBy, Instant updatedAt) {
		return new Research(this.incumbency,
				(this.opponents != null) ? this.opponents.stream()
					.map((opponent) -> new Research.Opponent(opponent.name(), opponent.party(),
							Boolean.TRUE.equals(opponent.incumbent())))
					.toList() : List.of(),
				(this.polling != null) ? this.polling.stream()
					.map((poll) -> new Research.Poll(poll.pollster(), poll.date(), poll.numbers(), poll.source()))
					.toList() : List.of(),
				(this.fundraising != null) ? new Research.Fundraising(this.fundraising.amount(),
						this.fundraising.asOf(), this.fundraising.source()) : null,
				this.winNumber, this.notes, updatedBy, updatedAt);
	}

	record OpponentFields(@NotBlank @Size(max = Limits.NAME) String name, @Size(max = Limits.NAME) String party,
			Boolean incumbent) {
	}

	record PollFields(@Size(max = Limits.NAME) String pollster, LocalDate date,
			@Size(max = Limits.REASON) String numbers, @Size(max = Limits.URL) @Pattern(regexp = Limits.WEB_ADDRESS,
					message = "must be an http or https URL") String source) {
	}

	record FundraisingFields(@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount,
			LocalDate asOf, @Size(max = Limits.URL) @Pattern(regexp = Limits.WEB_ADDRESS,
					message = "must be an http or https URL") String source) {
	}

}

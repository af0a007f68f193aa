package org.groundgame.volunteer.opportunity;

import org.groundgame.events.volunteer.OpportunityCancelled;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.groundgame.volunteer.opportunity.OpportunityTests.CLOCK;
import static org.groundgame.volunteer.opportunity.OpportunityTests.fields;

class OpportunityEditTests {

	private final Opportunity opportunity = OpportunityTests
		.open(OpportunityTests.plan(false, OpportunityTests.shift(5)))
		.opportunity();

	@Test
	void anEditReplacesWhatVolunteersReadAndNothingElse() {
		Opportunity edited = this.opportunity.edit(
				new Opportunity.Edit(" Phone bank for Sarah ", null, "phone_bank", null, "https://meet.example.org/x"));

		assertThat(edited.title()).isEqualTo("Phone bank for Sarah");
		assertThat(edited.description()).isNull();
		assertThat(edited.type()).isEqualTo(OpportunityType.PHONE_BANK);
		assertThat(edited.location()).isNull();
		assertThat(edited.virtualLink()).isEqualTo("https://meet.example.org/x");
		assertThat(edited.state()).isEqualTo(this.opportunity.state());
		assertThat(edited.chapterId()).isEqualTo(this.opportunity.chapterId());
		assertThat(edited.status()).isEqualTo(OpportunityStatus.OPEN);
	}

	@Test
	void anEditNamesEveryFieldAtFault() {
		assertThat(fields(() -> this.opportunity
			.edit(new Opportunity.Edit("", "d".repeat(5001), "picnic", "l".repeat(301), "http://insecure"))))
			.containsExactlyInAnyOrder("title", "description", "type", "location", "virtualLink");
	}

	@Test
	void aCancelledOpportunityIsAnnouncedOnceAndEditedNoMore() {
		Opportunity.Change cancelled = this.opportunity.cancel("Candidate withdrew", 2, CLOCK);

		assertThat(cancelled.opportunity().status()).isEqualTo(OpportunityStatus.CANCELLED);
		assertThat(cancelled.event()).isInstanceOfSatisfying(OpportunityCancelled.class, (event) -> {
			assertThat(event.reason()).isEqualTo("Candidate withdrew");
			assertThat(event.shiftsCancelled()).isEqualTo(2);
			assertThat(event.chapterId()).isEqualTo("c-1");
		});
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> cancelled.opportunity().cancel("again", 0, CLOCK));
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> cancelled.opportunity().edit(new Opportunity.Edit("t", null, "CANVASS", "here", null)));
	}

}

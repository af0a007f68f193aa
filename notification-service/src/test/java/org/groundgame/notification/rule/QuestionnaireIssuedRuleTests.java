package org.groundgame.notification.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.groundgame.events.endorsement.QuestionnaireIssued;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QuestionnaireIssuedRuleTests {

	private static final RaceSummary STATE_HOUSE_MO_80 = new RaceSummary("State Representative", "STATE", "MO", "80",
			null, LocalDate.of(2026, 11, 3));

	private static final String LINK = "https://groundgame.example/questionnaire/#token=c2VjcmV0LXRva2VuLW9mLXRoZS1jYW5kaWRhdGU";

	/** Every chapter of every state: none of them may hear of the questionnaire. */
	private final ChapterDirectory chapters = (state) -> Set.of("mobilize-missouri", "columbia");

	private final NotificationRule<QuestionnaireIssued> rule = NotificationRules.standard()
		.of(QuestionnaireIssued.class);

	@Test
	void theCandidateAloneIsWrittenToAtTheEventsAddress() {
		QuestionnaireIssued issued = issued("jane@candidates.example", LINK, STATE_HOUSE_MO_80);

		assertThat(this.rule.addressees(issued))
			.containsExactly(new Addressee("nomination-1", "jane@candidates.example", "Jane Example"));
		assertThat(this.rule.audience(issued, this.chapters)).isEmpty();
		assertThat(this.rule.notifiesStaff(issued)).isFalse();
		assertThat(this.rule.people(issued)).isEmpty();
		assertThat(this.rule.subjectId(issued)).isEqualTo("nomination-1");
	}

	@Test
	void withoutAnAddressOrAWebLinkThereIsNothingToSend() {
		assertThat(this.rule.addressees(issued(" ", LINK, STATE_HOUSE_MO_80))).isEmpty();
		assertThat(this.rule.addressees(issued(null, LINK, STATE_HOUSE_MO_80))).isEmpty();
		assertThat(this.rule.addressees(issued("jane@candidates.example", null, STATE_HOUSE_MO_80))).isEmpty();
		assertThat(this.rule.addressees(issued("jane@candidates.example", "javascript:alert(1)", STATE_HOUSE_MO_80)))
			.isEmpty();
		assertThat(
				this.rule.addressees(issued("jane@candidates.example", "/questionnaire/#token=x", STATE_HOUSE_MO_80)))
			.isEmpty();
	}

	@Test
	void theCandidateIsToldWhatIsAskedAndUntilWhenWithTheLinkToAnswer() {
		Notice notice = this.rule.personalTemplate(issued("jane@candidates.example", LINK, STATE_HOUSE_MO_80));

		assertThat(notice.title()).isEqualTo("Your candidate questionnaire for State Representative (MO, District 80)");
		assertThat(notice.body())
			.startsWith("You have been nominated for our endorsement for State Representative (MO, District 80).")
			.contains("do not forward")
			.contains("The link works until December 3, 2026 at 12:00 UTC.");
		assertThat(notice.link()).isEqualTo(new Notice.Link("Answer the questionnaire", LINK));
		// The link is the button's, never loose in the text that other channels could
		// show.
		assertThat(notice.title() + notice.body()).doesNotContain("token");
	}

	@Test
	void whatAnyoneButTheCandidateCouldBeToldHasNoLink() {
		Notice notice = this.rule.template(issued("jane@candidates.example", LINK, STATE_HOUSE_MO_80));

		assertThat(notice.link()).isNull();
		assertThat(notice.title() + notice.body()).doesNotContain("token").doesNotContain("jane@");
	}

	@Test
	void aPrimarySaysSo() {
		RaceSummary primary = new RaceSummary("State Representative", "STATE", "MO", "80", null,
				LocalDate.of(2026, 8, 4), "race-1", "ocd-division/country:us/state:mo/sldl:80", "PRIMARY", 2026, false);

		assertThat(this.rule.personalTemplate(issued("jane@candidates.example", LINK, primary)).title())
			.isEqualTo("Your candidate questionnaire for State Representative (MO, District 80), primary");
	}

	@Test
	void neitherTheAddressNorTheLinkIsEverPrintedWithWhatCarriesThem() {
		QuestionnaireIssued issued = issued("jane@candidates.example", LINK, STATE_HOUSE_MO_80);

		assertThat(this.rule.addressees(issued).get(0).toString()).doesNotContain("jane@");
		assertThat(this.rule.personalTemplate(issued).toString()).doesNotContain("token");
	}

	@Test
	void aLinkIsAWebAddressOrNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Notice.Link("Open", "javascript:alert(1)"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Notice.Link("Open", "mailto:jane@example.org"));
		assertThat(new Notice.Link("Open", "http://localhost:8080/questionnaire/#token=x").url())
			.isEqualTo("http://localhost:8080/questionnaire/#token=x");
	}

	private static QuestionnaireIssued issued(String email, String url, RaceSummary race) {
		return new QuestionnaireIssued("event-1", Instant.parse("2026-11-03T12:00:00Z").minusSeconds(30L * 86400),
				"nomination-1", "Jane Example", email, race, url, Instant.parse("2026-12-03T12:00:00Z"));
	}

}

package org.groundgame.notification.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.groundgame.events.training.CohortAlertDue;
import org.groundgame.events.training.CohortAlertRequested;
import org.groundgame.events.training.CohortSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CohortAlertRulesTests {

	private static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");

	private static final String LINK = "http://localhost:8080/training/alerts#token=secret";

	private static final CohortSummary COHORT = new CohortSummary("c-1", "Spring 2027 Candidate Cohort", "CANDIDATE",
			LocalDate.of(2027, 3, 6), "IN_PERSON", "4144 Lindell Blvd, St. Louis");

	private final NotificationRule<CohortAlertRequested> requestedRule = NotificationRules.standard()
		.of(CohortAlertRequested.class);

	private final NotificationRule<CohortAlertDue> dueRule = NotificationRules.standard().of(CohortAlertDue.class);

	@Test
	void theConfirmationGoesToTheAddressAloneWithTheLinkThatStopsTheAlert() {
		CohortAlertRequested event = requested("en", false, LINK);

		Notice notice = this.requestedRule.personalTemplate(event);

		assertThat(this.requestedRule.addressees(event)).extracting(Addressee::id, Addressee::email)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("alert-1", "ada@example.org"));
		assertThat(this.requestedRule.audience(event, null)).isEmpty();
		assertThat(notice.title()).isEqualTo("We'll tell you when the next candidate cohort opens");
		assertThat(notice.body()).contains("We will write to you once").doesNotContain("no longer works");
		assertThat(notice.link().label()).isEqualTo("Stop this alert");
		assertThat(notice.link().url()).isEqualTo(LINK);
		assertThat(this.requestedRule.template(event).link()).isNull();
		assertThat(this.requestedRule.template(event).body()).doesNotContain("secret");
	}

	@Test
	void aRepeatSaysNothingChangedAndTheOldLinkNoLongerWorksInSpanishWhenAskedInSpanish() {
		Notice notice = this.requestedRule.personalTemplate(requested("es", true, LINK));

		assertThat(notice.title()).isEqualTo("Te avisaremos cuando abra el próximo grupo de candidatos");
		assertThat(notice.body()).contains("nada ha cambiado").contains("ya no funciona");
		assertThat(notice.link().label()).isEqualTo("Cancelar este aviso");
	}

	@Test
	void noConfirmationWithoutAUsableLink() {
		assertThat(this.requestedRule.addressees(requested("en", false, "javascript:alert(1)"))).isEmpty();
		assertThat(this.requestedRule.addressees(requested("en", false, null))).isEmpty();
	}

	@Test
	void theOpeningSaysWhichCohortWhenWhereUntilWhenAndWhereToApplyAndThatNothingIsLeftToStop() {
		CohortAlertDue english = due("en");
		CohortAlertDue spanish = due("es");

		Notice en = this.dueRule.personalTemplate(english);
		Notice es = this.dueRule.personalTemplate(spanish);

		assertThat(this.dueRule.addressees(english)).extracting(Addressee::id).containsExactly("alert-1");
		assertThat(this.dueRule.audience(english, null)).isEmpty();
		assertThat(en.title()).isEqualTo("Applications are open: Spring 2027 Candidate Cohort");
		assertThat(en.body()).contains("candidate track")
			.contains("It starts on Saturday, March 6, 2027, in person at 4144 Lindell Blvd, St. Louis.")
			.contains("Apply by Friday, February 26, 2027.")
			.contains("nothing to stop");
		assertThat(en.link().label()).isEqualTo("See the cohort and apply");
		assertThat(en.link().url()).isEqualTo("http://localhost:8080/training/cohorts/c-1");
		assertThat(es.title()).isEqualTo("Inscripciones abiertas: Spring 2027 Candidate Cohort");
		assertThat(es.body()).contains("Empieza el sábado 6 de marzo de 2027, en persona en 4144 Lindell Blvd")
			.contains("hasta el viernes 26 de febrero de 2027")
			.contains("no hay nada que cancelar");
		assertThat(es.link().label()).isEqualTo("Ver el grupo e inscribirte");
	}

	private static CohortAlertRequested requested(String language, boolean repeated, String link) {
		return new CohortAlertRequested("e1", NOW, "alert-1", "CANDIDATE", language, "Ada", "ada@example.org", link,
				repeated);
	}

	private static CohortAlertDue due(String language) {
		return new CohortAlertDue("e2", NOW, "alert-1", "CANDIDATE", language, "Ada", "ada@example.org", COHORT,
				LocalDate.of(2027, 2, 26), List.of(LocalDate.of(2027, 3, 6)),
				"http://localhost:8080/training/cohorts/c-1");
	}

}

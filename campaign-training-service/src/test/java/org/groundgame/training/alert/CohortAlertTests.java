package org.groundgame.training.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.groundgame.events.training.CohortAlertDue;
import org.groundgame.events.training.CohortOpened;
import org.groundgame.events.training.CohortSummary;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.training.cohort.Language;
import org.groundgame.training.cohort.Track;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CohortAlertTests {

	private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

	private final AtomicInteger tokens = new AtomicInteger();

	private final AlertLinks links = new AlertLinks() {

		@Override
		public Link issue(String alertId) {
			int token = CohortAlertTests.this.tokens.incrementAndGet();
			return new Link("https://groundgame.example/training/alerts#token=t" + token, "hash-of-t" + token);
		}

		@Override
		public String cohortPage(String cohortId) {
			return "https://groundgame.example/training/cohorts/" + cohortId;
		}

	};

	@Test
	void anAlertIsAskedForWithConsentAndItsOwnerIsSentTheLinkThatStopsIt() {
		CohortAlert.Requested requested = CohortAlert
			.request(new CohortAlert.Asked("  Ada@Example.ORG ", " Ada ", "organizer", true, "ES"), this.links, NOW);

		CohortAlert alert = requested.alert();
		assertThat(alert.email()).isEqualTo("ada@example.org");
		assertThat(alert.name()).isEqualTo("Ada");
		assertThat(alert.track()).isEqualTo(Track.ORGANIZER);
		assertThat(alert.language()).isEqualTo(Language.ES);
		assertThat(alert.tokenHash()).isEqualTo("hash-of-t1");
		assertThat(alert.slot()).isEqualTo("ORGANIZER:ada@example.org");
		assertThat(requested.event().alertId()).isEqualTo(alert.id());
		assertThat(requested.event().email()).isEqualTo("ada@example.org");
		assertThat(requested.event().language()).isEqualTo("es");
		assertThat(requested.event().cancelUrl()).endsWith("#token=t1");
		assertThat(requested.event().repeated()).isFalse();
	}

	@Test
	void englishUnlessAskedOtherwise() {
		CohortAlert alert = CohortAlert
			.request(new CohortAlert.Asked("ada@example.org", null, "CANDIDATE", true, null), this.links, NOW)
			.alert();

		assertThat(alert.language()).isEqualTo(Language.EN);
		assertThat(alert.name()).isNull();
	}

	@Test
	void withoutConsentOrWithBadFieldsNothingIsAskedAndEveryFieldIsNamed() {
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> CohortAlert
			.request(new CohortAlert.Asked("not-an-address", "x".repeat(201), "MAYOR", false, "fr"), this.links, NOW));
		InvalidInputException missing = catchThrowableOfType(InvalidInputException.class,
				() -> CohortAlert.request(new CohortAlert.Asked(null, null, null, null, null), this.links, NOW));

		assertThat(refused.errors()).extracting(InvalidInputException.FieldError::field)
			.containsExactlyInAnyOrder("email", "name", "track", "consent", "language");
		assertThat(missing.errors()).extracting(InvalidInputException.FieldError::field)
			.containsExactlyInAnyOrder("email", "track", "consent");
		assertThat(this.tokens).hasValue(0);
	}

	@Test
	void askingAgainSendsANewLinkReplacingTheOldOneButNoSoonerThanTheInterval() {
		CohortAlert alert = CohortAlert
			.request(new CohortAlert.Asked("ada@example.org", "Ada", "CANDIDATE", true, "es"), this.links, NOW)
			.alert();

		Optional<CohortAlert.Requested> tooSoon = alert.requestAgain(this.links,
				NOW.plus(CohortAlert.LINK_RESEND_INTERVAL).minusSeconds(1));
		CohortAlert.Requested again = alert.requestAgain(this.links, NOW.plus(CohortAlert.LINK_RESEND_INTERVAL))
			.orElseThrow();

		assertThat(tooSoon).isEmpty();
		assertThat(again.alert().id()).isEqualTo(alert.id());
		assertThat(again.alert().tokenHash()).isEqualTo("hash-of-t2");
		assertThat(again.alert().requestedAt()).isEqualTo(NOW);
		assertThat(again.alert().language()).isEqualTo(Language.ES);
		assertThat(again.event().repeated()).isTrue();
		assertThat(again.event().cancelUrl()).endsWith("#token=t2");
		assertThat(again.alert().requestAgain(this.links, NOW.plus(Duration.ofMinutes(20)))).isEmpty();
	}

	@Test
	void onlyACohortOfItsTrackOpenedAfterItWasAskedForIsTheOneItWaitsFor() {
		CohortAlert alert = CohortAlert
			.request(new CohortAlert.Asked("ada@example.org", null, "CANDIDATE", true, null), this.links, NOW)
			.alert();

		assertThat(alert.awaits("CANDIDATE", NOW.plusMillis(1))).isTrue();
		assertThat(alert.awaits("CANDIDATE", NOW)).isFalse();
		assertThat(alert.awaits("ORGANIZER", NOW.plusSeconds(60))).isFalse();
	}

	@Test
	void theOneEmailOfACohortOpeningSaysWhichCohortWhenAndWhereToApplyInTheOwnersLanguage() {
		CohortAlert alert = CohortAlert
			.request(new CohortAlert.Asked("ada@example.org", "Ada", "CANDIDATE", true, "es"), this.links, NOW)
			.alert();
		CohortSummary summary = new CohortSummary("c-1", "Spring 2026", "CANDIDATE", LocalDate.of(2026, 3, 7), "ONLINE",
				"Online");
		CohortOpened opened = new CohortOpened("e1", NOW.plusSeconds(5), "c-1", summary, 20, LocalDate.of(2026, 2, 20),
				List.of(LocalDate.of(2026, 3, 7)), 48);

		CohortAlertDue due = alert.due(opened, this.links, NOW.plusSeconds(6));

		assertThat(due.alertId()).isEqualTo(alert.id());
		assertThat(due.email()).isEqualTo("ada@example.org");
		assertThat(due.name()).isEqualTo("Ada");
		assertThat(due.language()).isEqualTo("es");
		assertThat(due.cohort()).isEqualTo(summary);
		assertThat(due.applicationDeadline()).isEqualTo(LocalDate.of(2026, 2, 20));
		assertThat(due.applyUrl()).isEqualTo("https://groundgame.example/training/cohorts/c-1");
	}

}

package org.groundgame.training.cohort;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EnrollmentTests {

	private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

	private static final Enrollment.Applicant ANA = new Enrollment.Applicant("Ana Díaz", "ana@example.org", "TX",
			"chapter-1", true, "City Council", List.of("To serve"), Language.ES);

	@Test
	void anApplicationTakesWhatTheApplicantGaveAndItsArrivalAndManageLink() {
		Enrollment enrollment = Enrollment.applied("e-1", ANA, EnrollmentStatus.WAITLISTED, 7, NOW, "hash-1");

		assertThat(enrollment.name()).isEqualTo("Ana Díaz");
		assertThat(enrollment.email()).isEqualTo("ana@example.org");
		assertThat(enrollment.state()).isEqualTo("TX");
		assertThat(enrollment.chapterId()).isEqualTo("chapter-1");
		assertThat(enrollment.plansToRun()).isTrue();
		assertThat(enrollment.office()).isEqualTo("City Council");
		assertThat(enrollment.answers()).containsExactly("To serve");
		assertThat(enrollment.language()).isEqualTo(Language.ES);
		assertThat(enrollment.status()).isEqualTo(EnrollmentStatus.WAITLISTED);
		assertThat(enrollment.sequence()).isEqualTo(7);
		assertThat(enrollment.appliedAt()).isEqualTo(NOW);
		assertThat(enrollment.changedAt()).isEqualTo(NOW);
		assertThat(enrollment.manageTokenHash()).isEqualTo("hash-1");
		assertThat(enrollment.offerExpiresAt()).isNull();
		assertThat(enrollment.offerTokenHash()).isNull();
		assertThat(enrollment.overrideReason()).isNull();
		assertThat(enrollment.attended()).isEmpty();
		assertThat(enrollment.isErased()).isFalse();
		assertThat(enrollment.linkResentAt()).isNull();
	}

	@Test
	void anApplicationIsEnrolledOrWaitlistedAtFirstAndNothingElse() {
		assertThat(Enrollment.applied("e-1", ANA, EnrollmentStatus.ENROLLED, 1, NOW, "hash-1").status())
			.isEqualTo(EnrollmentStatus.ENROLLED);
		for (EnrollmentStatus other : EnumSet
			.complementOf(EnumSet.of(EnrollmentStatus.ENROLLED, EnrollmentStatus.WAITLISTED))) {
			assertThatIllegalArgumentException().as("applied as %s", other)
				.isThrownBy(() -> Enrollment.applied("e-1", ANA, other, 1, NOW, "hash-1"));
		}
	}

	@Test
	void anOfferCarriesItsExpiryAndLinkAndAPlainChangeDropsTheExpiryButKeepsTheLinkAndAnyStaffReason() {
		Instant later = NOW.plusSeconds(3600);
		Enrollment waiting = Enrollment.applied("e-1", ANA, EnrollmentStatus.WAITLISTED, 1, NOW, "hash-1");

		Enrollment offered = waiting.offered(NOW, later, "offer-hash");
		assertThat(offered.status()).isEqualTo(EnrollmentStatus.OFFERED);
		assertThat(offered.offerExpiresAt()).isEqualTo(later);
		assertThat(offered.offerTokenHash()).isEqualTo("offer-hash");
		assertThat(offered.manageTokenHash()).isEqualTo("hash-1");

		Enrollment accepted = offered.becomes(EnrollmentStatus.ENROLLED, later);
		assertThat(accepted.status()).isEqualTo(EnrollmentStatus.ENROLLED);
		assertThat(accepted.changedAt()).isEqualTo(later);
		assertThat(accepted.offerExpiresAt()).isNull();
		assertThat(accepted.offerTokenHash()).isEqualTo("offer-hash");

		Enrollment byStaff = waiting.enrolledByStaff("Special election", later);
		assertThat(byStaff.status()).isEqualTo(EnrollmentStatus.ENROLLED);
		assertThat(byStaff.overrideReason()).isEqualTo("Special election");
		assertThat(byStaff.becomes(EnrollmentStatus.WITHDRAWN, later).overrideReason()).isEqualTo("Special election");
	}

}

package org.groundgame.endorsement.profile.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CandidateProfileTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

	private static ProfileContent words(String biography) {
		return ProfileContent.described(biography, "Democratic",
				new Links("https://example.org", "https://donate.example.org", null,
						List.of(new SocialLink(SocialKind.BLUESKY, "https://bsky.app/profile/x"))));
	}

	@Test
	void everyChangeOfTheDraftIsANewRevisionAndSayingTheSameAgainIsNot() {
		CandidateProfile profile = CandidateProfile.empty("c1");

		assertThat(profile.status()).isEqualTo(ProfileStatus.EMPTY);
		assertThat(profile.describe(words("Organizer"), Editor.CANDIDATE, this.clock)).isTrue();
		assertThat(profile.describe(words("Organizer"), Editor.STAFF, this.clock)).isFalse();
		assertThat(profile.picture(Photo.at("url", "https://img.example.org/me.jpg"), Editor.CANDIDATE, this.clock))
			.isTrue();

		assertThat(profile.draft().revision()).isEqualTo(2);
		assertThat(profile.draft().changedBy()).isEqualTo(Editor.CANDIDATE);
		assertThat(profile.draft().content().biography()).isEqualTo("Organizer");
		assertThat(profile.draft().content().photo().url()).isEqualTo("https://img.example.org/me.jpg");
		assertThat(profile.status()).isEqualTo(ProfileStatus.AWAITING_APPROVAL);
		assertThat(profile.approval()).isNull();
	}

	@Test
	void newWordsKeepThePhotoAndRemovingNoPhotoWritesNothing() {
		CandidateProfile profile = CandidateProfile.empty("c1");
		assertThat(profile.picture(null, Editor.CANDIDATE, this.clock)).isFalse();
		profile.picture(Photo.stored("abc", 800, 600), Editor.CANDIDATE, this.clock);

		profile.describe(words("New words"), Editor.CANDIDATE, this.clock);

		assertThat(profile.draft().content().photo()).isEqualTo(Photo.stored("abc", 800, 600));
		assertThat(profile.imagesInUse()).containsExactly("abc");
	}

	@Test
	void staffApproveTheRevisionTheyReadAndAChangeAfterwardsWaitsWhileTheApprovedOneStaysPublic() {
		CandidateProfile profile = CandidateProfile.empty("c1");
		profile.describe(words("First"), Editor.CANDIDATE, this.clock);
		profile.picture(Photo.stored("first-image", 10, 10), Editor.CANDIDATE, this.clock);

		assertThat(profile.approve(2, this.clock)).isTrue();
		assertThat(profile.status()).isEqualTo(ProfileStatus.APPROVED);
		assertThat(profile.approve(2, this.clock)).as("approving again changes nothing").isFalse();

		profile.describe(words("Second"), Editor.CANDIDATE, this.clock);
		profile.picture(Photo.stored("second-image", 10, 10), Editor.CANDIDATE, this.clock);

		assertThat(profile.status()).isEqualTo(ProfileStatus.AWAITING_APPROVAL);
		assertThat(profile.approval().content().biography()).isEqualTo("First");
		assertThat(profile.approval().revision()).isEqualTo(2);
		assertThat(profile.imagesInUse()).containsExactlyInAnyOrder("first-image", "second-image");
	}

	@Test
	void anApprovalNamingAnOlderRevisionIsRefusedSoThatNoUnreadChangeGoesPublic() {
		CandidateProfile profile = CandidateProfile.empty("c1");
		profile.describe(words("What staff read"), Editor.CANDIDATE, this.clock);
		profile.describe(words("Changed after staff looked"), Editor.CANDIDATE, this.clock);

		assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(() -> profile.approve(1, this.clock))
			.satisfies((refused) -> assertThat(refused.currentState()).isEqualTo("PROFILE_CHANGED"));
		assertThat(profile.approval()).isNull();
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> CandidateProfile.empty("c2").approve(0, this.clock))
			.satisfies((refused) -> assertThat(refused.currentState()).isEqualTo("EMPTY"));
	}

	@Test
	void withdrawingTheApprovalLeavesNothingPublicAndTheDraftAsItWas() {
		CandidateProfile profile = CandidateProfile.empty("c1");
		profile.describe(words("Words"), Editor.STAFF, this.clock);
		profile.approve(1, this.clock);

		assertThat(profile.withdrawApproval()).isTrue();

		assertThat(profile.approval()).isNull();
		assertThat(profile.status()).isEqualTo(ProfileStatus.AWAITING_APPROVAL);
		assertThat(profile.draft().content().biography()).isEqualTo("Words");
		assertThat(profile.withdrawApproval()).isFalse();
	}

	@Test
	void everyAddressAndTextAtFaultIsNamed() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ProfileContent.described("x".repeat(5001), "p".repeat(101),
					new Links("javascript:alert(1)", "https://user:secret@donate.example.org", "ftp://example.org",
							List.of(new SocialLink(null, "https://x.com/me"), new SocialLink(SocialKind.X, " "),
									new SocialLink(SocialKind.OTHER, "https://" + "a".repeat(2000) + ".org")))))
			.satisfies((refused) -> assertThat(refused.errors().stream().map(InvalidInputException.FieldError::field))
				.containsExactlyInAnyOrder("biography", "party", "links.website", "links.donate", "links.volunteer",
						"links.social[0].kind", "links.social[1].url", "links.social[2].url"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ProfileContent.described(null, null,
					new Links(null, null, null,
							Collections.nCopies(11, new SocialLink(SocialKind.OTHER, "https://example.org")))))
			.satisfies((refused) -> assertThat(refused.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("links.social"));
	}

	@Test
	void aPhotoAddressMustBeHttpsWithoutCredentials() {
		for (String refused : List.of("http://img.example.org/me.jpg", "https://me:pw@img.example.org/me.jpg",
				"data:image/png;base64,AAAA", "javascript:alert(1)", "https:///nohost.jpg", "https://a b.org/x.jpg",
				"https://example.org/" + "x".repeat(2000))) {
			assertThatExceptionOfType(InvalidInputException.class).as(refused)
				.isThrownBy(() -> Photo.at("url", refused))
				.satisfies((problem) -> assertThat(problem.errors()).extracting(InvalidInputException.FieldError::field)
					.containsExactly("url"));
		}
		assertThat(Photo.at("url", "  https://img.example.org/me.jpg ").url())
			.isEqualTo("https://img.example.org/me.jpg");
	}

	@Test
	void blanksAreAbsentAndLinksMayBeHttp() {
		ProfileContent content = ProfileContent.described("  ", " Working Families ",
				new Links(" http://old-site.example.org ", "", null, null));

		assertThat(content.biography()).isNull();
		assertThat(content.party()).isEqualTo("Working Families");
		assertThat(content.links().website()).isEqualTo("http://old-site.example.org");
		assertThat(content.links().donate()).isNull();
		assertThat(content.links().social()).isEmpty();
	}

}

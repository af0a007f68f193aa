package org.groundgame.endorsement.profile;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.groundgame.endorsement.profile.domain.Links;
import org.groundgame.endorsement.profile.domain.ProfileContent;
import org.groundgame.endorsement.profile.domain.SocialKind;
import org.groundgame.endorsement.profile.domain.SocialLink;

/**
 * The body of {@code PUT …/profile}: the draft's words and links, replacing the ones
 * before (a field left out is emptied). The photo has requests of its own. Addresses and
 * lengths are the domain's to check ({@link ProfileContent#described}); the bounds here
 * only stop a huge body early.
 */
record ProfileRequest(@Size(max = ProfileContent.BIOGRAPHY) String biography,
		@Size(max = ProfileContent.PARTY) String party, @Valid LinksFields links) {

	ProfileContent toContent() {
		return ProfileContent.described(this.biography, this.party, (this.links != null) ? this.links.toLinks() : null);
	}

	record LinksFields(String website, String donate, String volunteer,
			@Size(max = 10) List<@NotNull SocialFields> social) {

		Links toLinks() {
			return new Links(this.website, this.donate, this.volunteer, (this.social != null)
					? this.social.stream().map((link) -> new SocialLink(link.kind(), link.url())).toList() : null);
		}

	}

	record SocialFields(SocialKind kind, String url) {
	}

	/** The body of {@code PUT …/profile/photo} as JSON: a photo at an https address. */
	record PhotoAddress(@NotBlank String url) {
	}

	/**
	 * The body of {@code POST /api/candidates/{id}/profile/approval}: the draft's
	 * revision staff read and approve.
	 */
	record Approval(@NotNull Long revision) {
	}

}

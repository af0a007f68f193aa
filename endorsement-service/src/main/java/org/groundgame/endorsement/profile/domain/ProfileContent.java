package org.groundgame.endorsement.profile.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What a profile says of the candidate: their biography, party, photo and links. Office,
 * district and race are not here: they are the race's.
 *
 * @param photo {@code null} for none
 */
public record ProfileContent(String biography, String party, Photo photo, Links links) {

	public static final int BIOGRAPHY = 5000;

	public static final int PARTY = 100;

	public static final ProfileContent EMPTY = new ProfileContent(null, null, null, Links.NONE);

	public ProfileContent {
		links = (links != null) ? links : Links.NONE;
	}

	/**
	 * The words and links as given, checked: every field at fault is named at once
	 * ({@code biography}, {@code links.social[2].url}…); blanks are absent. The photo is
	 * not among them: it has commands of its own.
	 * @throws org.groundgame.support.domain.InvalidInputException naming each field at
	 * fault
	 */
	public static ProfileContent described(String biography, String party, Links links) {
		WebAddresses checks = new WebAddresses();
		String bio = checks.problems().optional("biography", biography, BIOGRAPHY);
		String partyName = checks.problems().optional("party", party, PARTY);
		Links given = (links != null) ? links : Links.NONE;
		List<SocialLink> social = new ArrayList<>();
		if (given.social().size() > WebAddresses.MAX_SOCIAL_LINKS) {
			checks.problems().add("links.social", "must hold at most " + WebAddresses.MAX_SOCIAL_LINKS + " links");
		}
		for (int i = 0; i < given.social().size(); i++) {
			SocialLink link = given.social().get(i);
			String field = "links.social[" + i + "]";
			if (link == null) {
				checks.problems().add(field, "must not be null");
				continue;
			}
			if (link.kind() == null) {
				checks.problems().add(field + ".kind", "must not be null");
			}
			String url = checks.web(field + ".url", link.url());
			if (url == null) {
				checks.problems().add(field + ".url", "must not be blank");
			}
			social.add(new SocialLink(link.kind(), url));
		}
		Links checked = new Links(checks.web("links.website", given.website()),
				checks.web("links.donate", given.donate()), checks.web("links.volunteer", given.volunteer()), social);
		checks.throwIfAny();
		return new ProfileContent(bio, partyName, null, checked);
	}

	/** The same words and links with another photo ({@code null}: none). */
	public ProfileContent withPhoto(Photo photo) {
		return new ProfileContent(this.biography, this.party, photo, this.links);
	}

	/** These words and links with the photo of another content. */
	ProfileContent withPhotoOf(ProfileContent other) {
		return withPhoto((other != null) ? other.photo() : null);
	}

}

package org.groundgame.endorsement.profile.domain;

import java.util.List;

/**
 * Where the public can learn more, give or help: each an absolute http(s) address.
 *
 * @param social at most {@link WebAddresses#MAX_SOCIAL_LINKS}
 */
public record Links(String website, String donate, String volunteer, List<SocialLink> social) {

	public static final Links NONE = new Links(null, null, null, List.of());

	public Links {
		social = (social != null) ? List.copyOf(social) : List.of();
	}

}

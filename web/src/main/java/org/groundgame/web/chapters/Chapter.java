package org.groundgame.web.chapters;

import java.util.List;

/**
 * A chapter as the public API shows it.
 *
 * @param id its id
 * @param name its name
 * @param state its two-letter state code
 * @param city its city
 * @param parentOrganization the organization it belongs to, if any
 * @param sisterChapters its sister chapters
 */
public record Chapter(String id, String name, String state, String city, String parentOrganization,
		List<Sister> sisterChapters) {

	public Chapter {
		sisterChapters = (sisterChapters != null) ? sisterChapters : List.of();
	}

	/**
	 * @param id the sister's id
	 * @param name its name
	 * @param city its city
	 * @param state its state
	 */
	public record Sister(String id, String name, String city, String state) {

	}

}

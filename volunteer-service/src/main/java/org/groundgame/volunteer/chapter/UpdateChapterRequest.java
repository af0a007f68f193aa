package org.groundgame.volunteer.chapter;

import java.util.List;

import org.groundgame.volunteer.chapter.Chapter.UpdateChapter;

/**
 * The body of {@code PUT /api/chapters/{id}}: the details a chapter may change, all of
 * them (what is left out is none). The state may be repeated but not changed; the id and
 * the registration time are the server's. Checked by the domain, after the caller's right
 * to change the chapter, so that every field at fault is named in one answer.
 */
record UpdateChapterRequest(String name, String state, String city, String contactEmail, String parentOrganization,
		List<String> sisterChapterIds) {

	UpdateChapter toCommand() {
		return new UpdateChapter(this.name, this.state, this.city, this.contactEmail, this.parentOrganization,
				this.sisterChapterIds);
	}

}

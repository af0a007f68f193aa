package org.groundgame.volunteer.chapter;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.groundgame.support.geography.UsStateCode;
import org.groundgame.volunteer.chapter.Chapter.RegisterChapter;

/**
 * The body of {@code POST /api/chapters}: only what a registrar may choose; the id and
 * the registration time are the server's. Whether the sister chapters are registered (and
 * how many distinct ones there are) is the domain's to check.
 */
record RegisterChapterRequest(@NotBlank @Size(max = ChapterName.MAX_LENGTH) String name,
		@NotBlank @UsStateCode String state, @NotBlank @Size(max = Chapter.MAX_CITY_LENGTH) String city,
		@NotBlank @Size(max = ContactEmail.MAX_LENGTH) @Email(regexp = ContactEmail.PATTERN) String contactEmail,
		@Size(max = Chapter.MAX_PARENT_ORGANIZATION_LENGTH) String parentOrganization, List<String> sisterChapterIds) {

	RegisterChapter toCommand() {
		return new RegisterChapter(this.name, this.state, this.city, this.contactEmail, this.parentOrganization,
				this.sisterChapterIds);
	}

}

package org.groundgame.volunteer.chapter;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.groundgame.volunteer.chapter.Chapter.RegisterChapter;
import org.groundgame.support.geography.UsStateCode;

/**
 * The body of {@code POST /api/chapters}: only what a registrar may choose; the id and
 * the registration time are the server's.
 */
record RegisterChapterRequest(@NotBlank @Size(max = ChapterName.MAX_LENGTH) String name,
		@NotBlank @UsStateCode String state, @NotBlank @Size(max = Chapter.MAX_CITY_LENGTH) String city,
		@NotBlank @Size(max = ContactEmail.MAX_LENGTH) @Email(regexp = ContactEmail.PATTERN) String contactEmail) {

	RegisterChapter toCommand() {
		return new RegisterChapter(this.name, this.state, this.city, this.contactEmail);
	}

}

package org.groundgame.web.console;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.groundgame.web.api.PageOf;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which chapter a chapter's page is about. A chapter organizer's pages are their own
 * chapter's; national staff name the chapter (the {@code chapter} parameter), and are
 * asked to choose one when they name none. A chapter named in the address is passed to
 * the services as it is, whoever asks: an organizer of another chapter is refused by the
 * services ({@code 403}, their token is not that chapter's), never by this class, so that
 * the console grants nothing the services would not.
 */
@Component
public class ChapterScope {

	/** The parameter that names a chapter in a console address. */
	public static final String PARAMETER = "chapter";

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final ParameterizedTypeReference<PageOf<Chapter>> CHAPTERS = new ParameterizedTypeReference<>() {
	};

	private final ConsoleApis apis;

	ChapterScope(ConsoleApis apis) {
		this.apis = apis;
	}

	/**
	 * @param organizer who is signed in
	 * @param requested the chapter the address names, or {@code null}
	 * @return the chapter the page is about; empty for staff who named none
	 * @throws ResponseStatusException {@code 404} for a chapter id not of the platform's
	 * form (never sent to a service)
	 */
	public Optional<String> chapter(Organizer organizer, String requested) {
		if (requested != null && !requested.isBlank()) {
			if (!ID.matcher(requested.strip()).matches()) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			return Optional.of(requested.strip());
		}
		return organizer.isChapterOrganizer() ? Optional.of(organizer.chapterId()) : Optional.empty();
	}

	/**
	 * The page that asks staff which chapter's page they want.
	 * @param model the page's model
	 * @param path the page to open with the chapter chosen
	 * @param title the message key of that page's title
	 * @return the view
	 */
	public String choose(Model model, String path, String title) {
		model.addAttribute("chapters", chapters());
		model.addAttribute("path", path);
		model.addAttribute("title", title);
		return "console/choose-chapter";
	}

	/**
	 * Every registered chapter, by name (the public directory).
	 * @return the chapters
	 */
	public List<Chapter> chapters() {
		PageOf<Chapter> page = this.apis.volunteer().get().uri("/api/chapters?size=100").retrieve().body(CHAPTERS);
		return (page != null) ? page.content() : List.of();
	}

	/**
	 * A chapter's name and place, from the public directory.
	 * @param id the chapter's id
	 * @return the chapter
	 */
	public Chapter chapterNamed(String id) {
		return this.apis.volunteer().get().uri("/api/chapters/{id}", id).retrieve().body(Chapter.class);
	}

	/** A chapter as the console names it. */
	public record Chapter(String id, String name, String state, String city) {

	}

}

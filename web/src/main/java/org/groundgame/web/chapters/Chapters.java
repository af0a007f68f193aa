package org.groundgame.web.chapters;

import org.groundgame.web.api.PageOf;
import org.groundgame.web.api.PlatformApis;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** volunteer-service's public chapter directory. */
@Component
public class Chapters {

	/** Enough for any state's chapters on one page. */
	public static final int DIRECTORY_SIZE = 100;

	private static final ParameterizedTypeReference<PageOf<Chapter>> CHAPTERS = new ParameterizedTypeReference<>() {
	};

	private final PlatformApis apis;

	Chapters(PlatformApis apis) {
		this.apis = apis;
	}

	/**
	 * @param state a two-letter state code, or blank for every state
	 * @param page the page, from 0
	 * @return a page of chapters, sorted by name
	 */
	public PageOf<Chapter> chapters(String state, int page) {
		return this.apis.volunteer().get().uri((uri) -> {
			uri.path("/api/chapters").queryParam("page", page).queryParam("size", DIRECTORY_SIZE);
			if (state != null && !state.isBlank()) {
				uri.queryParam("state", state);
			}
			return uri.build();
		}).retrieve().body(CHAPTERS);
	}

	public Chapter chapter(String id) {
		return this.apis.volunteer().get().uri("/api/chapters/{id}", id).retrieve().body(Chapter.class);
	}

}

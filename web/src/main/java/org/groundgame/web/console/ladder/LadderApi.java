package org.groundgame.web.console.ladder;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.ConsoleApis;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * campaign-training-service's leadership ladder as the person signed in calls it, with
 * their own token (the service decides which rows they see and whether they may look a
 * person up), and volunteer-service's public chapter list for the chapters' names.
 */
@Component
class LadderApi {

	static final int PAGE_SIZE = 20;

	private static final ParameterizedTypeReference<PageOf<ChapterName>> CHAPTERS = new ParameterizedTypeReference<>() {
	};

	private final ConsoleApis apis;

	LadderApi(ConsoleApis apis) {
		this.apis = apis;
	}

	/**
	 * @param chapterId one chapter's row only, or {@code null}
	 */
	Ladder ladder(String chapterId, int page) {
		return training().get().uri((uri) -> {
			uri.path("/api/training/ladder").queryParam("page", page).queryParam("size", PAGE_SIZE);
			if (chapterId != null) {
				uri.queryParam("chapterId", chapterId);
			}
			return uri.build();
		}).retrieve().body(Ladder.class);
	}

	/**
	 * A person's path; the address travels in the query, encoded, and is logged nowhere.
	 */
	Ladder.Path path(String email) {
		return training().get()
			.uri("/api/training/ladder/people?email={email}", (email != null) ? email : "")
			.retrieve()
			.body(Ladder.Path.class);
	}

	/**
	 * The names of some chapters, by id: from the public list, and one by one for those
	 * beyond its first hundred; a chapter volunteer-service does not know has none.
	 */
	Map<String, String> chapterNames(Collection<String> chapterIds) {
		PageOf<ChapterName> chapters = this.apis.volunteer()
			.get()
			.uri("/api/chapters?size=100")
			.retrieve()
			.body(CHAPTERS);
		Map<String, String> names = new LinkedHashMap<>();
		if (chapters != null) {
			chapters.content().forEach((chapter) -> names.put(chapter.id(), chapter.name()));
		}
		for (String chapterId : chapterIds) {
			if (chapterId != null && !names.containsKey(chapterId)) {
				try {
					ChapterName chapter = this.apis.volunteer()
						.get()
						.uri("/api/chapters/{id}", chapterId)
						.retrieve()
						.body(ChapterName.class);
					if (chapter != null) {
						names.put(chapterId, chapter.name());
					}
				}
				catch (ApiProblem problem) {
					if (!problem.isNotFound()) {
						throw problem;
					}
				}
			}
		}
		return names;
	}

	private RestClient training() {
		return this.apis.training();
	}

	record ChapterName(String id, String name) {
	}

}

package org.groundgame.web.console.leaderboards;

import java.util.Optional;
import java.util.regex.Pattern;

import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.ChapterScope;
import org.groundgame.web.console.ConsoleApis;
import org.groundgame.web.console.Organizer;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Leaderboards ({@code /console/leaderboards}): the chapter's volunteers by hours
 * (volunteer-service's, for staff and that chapter) and the chapters by hours, of one
 * state or all (public). Only shifts attended count.
 */
@Controller
class LeaderboardsController {

	private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");

	private static final ParameterizedTypeReference<PageOf<VolunteerLine>> VOLUNTEERS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<PageOf<ChapterLine>> CHAPTERS = new ParameterizedTypeReference<>() {
	};

	private final ConsoleApis apis;

	private final ChapterScope scope;

	LeaderboardsController(ConsoleApis apis, ChapterScope scope) {
		this.apis = apis;
		this.scope = scope;
	}

	@GetMapping("/console/leaderboards")
	String leaderboards(Organizer organizer,
			@RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			@RequestParam(required = false) String state, Model model) {
		Optional<String> chapterId = this.scope.chapter(organizer, chapter);
		if (chapterId.isPresent()) {
			model.addAttribute("volunteers",
					this.apis.volunteer()
						.get()
						.uri("/api/leaderboards/volunteers?chapterId={chapter}&size=20", chapterId.get())
						.retrieve()
						.body(VOLUNTEERS));
			model.addAttribute("chapterName", this.scope.chapterNamed(chapterId.get()).name());
		}
		Optional<String> byState = Optional.ofNullable(state)
			.map(String::strip)
			.filter((code) -> STATE.matcher(code).matches())
			.map((code) -> code.toUpperCase(java.util.Locale.ROOT));
		model.addAttribute("chapters",
				this.apis.volunteer()
					.get()
					.uri((uri) -> uri.path("/api/leaderboards/chapters")
						.queryParamIfPresent("state", byState)
						.queryParam("size", 20)
						.build())
					.retrieve()
					.body(CHAPTERS));
		model.addAttribute("chapterId", chapterId.orElse(null));
		model.addAttribute("state", byState.orElse(null));
		return "console/leaderboards";
	}

	/** A volunteer's line of a chapter's leaderboard. */
	record VolunteerLine(int rank, String volunteerId, String name, String chapterId, double hours, int shifts) {

	}

	/** A chapter's line of the chapters' leaderboard. */
	record ChapterLine(int rank, String chapterId, String name, String state, double hours, int volunteers,
			int shifts) {

	}

}

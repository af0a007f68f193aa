package org.groundgame.web.chapters;

import java.time.Clock;
import java.time.Instant;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.groundgame.web.candidates.Endorsements;
import org.groundgame.web.volunteers.Opportunities;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The chapter directory by state, and each chapter's page: its city, parent organization,
 * sister chapters, the endorsed races of its state and its upcoming opportunities (three
 * calls, one per part).
 */
@Controller
class ChaptersController {

	static final int UPCOMING = 10;

	private final Chapters chapters;

	private final Endorsements endorsements;

	private final Opportunities opportunities;

	private final Clock clock;

	ChaptersController(Chapters chapters, Endorsements endorsements, Opportunities opportunities) {
		this.chapters = chapters;
		this.endorsements = endorsements;
		this.opportunities = opportunities;
		this.clock = Clock.systemUTC();
	}

	@GetMapping("/chapters")
	String directory(@RequestParam(required = false) String state, Model model) {
		model.addAttribute("state", state);
		model.addAttribute("byState",
				this.chapters.chapters(state, 0)
					.content()
					.stream()
					.collect(Collectors.groupingBy(Chapter::state, TreeMap::new, Collectors.toList())));
		return "chapters/directory";
	}

	@GetMapping("/chapters/{id}")
	String chapter(@PathVariable String id, Model model) {
		Chapter chapter = this.chapters.chapter(id);
		model.addAttribute("chapter", chapter);
		model.addAttribute("races",
				this.endorsements.races(new Endorsements.Filter(chapter.state(), null, null, null), 0, 20).content());
		model.addAttribute("opportunities",
				this.opportunities
					.opportunities(new Opportunities.Filter(null, id, null, null, Instant.now(this.clock), null), 0,
							UPCOMING)
					.content());
		return "chapters/chapter";
	}

}

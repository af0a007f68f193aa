package org.groundgame.web.console.ladder;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.console.BarChart;
import org.groundgame.web.console.Organizer;
import org.groundgame.web.site.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The leadership ladder in the console: for national staff and the school's staff, every
 * chapter's climbers (volunteered → trained → ran → endorsed → won) as bars and a table,
 * and a form to look one person up by address and see their path as a ladder; for a
 * chapter's organizer, their own chapter's row and no look-up. Staff may narrow the table
 * to one chapter ({@code ?chapterId=}); a chapter asking for another's is refused by the
 * service. The look-up is a {@code POST}, so that the address stays out of addresses,
 * histories and logs.
 */
@Controller
class LadderController {

	private final LadderApi api;

	private final MessageSource messages;

	private final FormErrors formErrors;

	LadderController(LadderApi api, MessageSource messages, FormErrors formErrors) {
		this.api = api;
		this.messages = messages;
		this.formErrors = formErrors;
	}

	@GetMapping("/console/ladder")
	String ladder(@RequestParam(required = false) String chapterId, @RequestParam(defaultValue = "0") int page,
			Organizer organizer, Locale locale, Model model) {
		if (!organizer.runsTheSchool() && !organizer.isChapterOrganizer()) {
			throw new ApiProblem(403, "Forbidden", null, List.of());
		}
		String chosen = (chapterId != null && !chapterId.isBlank()) ? chapterId.strip() : null;
		return page(chosen, Math.max(page, 0), organizer, locale, model);
	}

	@PostMapping("/console/ladder/people")
	String person(@RequestParam(required = false) String email, Organizer organizer, Locale locale, Model model) {
		if (!organizer.runsTheSchool()) {
			throw new ApiProblem(403, "Forbidden", null, List.of());
		}
		model.addAttribute("email", email);
		try {
			model.addAttribute("path", this.api.path(email));
		}
		catch (ApiProblem problem) {
			if (problem.status() != 400) {
				throw problem;
			}
			model.addAttribute("errors", this.formErrors.byField(problem, locale, Map.of()));
		}
		return page(null, 0, organizer, locale, model);
	}

	private String page(String chapterId, int page, Organizer organizer, Locale locale, Model model) {
		Ladder ladder = this.api.ladder(chapterId, page);
		Set<String> chapterIds = new HashSet<>();
		ladder.content().forEach((row) -> chapterIds.add(row.chapterId()));
		Ladder.Path path = (Ladder.Path) model.getAttribute("path");
		if (path != null) {
			path.volunteering().forEach((volunteering) -> chapterIds.add(volunteering.chapterId()));
		}
		Map<String, String> names = this.api.chapterNames(chapterIds);
		String noChapter = this.messages.getMessage("console.ladder.no-chapter", null, locale);
		List<String> labels = ladder.content()
			.stream()
			.map((row) -> (row.chapterId() == null) ? noChapter : names.getOrDefault(row.chapterId(), row.chapterId()))
			.toList();
		model.addAttribute("ladder", ladder);
		model.addAttribute("labels", labels);
		model.addAttribute("chapterNames", names);
		model.addAttribute("rungs", Ladder.RUNGS);
		model.addAttribute("chart",
				BarChart.of(labels, Ladder.RUNGS, ladder.content().stream().map(Ladder.ChapterRow::counts).toList()));
		model.addAttribute("mayLookUp", organizer.runsTheSchool());
		model.addAttribute("chapterId", chapterId);
		return "console/ladder/ladder";
	}

}

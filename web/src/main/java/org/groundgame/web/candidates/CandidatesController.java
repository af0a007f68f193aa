package org.groundgame.web.candidates;

import org.groundgame.web.site.Htmx;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Meet our endorsed candidates": the list with its filters, each candidate's page, the
 * current races and the results per cycle.
 */
@Controller
class CandidatesController {

	static final int PAGE_SIZE = 24;

	private final Endorsements endorsements;

	CandidatesController(Endorsements endorsements) {
		this.endorsements = endorsements;
	}

	@GetMapping("/candidates")
	String candidates(@RequestParam(required = false) String state, @RequestParam(required = false) String level,
			@RequestParam(required = false) String office, @RequestParam(required = false) Integer cycle,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = Htmx.REQUEST, required = false) String htmx, Model model) {
		Endorsements.Filter filter = new Endorsements.Filter(state, level, office, cycle);
		model.addAttribute("filter", filter);
		model.addAttribute("endorsements", this.endorsements.endorsements(filter, Math.max(page, 0), PAGE_SIZE));
		if (!"true".equals(htmx)) {
			model.addAttribute("facets", this.endorsements.facets());
		}
		return Htmx.fragmentOr(htmx, "candidates/list", "results");
	}

	@GetMapping("/candidates/{endorsementId}")
	String candidate(@PathVariable String endorsementId, Model model) {
		model.addAttribute("endorsement", this.endorsements.endorsement(endorsementId));
		return "candidates/candidate";
	}

	@GetMapping("/races")
	String races(@RequestParam(required = false) String state, @RequestParam(required = false) String level,
			@RequestParam(required = false) Integer cycle, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = Htmx.REQUEST, required = false) String htmx, Model model) {
		Endorsements.Filter filter = new Endorsements.Filter(state, level, null, cycle);
		model.addAttribute("filter", filter);
		model.addAttribute("races", this.endorsements.races(filter, Math.max(page, 0), PAGE_SIZE));
		return Htmx.fragmentOr(htmx, "candidates/races", "results");
	}

	@GetMapping("/results")
	String results(Model model) {
		model.addAttribute("results", this.endorsements.results());
		return "candidates/results";
	}

}

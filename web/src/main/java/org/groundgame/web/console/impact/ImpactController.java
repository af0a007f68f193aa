package org.groundgame.web.console.impact;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.Organizer;
import org.groundgame.web.console.staff.Endorsement;
import org.groundgame.web.console.staff.Nomination;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Race impact ({@code /console/impact}): each endorsed race with its result and the
 * volunteer effort behind it, and one race's page that puts side by side the research
 * (win number, polling, fundraising), the effort of every chapter by type of work, and
 * the outcome of each stage. For national staff (every chapter's effort, and the
 * research) and chapter organizers (their own chapter's part and the public result, never
 * the research nor another chapter's numbers: volunteer-service answers their token with
 * their part alone, and the research is not asked for). Anyone else gets the console's
 * 403 page before any call.
 */
@Controller
class ImpactController {

	private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

	private final ImpactApi api;

	ImpactController(ImpactApi api) {
		this.api = api;
	}

	@GetMapping("/console/impact")
	String races(Organizer organizer, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") int page, Model model) {
		requireStaffOrChapter(organizer);
		Optional<String> byState = Optional.ofNullable(state).map(String::strip).filter((code) -> !code.isEmpty());
		if (byState.isPresent() && !STATE.matcher(byState.get()).matches()) {
			throw new ApiProblem(HttpServletResponse.SC_BAD_REQUEST, "Bad filter", null, null);
		}
		byState = byState.map((code) -> code.toUpperCase(Locale.ROOT));
		PageOf<Endorsement> endorsements = this.api.endorsements(byState, Math.max(page, 0));
		model.addAttribute("endorsements", endorsements);
		model.addAttribute("effort", this.api.effortOf(endorsements.content().stream().map(Endorsement::id).toList()));
		model.addAttribute("state", byState.orElse(null));
		model.addAttribute("base", "/console/impact" + byState.map((code) -> "?state=" + code).orElse(""));
		return "console/impact/races";
	}

	@GetMapping("/console/impact/{endorsementId}")
	String race(Organizer organizer, @PathVariable String endorsementId, Model model) {
		requireStaffOrChapter(organizer);
		if (!ID.matcher(endorsementId).matches()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Endorsement endorsement = this.api.endorsement(endorsementId);
		model.addAttribute("endorsement", endorsement);
		if (organizer.isStaff() && endorsement.nominationId() != null) {
			Nomination nomination = this.api.nomination(endorsement.nominationId());
			model.addAttribute("research", (nomination != null) ? nomination.research() : null);
		}
		model.addAttribute("effort", this.api.effort(endorsement.id()));
		return "console/impact/race";
	}

	/**
	 * @throws ApiProblem a {@code 403}, the console's page for what is not the person's
	 * to see
	 */
	private static void requireStaffOrChapter(Organizer organizer) {
		if (!organizer.isStaff() && !organizer.isChapterOrganizer()) {
			throw new ApiProblem(HttpServletResponse.SC_FORBIDDEN, "Forbidden",
					"National staff's and chapter organizers' page", null);
		}
	}

}

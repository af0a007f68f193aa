package org.groundgame.web.volunteers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.groundgame.web.WebProperties;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PlatformApis;
import org.groundgame.web.chapters.Chapters;
import org.groundgame.web.site.FormErrors;
import org.groundgame.web.site.Htmx;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Volunteer opportunities: the list with its filters, an opportunity's page with its
 * shifts, seats left and waitlist, and the RSVP in one step (name, e-mail, phone,
 * consent). The seat or the place in line is held at once; the person's private link goes
 * to their e-mail, never to this page, so that what the page answers is the same
 * whoever's address was typed.
 */
@Controller
class OpportunitiesController {

	static final int PAGE_SIZE = 20;

	static final List<String> TYPES = List.of("PHONE_BANK", "CANVASS", "DEEP_CANVASS", "TEXT_BANK", "VOTER_REG", "GOTV",
			"TRAINING");

	private final Opportunities opportunities;

	private final Chapters chapters;

	private final PlatformApis apis;

	private final FormErrors formErrors;

	private final ZoneId zone;

	private final Clock clock = Clock.systemUTC();

	OpportunitiesController(Opportunities opportunities, Chapters chapters, PlatformApis apis, FormErrors formErrors,
			WebProperties properties) {
		this.opportunities = opportunities;
		this.chapters = chapters;
		this.apis = apis;
		this.formErrors = formErrors;
		this.zone = properties.timeZone();
	}

	@GetMapping("/opportunities")
	String list(@RequestParam(required = false) String state, @RequestParam(required = false) String chapterId,
			@RequestParam(required = false) String type, @RequestParam(required = false) String endorsementId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = Htmx.REQUEST, required = false) String htmx, Model model) {
		// Upcoming only, unless a day is asked for.
		Instant start = (from != null) ? from.atStartOfDay(this.zone).toInstant() : Instant.now(this.clock);
		Instant end = (to != null) ? to.plusDays(1).atStartOfDay(this.zone).toInstant() : null;
		Opportunities.Filter filter = new Opportunities.Filter(state, chapterId, type, endorsementId, start, end);
		model.addAttribute("filter", new ListFilter(state, chapterId, type, endorsementId, from, to));
		model.addAttribute("types", TYPES);
		model.addAttribute("chapters", this.chapters.chapters(null, 0).content());
		model.addAttribute("opportunities", this.opportunities.opportunities(filter, Math.max(page, 0), PAGE_SIZE));
		return Htmx.fragmentOr(htmx, "volunteers/opportunities", "results");
	}

	@GetMapping("/opportunities/{id}")
	String opportunity(@PathVariable String id, @RequestParam(required = false) String shift, Model model) {
		return page(this.opportunities.opportunity(id), RsvpForm.empty(shift), null, model);
	}

	@PostMapping("/opportunities/{id}/rsvp")
	String rsvp(@PathVariable String id, @ModelAttribute RsvpForm form, Locale locale,
			@RequestHeader(name = Htmx.REQUEST, required = false) String htmx, Model model) {
		Opportunity opportunity = this.opportunities.opportunity(id);
		boolean ofThisOpportunity = opportunity.shifts().stream().anyMatch((s) -> s.id().equals(form.shiftId()));
		if (!ofThisOpportunity) {
			return page(opportunity, form, Map.of("shiftId", this.formErrors.message("rsvp.shift.choose", locale)),
					model);
		}
		Held held;
		try {
			held = this.apis.volunteer()
				.post()
				.uri("/api/shifts/{shiftId}/rsvps", form.shiftId())
				.contentType(MediaType.APPLICATION_JSON)
				.body(form.toRequest(locale.getLanguage()))
				.retrieve()
				.body(Held.class);
		}
		catch (ApiProblem problem) {
			if (problem.isNotFound() || problem.status() == 429) {
				throw problem;
			}
			Map<String, String> errors = this.formErrors.byField(problem, locale, RsvpForm.FIELD_NAMES);
			if (errors.isEmpty()) {
				errors = Map.of("shiftId", this.formErrors.general(problem, locale, "rsvp.refused"));
			}
			return page(opportunity, form, errors, model);
		}
		model.addAttribute("opportunity", opportunity);
		model.addAttribute("shift",
				opportunity.shifts().stream().filter((s) -> s.id().equals(form.shiftId())).findFirst().orElseThrow());
		model.addAttribute("held", held);
		return "volunteers/rsvped";
	}

	private String page(Opportunity opportunity, RsvpForm form, Map<String, String> errors, Model model) {
		model.addAttribute("opportunity", opportunity);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("calendar", "/api/opportunities/" + opportunity.id() + "/calendar.ics");
		return "volunteers/opportunity";
	}

	/**
	 * The list's filters as the page shows them.
	 *
	 * @param state a state
	 * @param chapterId a chapter
	 * @param type a kind of opportunity
	 * @param endorsementId an endorsed race
	 * @param from from this day
	 * @param to to this day
	 */
	record ListFilter(String state, String chapterId, String type, String endorsementId, LocalDate from, LocalDate to) {

	}

	/**
	 * What the API answers to an RSVP: the same for anyone's address (for an address that
	 * already had a place on the shift, what the shift offers a newcomer now, so that the
	 * answer tells a stranger nothing: the person's own place is in their e-mail).
	 *
	 * @param status {@code REGISTERED} or {@code WAITLISTED}
	 * @param waitlistPosition the place in line, when waitlisted
	 */
	record Held(String status, Integer waitlistPosition) {

		public boolean waitlisted() {
			return "WAITLISTED".equals(this.status);
		}

	}

}

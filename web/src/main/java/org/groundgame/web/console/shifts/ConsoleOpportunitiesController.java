package org.groundgame.web.console.shifts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.groundgame.web.WebProperties;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.console.Organizer;
import org.groundgame.web.site.FormErrors;
import org.groundgame.web.site.Htmx;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A chapter's opportunities and shifts in the console, for its organizers (and national
 * staff): the list (the volunteer teams opened for endorsed races first, to fill with
 * shifts), creating and publishing an opportunity with its shifts, an opportunity's page
 * (edit, add a shift, capacity, cancel, reschedule, each change that tells volunteers
 * behind a confirmation step saying who will be told), and the day of the shift
 * (check-in, walk-ins, the roster printed or as CSV). Every change posts here, which
 * calls volunteer-service with the person's own token, and comes back to the page (post,
 * redirect, get) or shows the API's refusal next to the field at fault. volunteer-service
 * decides who may do what: a shift of another chapter is its 403, the console's "Not
 * yours to see".
 */
@Controller
class ConsoleOpportunitiesController {

	static final List<String> TYPES = List.of("CANVASS", "PHONE_BANK", "DEEP_CANVASS", "TEXT_BANK", "VOTER_REG", "GOTV",
			"TRAINING");

	static final List<String> STATUSES = List.of("DRAFT", "OPEN", "CANCELLED");

	/** Shift rows on the form that creates an opportunity. */
	static final int NEW_SHIFT_ROWS = 3;

	static final Set<String> CHANGES = Set.of("created", "published", "edited", "shift-added", "capacity", "cancelled",
			"shift-cancelled", "rescheduled");

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final ConsoleShiftsApi api;

	private final FormErrors formErrors;

	private final ZoneId zone;

	ConsoleOpportunitiesController(ConsoleShiftsApi api, FormErrors formErrors, WebProperties properties) {
		this.api = api;
		this.formErrors = formErrors;
		this.zone = properties.timeZone();
	}

	// The list and creating one

	@GetMapping("/console/opportunities")
	String opportunities(Organizer organizer, @RequestParam(required = false) String status,
			@RequestParam(required = false) String chapterId, Model model) {
		requireOrganizer(organizer);
		String chapter = organizer.isChapterOrganizer() ? organizer.chapterId()
				: ((chapterId != null && !chapterId.isBlank()) ? chapterId : null);
		String chosen = (status != null && STATUSES.contains(status)) ? status : null;
		List<Opportunity> teams = new ArrayList<>();
		List<Opportunity> drafts = new ArrayList<>();
		List<Opportunity> others = new ArrayList<>();
		for (String each : (chosen != null) ? List.of(chosen) : List.of("DRAFT", "OPEN")) {
			for (Opportunity opportunity : this.api.opportunities(chapter, each, 0).content()) {
				if (opportunity.isTeamToFill()) {
					teams.add(opportunity);
				}
				else if (opportunity.isDraft()) {
					drafts.add(opportunity);
				}
				else {
					others.add(opportunity);
				}
			}
		}
		model.addAttribute("teams", teams);
		model.addAttribute("drafts", drafts);
		model.addAttribute("others", others);
		model.addAttribute("status", chosen);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("chapterId", chapter);
		if (organizer.isStaff()) {
			model.addAttribute("chapters", this.api.chapters());
		}
		return "console/shifts/opportunities";
	}

	@GetMapping("/console/opportunities/new")
	String newOpportunity(Organizer organizer, Model model) {
		requireOrganizer(organizer);
		return creationForm(organizer, Map.of(), Map.of(), null, model);
	}

	@PostMapping("/console/opportunities")
	String create(Organizer organizer, @RequestParam MultiValueMap<String, String> form, Locale locale, Model model) {
		requireOrganizer(organizer);
		Map<String, String> values = form.toSingleValueMap();
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> body = details(values);
		if (organizer.isStaff()) {
			String chapterId = values.get("chapterId");
			if (chapterId == null || chapterId.isBlank()) {
				errors.put("chapterId", this.formErrors.message("console.shifts.form.chapter.required", locale));
			}
			else {
				body.put("chapterId", chapterId);
				this.api.chapters()
					.stream()
					.filter((c) -> c.id().equals(chapterId))
					.findFirst()
					.ifPresent((c) -> body.put("state", c.state()));
			}
		}
		List<Map<String, Object>> shifts = new ArrayList<>();
		for (int i = 0; i < NEW_SHIFT_ROWS; i++) {
			String prefix = "shifts[" + i + "].";
			String starts = values.get(prefix + "startsAt");
			String ends = values.get(prefix + "endsAt");
			String capacity = values.get(prefix + "capacity");
			if (blank(starts) && blank(ends) && blank(capacity)) {
				continue;
			}
			Map<String, Object> shift = new LinkedHashMap<>();
			putMoment(shift, "startsAt", starts, prefix, errors, locale);
			putMoment(shift, "endsAt", ends, prefix, errors, locale);
			putNumber(shift, "capacity", capacity, prefix, errors, locale);
			// The shift's number in the API's answer is its place among those sent.
			shift.put("row", i);
			shifts.add(shift);
		}
		boolean publish = "publish".equals(values.get("action"));
		if (publish && shifts.isEmpty()) {
			errors.put("shifts[0].startsAt", this.formErrors.message("console.shifts.form.shift.required", locale));
		}
		if (!errors.isEmpty()) {
			return creationForm(organizer, values, errors, null, model);
		}
		List<Integer> rows = new ArrayList<>();
		for (Map<String, Object> shift : shifts) {
			rows.add((Integer) shift.remove("row"));
		}
		body.put("shifts", shifts);
		body.put("draft", !publish);
		Opportunity created;
		try {
			created = this.api.create(body);
		}
		catch (ApiProblem problem) {
			if (problem.status() == 403 || problem.status() == 401) {
				throw problem;
			}
			Map<String, String> refused = new LinkedHashMap<>();
			fieldsOf(problem, locale).forEach((field, message) -> {
				// The API numbers shifts among those sent: the form's rows may skip
				// blanks.
				if (field.startsWith("shifts[")) {
					int end = field.indexOf(']');
					int sent = Integer.parseInt(field.substring(7, end));
					field = "shifts[" + ((sent < rows.size()) ? rows.get(sent) : sent) + field.substring(end);
				}
				refused.putIfAbsent(field, message);
			});
			return creationForm(organizer, values, refused,
					refused.isEmpty() ? refusal(problem, locale, "console.shifts.form.refused") : null, model);
		}
		return "redirect:/console/opportunities/" + created.id() + "?changed=" + (publish ? "published" : "created");
	}

	// An opportunity's page

	@GetMapping("/console/opportunities/{id}")
	String opportunity(Organizer organizer, @PathVariable String id, @RequestParam(required = false) String changed,
			Model model) {
		requireOrganizer(organizer);
		return opportunityPage(id, (changed != null && CHANGES.contains(changed)) ? changed : null, Map.of(), null,
				null, model);
	}

	@PostMapping("/console/opportunities/{id}")
	String edit(Organizer organizer, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
			Locale locale, Model model) {
		requireOrganizer(organizer);
		Map<String, String> values = form.toSingleValueMap();
		try {
			this.api.edit(id, details(values));
		}
		catch (ApiProblem problem) {
			if (!problem.isConflict() && problem.status() != 400) {
				throw problem;
			}
			Map<String, String> errors = fieldsOf(problem, locale);
			return opportunityPage(id, null, errors,
					errors.isEmpty() ? refusal(problem, locale, "console.shifts.edit.refused") : null, values, model);
		}
		return "redirect:/console/opportunities/" + id + "?changed=edited";
	}

	@PostMapping("/console/opportunities/{id}/shifts")
	String addShift(Organizer organizer, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
			Locale locale, Model model) {
		requireOrganizer(organizer);
		Map<String, String> values = form.toSingleValueMap();
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> shift = new LinkedHashMap<>();
		putMoment(shift, "startsAt", values.get("new.startsAt"), "new.", errors, locale);
		putMoment(shift, "endsAt", values.get("new.endsAt"), "new.", errors, locale);
		putNumber(shift, "capacity", values.get("new.capacity"), "new.", errors, locale);
		putText(shift, "location", values.get("new.location"));
		putText(shift, "virtualLink", values.get("new.virtualLink"));
		if (errors.isEmpty()) {
			try {
				this.api.addShift(id, shift);
				return "redirect:/console/opportunities/" + id + "?changed=shift-added";
			}
			catch (ApiProblem problem) {
				if (!problem.isConflict() && problem.status() != 400) {
					throw problem;
				}
				fieldsOf(problem, locale).forEach((field, message) -> errors.putIfAbsent("new." + field, message));
				if (errors.isEmpty()) {
					errors.put("new.startsAt", refusal(problem, locale, "console.shifts.shift.refused"));
				}
			}
		}
		model.addAttribute("newShift", values);
		return opportunityPage(id, null, errors, null, null, model);
	}

	@PostMapping("/console/opportunities/{id}/publish")
	String publish(Organizer organizer, @PathVariable String id, Locale locale, Model model) {
		requireOrganizer(organizer);
		try {
			this.api.publish(id);
		}
		catch (ApiProblem problem) {
			if (!problem.isConflict() && problem.status() != 400) {
				throw problem;
			}
			return opportunityPage(id, null, Map.of(), refusal(problem, locale, "console.shifts.publish.refused"), null,
					model);
		}
		return "redirect:/console/opportunities/" + id + "?changed=published";
	}

	@GetMapping("/console/opportunities/{id}/cancel")
	String confirmCancelOpportunity(Organizer organizer, @PathVariable String id, Model model) {
		requireOrganizer(organizer);
		return cancelOpportunityPage(id, null, Map.of(), null, model);
	}

	@PostMapping("/console/opportunities/{id}/cancel")
	String cancelOpportunity(Organizer organizer, @PathVariable String id,
			@RequestParam(required = false) String reason, Locale locale, Model model) {
		requireOrganizer(organizer);
		if (blank(reason)) {
			return cancelOpportunityPage(id, reason,
					Map.of("reason", this.formErrors.message("console.shifts.reason.required", locale)), null, model);
		}
		try {
			this.api.cancelOpportunity(id, reason.strip());
		}
		catch (ApiProblem problem) {
			if (!problem.isConflict() && problem.status() != 400) {
				throw problem;
			}
			Map<String, String> errors = fieldsOf(problem, locale);
			return cancelOpportunityPage(id, reason, errors,
					errors.isEmpty() ? refusal(problem, locale, "console.shifts.cancel.refused") : null, model);
		}
		return "redirect:/console/opportunities/" + id + "?changed=cancelled";
	}

	// A shift

	@GetMapping("/console/shifts/{id}")
	String shift(Organizer organizer, @PathVariable String id) {
		requireOrganizer(organizer);
		return "redirect:/console/opportunities/" + this.api.shift(id).opportunityId() + "#shift-" + id;
	}

	@PostMapping("/console/shifts/{id}/capacity")
	String changeCapacity(Organizer organizer, @PathVariable String id, @RequestParam(required = false) String capacity,
			Locale locale, Model model) {
		requireOrganizer(organizer);
		Shift shift = this.api.shift(id);
		Integer seats = number(capacity);
		String problem = null;
		if (seats == null) {
			problem = this.formErrors.message("console.shifts.number.malformed", locale);
		}
		else {
			try {
				this.api.changeCapacity(id, seats);
				return "redirect:/console/opportunities/" + shift.opportunityId() + "?changed=capacity";
			}
			catch (ApiProblem refused) {
				if (!refused.isConflict() && refused.status() != 400) {
					throw refused;
				}
				problem = refusal(refused, locale, "console.shifts.capacity.refused");
			}
		}
		model.addAttribute("capacityShift", id);
		return opportunityPage(shift.opportunityId(), null, Map.of(), problem, null, model);
	}

	@GetMapping("/console/shifts/{id}/cancel")
	String confirmCancelShift(Organizer organizer, @PathVariable String id, Model model) {
		requireOrganizer(organizer);
		return cancelShiftPage(id, null, Map.of(), null, model);
	}

	@PostMapping("/console/shifts/{id}/cancel")
	String cancelShift(Organizer organizer, @PathVariable String id, @RequestParam(required = false) String reason,
			Locale locale, Model model) {
		requireOrganizer(organizer);
		if (blank(reason)) {
			return cancelShiftPage(id, reason,
					Map.of("reason", this.formErrors.message("console.shifts.reason.required", locale)), null, model);
		}
		Shift shift = this.api.shift(id);
		try {
			this.api.cancelShift(id, reason.strip());
		}
		catch (ApiProblem problem) {
			if (!problem.isConflict() && problem.status() != 400) {
				throw problem;
			}
			Map<String, String> errors = fieldsOf(problem, locale);
			return cancelShiftPage(id, reason, errors,
					errors.isEmpty() ? refusal(problem, locale, "console.shifts.cancel.refused") : null, model);
		}
		return "redirect:/console/opportunities/" + shift.opportunityId() + "?changed=shift-cancelled";
	}

	@GetMapping("/console/shifts/{id}/reschedule")
	String confirmReschedule(Organizer organizer, @PathVariable String id, Model model) {
		requireOrganizer(organizer);
		Shift shift = this.api.shift(id);
		Map<String, String> values = new LinkedHashMap<>();
		values.put("startsAt", local(shift.startsAt()));
		values.put("endsAt", local(shift.endsAt()));
		values.put("location", shift.location());
		values.put("virtualLink", shift.virtualLink());
		return reschedulePage(shift, values, Map.of(), null, model);
	}

	@PostMapping("/console/shifts/{id}/reschedule")
	String reschedule(Organizer organizer, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
			Locale locale, Model model) {
		requireOrganizer(organizer);
		Shift shift = this.api.shift(id);
		Map<String, String> values = form.toSingleValueMap();
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> body = new LinkedHashMap<>();
		putMoment(body, "startsAt", values.get("startsAt"), "", errors, locale);
		putMoment(body, "endsAt", values.get("endsAt"), "", errors, locale);
		putText(body, "location", values.get("location"));
		putText(body, "virtualLink", values.get("virtualLink"));
		if (!errors.isEmpty()) {
			return reschedulePage(shift, values, errors, null, model);
		}
		try {
			this.api.reschedule(id, body);
		}
		catch (ApiProblem problem) {
			if (!problem.isConflict() && problem.status() != 400) {
				throw problem;
			}
			Map<String, String> refused = fieldsOf(problem, locale);
			return reschedulePage(shift, values, refused,
					refused.isEmpty() ? refusal(problem, locale, "console.shifts.reschedule.refused") : null, model);
		}
		return "redirect:/console/opportunities/" + shift.opportunityId() + "?changed=rescheduled";
	}

	// The day of the shift

	@GetMapping("/console/shifts/{id}/check-in")
	String checkIn(Organizer organizer, @PathVariable String id, @RequestParam(required = false) String changed,
			Model model) {
		requireOrganizer(organizer);
		return checkInPage(id, "walk-in".equals(changed) ? changed : null, Map.of(), Map.of(), Map.of(), model);
	}

	@PostMapping("/console/shifts/{id}/check-in/{signupId}")
	String recordAttendance(Organizer organizer, @PathVariable String id, @PathVariable String signupId,
			@RequestParam(required = false) String attended, @RequestParam(required = false) String hours,
			@RequestHeader(name = Htmx.REQUEST, required = false) String htmx, Locale locale, Model model) {
		requireOrganizer(organizer);
		boolean came = !"false".equals(attended);
		Double worked = null;
		String problem = null;
		if (came && !blank(hours)) {
			try {
				worked = Double.valueOf(hours.strip().replace(',', '.'));
			}
			catch (NumberFormatException ex) {
				problem = this.formErrors.message("console.shifts.hours.malformed", locale);
			}
		}
		Signup recorded = null;
		if (problem == null) {
			try {
				recorded = this.api.attendance(id, signupId, came, worked);
			}
			catch (ApiProblem refused) {
				if (!refused.isConflict() && refused.status() != 400) {
					throw refused;
				}
				problem = refusal(refused, locale, "console.shifts.attendance.refused");
			}
		}
		if ("true".equals(htmx)) {
			Shift shift = this.api.shift(id);
			Signup row = (recorded != null && recorded.name() != null) ? recorded
					: this.api.roster(id)
						.stream()
						.filter((s) -> s.id().equals(signupId))
						.findFirst()
						.orElseThrow(() -> new ApiProblem(404, null, null, List.of()));
			model.addAttribute("shift", shift);
			model.addAttribute("seated", List.of(row));
			model.addAttribute("rowProblem", problem);
			return "console/shifts/check-in :: row";
		}
		if (problem != null) {
			return checkInPage(id, null, Map.of(), Map.of(), Map.of(signupId, problem), model);
		}
		return "redirect:/console/shifts/" + id + "/check-in#signup-" + signupId;
	}

	@PostMapping("/console/shifts/{id}/walk-ins")
	String walkIn(Organizer organizer, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
			Locale locale, Model model) {
		requireOrganizer(organizer);
		Map<String, String> values = form.toSingleValueMap();
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> body = new LinkedHashMap<>();
		putText(body, "name", values.get("name"));
		putText(body, "email", values.get("email"));
		putText(body, "phone", values.get("phone"));
		body.put("consent",
				Map.of("email", values.containsKey("consentEmail"), "sms", values.containsKey("consentSms")));
		body.put("language", "es".equals(values.get("language")) ? "es" : "en");
		String hours = values.get("hours");
		if (!blank(hours)) {
			try {
				body.put("hours", Double.valueOf(hours.strip().replace(',', '.')));
			}
			catch (NumberFormatException ex) {
				errors.put("hours", this.formErrors.message("console.shifts.hours.malformed", locale));
			}
		}
		if (errors.isEmpty()) {
			try {
				this.api.walkIn(id, body);
				return "redirect:/console/shifts/" + id + "/check-in?changed=walk-in";
			}
			catch (ApiProblem problem) {
				if (!problem.isConflict() && problem.status() != 400) {
					throw problem;
				}
				Map<String, String> refused = new LinkedHashMap<>();
				this.formErrors
					.byField(problem, locale, Map.of("consent.email", "consentEmail", "consent.sms", "consentSms"))
					.forEach(refused::putIfAbsent);
				if (refused.isEmpty()) {
					return checkInPage(id, null, values, Map.of(),
							Map.of("walk-in", refusal(problem, locale, "console.shifts.walk-in.refused")), model);
				}
				errors.putAll(refused);
			}
		}
		return checkInPage(id, null, values, errors, Map.of(), model);
	}

	/**
	 * The roster as CSV, for a spreadsheet: every cell that a spreadsheet would read as a
	 * formula (starting with {@code = + - @}, a tab or a carriage return) is kept as
	 * text.
	 */
	@GetMapping("/console/shifts/{id}/roster.csv")
	ResponseEntity<byte[]> rosterCsv(Organizer organizer, @PathVariable String id) {
		requireOrganizer(organizer);
		Shift shift = this.api.shift(id);
		StringBuilder csv = new StringBuilder("name,status,waitlist position,hours,signed up at\r\n");
		for (Signup s : this.api.roster(id)) {
			csv.append(String.join(",", cell(s.name()), cell(s.status()),
					cell((s.waitlistPosition() != null) ? String.valueOf(s.waitlistPosition()) : ""),
					cell(s.hoursShown()), cell((s.signedUpAt() != null) ? s.signedUpAt().toString() : "")))
				.append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("roster-" + shift.id() + ".csv").build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = value;
		char first = text.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
				|| !text.equals(value)) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	// Pages

	private String creationForm(Organizer organizer, Map<String, String> values, Map<String, String> errors,
			String problem, Model model) {
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("types", TYPES);
		model.addAttribute("rows", java.util.stream.IntStream.range(0, NEW_SHIFT_ROWS).boxed().toList());
		model.addAttribute("zone", this.zone.getId());
		if (organizer.isStaff()) {
			model.addAttribute("chapters", this.api.chapters());
		}
		return "console/shifts/new-opportunity";
	}

	private String opportunityPage(String id, String changed, Map<String, String> errors, String problem,
			Map<String, String> edited, Model model) {
		Opportunity opportunity = this.api.opportunity(id);
		model.addAttribute("opportunity", opportunity);
		Map<String, String> values = new LinkedHashMap<>();
		values.put("title", opportunity.title());
		values.put("type", opportunity.type());
		values.put("description", opportunity.description());
		values.put("location", opportunity.location());
		values.put("virtualLink", opportunity.virtualLink());
		if (edited != null) {
			values.putAll(edited);
		}
		model.addAttribute("values", values);
		if (!model.containsAttribute("newShift")) {
			model.addAttribute("newShift", Map.of());
		}
		model.addAttribute("types", TYPES);
		model.addAttribute("changed", changed);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("zone", this.zone.getId());
		return "console/shifts/opportunity";
	}

	private String cancelOpportunityPage(String id, String reason, Map<String, String> errors, String problem,
			Model model) {
		Opportunity opportunity = this.api.opportunity(id);
		long told = 0;
		for (Shift shift : opportunity.shifts()) {
			if (shift.isCancellable()) {
				told += this.api.roster(shift.id()).stream().filter(Signup::isToBeTold).count();
			}
		}
		model.addAttribute("opportunity", opportunity);
		model.addAttribute("told", told);
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		return "console/shifts/cancel-opportunity";
	}

	private String cancelShiftPage(String id, String reason, Map<String, String> errors, String problem, Model model) {
		Shift shift = this.api.shift(id);
		model.addAttribute("shift", shift);
		model.addAttribute("told", this.api.roster(id).stream().filter(Signup::isToBeTold).count());
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		return "console/shifts/cancel-shift";
	}

	private String reschedulePage(Shift shift, Map<String, String> values, Map<String, String> errors, String problem,
			Model model) {
		model.addAttribute("shift", shift);
		model.addAttribute("told", this.api.roster(shift.id()).stream().filter(Signup::isToBeTold).count());
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("zone", this.zone.getId());
		return "console/shifts/reschedule";
	}

	private String checkInPage(String id, String changed, Map<String, String> walkIn, Map<String, String> errors,
			Map<String, String> rowProblems, Model model) {
		Shift shift = this.api.shift(id);
		List<Signup> roster = this.api.roster(id);
		model.addAttribute("shift", shift);
		model.addAttribute("seated", roster.stream().filter(Signup::isSeated).toList());
		model.addAttribute("waiting", roster.stream().filter(Signup::isWaiting).toList());
		model.addAttribute("walkIn", walkIn);
		model.addAttribute("errors", errors);
		model.addAttribute("rowProblems", rowProblems);
		model.addAttribute("walkInProblem", rowProblems.get("walk-in"));
		model.addAttribute("changed", changed);
		return "console/shifts/check-in";
	}

	// Fields

	private Map<String, Object> details(Map<String, String> values) {
		Map<String, Object> body = new LinkedHashMap<>();
		putText(body, "title", values.get("title"));
		putText(body, "type", values.get("type"));
		putText(body, "description", values.get("description"));
		putText(body, "location", values.get("location"));
		putText(body, "virtualLink", values.get("virtualLink"));
		return body;
	}

	private void putMoment(Map<String, Object> body, String field, String value, String prefix,
			Map<String, String> errors, Locale locale) {
		if (blank(value)) {
			errors.put(prefix + field, this.formErrors.message("console.shifts.moment.required", locale));
			return;
		}
		try {
			body.put(field, LocalDateTime.parse(value.strip()).atZone(this.zone).toInstant().toString());
		}
		catch (DateTimeParseException ex) {
			errors.put(prefix + field, this.formErrors.message("console.shifts.moment.malformed", locale));
		}
	}

	private void putNumber(Map<String, Object> body, String field, String value, String prefix,
			Map<String, String> errors, Locale locale) {
		Integer number = number(value);
		if (number == null) {
			errors.put(prefix + field, this.formErrors.message("console.shifts.number.malformed", locale));
		}
		else {
			body.put(field, number);
		}
	}

	private static void putText(Map<String, Object> body, String field, String value) {
		if (!blank(value)) {
			body.put(field, value.strip());
		}
	}

	private String local(Instant moment) {
		return (moment != null) ? LOCAL.format(moment.atZone(this.zone)) : "";
	}

	private static Integer number(String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private Map<String, String> fieldsOf(ApiProblem problem, Locale locale) {
		return this.formErrors.byField(problem, locale, Map.of());
	}

	private String refusal(ApiProblem problem, Locale locale, String key) {
		return (problem.detail() != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage()))
				? problem.detail() : this.formErrors.message(key, locale);
	}

	/**
	 * Opportunities and shifts are the chapters' organizers' and national staff's: anyone
	 * else is shown the console's refusal without a call (the service would refuse them
	 * too).
	 */
	static void requireOrganizer(Organizer organizer) {
		if (!organizer.isChapterOrganizer() && !organizer.isStaff()) {
			throw new ApiProblem(403, "Forbidden", null, List.of());
		}
	}

}

package org.groundgame.web.console.school;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.Organizer;
import org.groundgame.web.site.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Campaign Leadership School in the console, for its staff: the cohorts, opening one,
 * a cohort's page (its capacity, the roster with the line and the open offers,
 * completion), a trainee's application (with the staff override), and attendance per
 * session. Every change posts to this module, which calls campaign-training-service with
 * the person's own token and comes back to the cohort's page (post, redirect, get), or
 * shows the API's refusal next to the field at fault.
 */
@Controller
class CohortsController {

	static final List<String> TRACKS = List.of("CANDIDATE", "CAMPAIGN_MANAGER", "ORGANIZER");

	static final List<String> FORMATS = List.of("IN_PERSON", "ONLINE", "HYBRID");

	/** What the cohort's page may say was just done (from the redirect's address). */
	static final Set<String> CHANGES = Set.of("opened", "capacity", "enrolled", "attendance", "completed");

	private final SchoolApi school;

	private final FormErrors formErrors;

	CohortsController(SchoolApi school, FormErrors formErrors) {
		this.school = school;
		this.formErrors = formErrors;
	}

	@GetMapping("/console/cohorts")
	String cohorts(Organizer organizer, @RequestParam(required = false) String track,
			@RequestParam(defaultValue = "0") int page, Model model) {
		requireSchoolStaff(organizer);
		String chosen = (track != null && TRACKS.contains(track)) ? track : null;
		PageOf<StaffCohort> cohorts = this.school.cohorts(chosen, Math.max(page, 0));
		model.addAttribute("cohorts", cohorts);
		model.addAttribute("tracks", TRACKS);
		model.addAttribute("track", chosen);
		model.addAttribute("base", (chosen != null) ? "/console/cohorts?track=" + chosen : "/console/cohorts");
		return "console/school/cohorts";
	}

	@GetMapping("/console/cohorts/new")
	String newCohort(Organizer organizer, Model model) {
		requireSchoolStaff(organizer);
		return form(CohortForm.empty(), null, null, model);
	}

	@PostMapping("/console/cohorts")
	String open(Organizer organizer, @ModelAttribute CohortForm form, Locale locale, Model model) {
		requireSchoolStaff(organizer);
		Map<String, String> malformed = new LinkedHashMap<>();
		form.malformed().forEach((field, key) -> malformed.put(field, this.formErrors.message(key, locale)));
		if (!malformed.isEmpty()) {
			return form(form, malformed, null, model);
		}
		StaffCohort opened;
		try {
			opened = this.school.open(form.toRequest());
		}
		catch (ApiProblem problem) {
			if (problem.status() == 403 || problem.status() == 401) {
				throw problem;
			}
			Map<String, String> errors = fieldsOf(problem, locale);
			return form(form, errors, errors.isEmpty() ? refusal(problem, locale, "console.school.form.refused") : null,
					model);
		}
		return "redirect:/console/cohorts/" + opened.id() + "?changed=opened";
	}

	@GetMapping("/console/cohorts/{id}")
	String cohort(Organizer organizer, @PathVariable String id, @RequestParam(required = false) String changed,
			Model model) {
		requireSchoolStaff(organizer);
		return cohortPage(id, (changed != null && CHANGES.contains(changed)) ? changed : null, Map.of(), null, model);
	}

	@PostMapping("/console/cohorts/{id}/capacity")
	String changeCapacity(Organizer organizer, @PathVariable String id, @RequestParam(required = false) String capacity,
			Locale locale, Model model) {
		requireSchoolStaff(organizer);
		Integer seats = (capacity != null) ? CohortForm.number(capacity) : null;
		if (seats == null) {
			return cohortPage(id, null,
					Map.of("capacity", this.formErrors.message("console.school.form.number.malformed", locale)), null,
					model);
		}
		try {
			this.school.changeCapacity(id, seats);
		}
		catch (ApiProblem problem) {
			if (!problem.isConflict() && problem.status() != 400) {
				throw problem;
			}
			Map<String, String> errors = fieldsOf(problem, locale);
			return cohortPage(
					id, null, errors.isEmpty()
							? Map.of("capacity", refusal(problem, locale, "console.school.capacity.refused")) : errors,
					null, model);
		}
		return "redirect:/console/cohorts/" + id + "?changed=capacity";
	}

	@PostMapping("/console/cohorts/{id}/completion")
	String complete(Organizer organizer, @PathVariable String id, Locale locale, Model model) {
		requireSchoolStaff(organizer);
		try {
			this.school.complete(id);
		}
		catch (ApiProblem problem) {
			if (!problem.isConflict() && problem.status() != 400) {
				throw problem;
			}
			return cohortPage(id, null, Map.of(), refusal(problem, locale, "console.school.completion.refused"), model);
		}
		return "redirect:/console/cohorts/" + id + "?changed=completed";
	}

	@GetMapping("/console/cohorts/{id}/trainees/{enrollmentId}")
	String trainee(Organizer organizer, @PathVariable String id, @PathVariable String enrollmentId, Model model) {
		requireSchoolStaff(organizer);
		return traineePage(id, enrollmentId, null, null, null, model);
	}

	@PostMapping("/console/cohorts/{id}/trainees/{enrollmentId}/enroll")
	String enroll(Organizer organizer, @PathVariable String id, @PathVariable String enrollmentId,
			@RequestParam(required = false) String reason, Locale locale, Model model) {
		requireSchoolStaff(organizer);
		// The enrollment must be this cohort's: the page reads the roster first.
		Trainee trainee = traineeOf(id, enrollmentId);
		if (reason == null || reason.isBlank()) {
			return traineePage(id, trainee.id(), reason,
					Map.of("reason", this.formErrors.message("console.school.override.reason.required", locale)), null,
					model);
		}
		try {
			this.school.enroll(trainee.id(), reason.strip());
		}
		catch (ApiProblem problem) {
			if (!problem.isConflict() && problem.status() != 400) {
				throw problem;
			}
			Map<String, String> errors = fieldsOf(problem, locale);
			return traineePage(id, trainee.id(), reason, errors,
					errors.isEmpty() ? refusal(problem, locale, "console.school.override.refused") : null, model);
		}
		return "redirect:/console/cohorts/" + id + "?changed=enrolled";
	}

	@GetMapping("/console/cohorts/{id}/sessions/{session}")
	String attendance(Organizer organizer, @PathVariable String id, @PathVariable int session, Model model) {
		requireSchoolStaff(organizer);
		return attendancePage(id, session, null, model);
	}

	@PostMapping("/console/cohorts/{id}/sessions/{session}")
	String recordAttendance(Organizer organizer, @PathVariable String id, @PathVariable int session,
			@RequestParam(name = "present", required = false) List<String> present, Locale locale, Model model) {
		requireSchoolStaff(organizer);
		try {
			this.school.recordAttendance(id, session, (present != null) ? present : List.of());
		}
		catch (ApiProblem problem) {
			if (!problem.isConflict() && problem.status() != 400) {
				throw problem;
			}
			return attendancePage(id, session, refusal(problem, locale, "console.school.attendance.refused"), model);
		}
		return "redirect:/console/cohorts/" + id + "?changed=attendance";
	}

	@ExceptionHandler
	String refused(ApiProblem problem, HttpServletResponse response, Model model) {
		return SchoolRefusals.page(problem, response, model);
	}

	private String form(CohortForm form, Map<String, String> errors, String problem, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("tracks", TRACKS);
		model.addAttribute("formats", FORMATS);
		return "console/school/new-cohort";
	}

	private String cohortPage(String id, String changed, Map<String, String> errors, String problem, Model model) {
		StaffCohort cohort = this.school.cohort(id);
		List<Trainee> roster = this.school.roster(id);
		model.addAttribute("cohort", cohort);
		model.addAttribute("seated", roster.stream().filter((t) -> t.isSeated() || t.isOffered()).toList());
		model.addAttribute("line", roster.stream()
			.filter(Trainee::isWaiting)
			.sorted(Comparator.comparing(Trainee::waitlistPosition, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList());
		model.addAttribute("others",
				roster.stream().filter((t) -> !t.isSeated() && !t.isOffered() && !t.isWaiting()).toList());
		List<Integer> present = new ArrayList<>();
		for (StaffCohort.Session session : cohort.numberedSessions()) {
			present.add((int) roster.stream().filter((t) -> t.wasPresentAt(session.number())).count());
		}
		model.addAttribute("present", present);
		model.addAttribute("changed", changed);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		return "console/school/cohort";
	}

	private String traineePage(String id, String enrollmentId, String reason, Map<String, String> errors,
			String problem, Model model) {
		StaffCohort cohort = this.school.cohort(id);
		model.addAttribute("cohort", cohort);
		model.addAttribute("trainee", traineeOf(id, enrollmentId));
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		return "console/school/trainee";
	}

	private String attendancePage(String id, int session, String problem, Model model) {
		StaffCohort cohort = this.school.cohort(id);
		if (session < 1 || session > cohort.sessions().size()) {
			throw new ApiProblem(404, null, null, List.of());
		}
		model.addAttribute("cohort", cohort);
		model.addAttribute("meeting", cohort.numberedSessions().get(session - 1));
		model.addAttribute("seated", this.school.roster(id).stream().filter(Trainee::isSeated).toList());
		model.addAttribute("problem", problem);
		return "console/school/attendance";
	}

	private Trainee traineeOf(String cohortId, String enrollmentId) {
		return this.school.roster(cohortId)
			.stream()
			.filter((trainee) -> trainee.id().equals(enrollmentId))
			.findFirst()
			.orElseThrow(() -> new ApiProblem(404, null, null, List.of()));
	}

	private Map<String, String> fieldsOf(ApiProblem problem, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		this.formErrors.byField(problem, locale, Map.of()).forEach((field, message) -> {
			int index = field.indexOf('[');
			errors.putIfAbsent((index > 0) ? field.substring(0, index) : field, message);
		});
		return errors;
	}

	/**
	 * A refusal that names no field: the API's own words for English readers (they say
	 * exactly what is missing), the console's for others.
	 */
	private String refusal(ApiProblem problem, Locale locale, String key) {
		return (problem.detail() != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage()))
				? problem.detail() : this.formErrors.message(key, locale);
	}

	/**
	 * The school's pages are its staff's: anyone else is shown the console's refusal
	 * without a call (the service would refuse them too).
	 */
	static void requireSchoolStaff(Organizer organizer) {
		if (!organizer.runsTheSchool()) {
			throw new ApiProblem(403, "Forbidden", null, List.of());
		}
	}

}

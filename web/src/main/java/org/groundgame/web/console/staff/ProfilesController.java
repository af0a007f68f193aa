package org.groundgame.web.console.staff;

import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.console.Organizer;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Candidates' profiles for national staff to approve: the list of those waiting, and a
 * profile's page with the draft beside what is public, where staff approve the revision
 * they read (a candidate's change since is the API's {@code 409}: the page shows the new
 * revision instead of approving what staff did not read) or take the public version down.
 */
@Controller
class ProfilesController {

	private final StaffProfiles profiles;

	ProfilesController(StaffProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/console/profiles")
	String awaiting(Organizer organizer, @RequestParam(defaultValue = "0") int page, Model model) {
		StaffPages.requireStaff(organizer);
		model.addAttribute("profiles", this.profiles.awaitingApproval(Math.max(page, 0)));
		return "console/staff/profiles";
	}

	@GetMapping("/console/profiles/{candidateId}")
	String profile(Organizer organizer, @PathVariable String candidateId, Model model) {
		StaffPages.requireStaff(organizer);
		model.addAttribute("profile", this.profiles.profile(candidateId));
		return "console/staff/profile";
	}

	/** The draft's uploaded photo, which only staff's token may fetch from the API. */
	@GetMapping("/console/profiles/{candidateId}/photo")
	ResponseEntity<byte[]> photo(Organizer organizer, @PathVariable String candidateId) {
		StaffPages.requireStaff(organizer);
		ResponseEntity<byte[]> photo = this.profiles.draftPhoto(candidateId);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.noStore())
			.body(photo.getBody());
	}

	@PostMapping("/console/profiles/{candidateId}/approval")
	String approve(Organizer organizer, @PathVariable String candidateId, @RequestParam long revision, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		StaffPages.requireStaff(organizer);
		try {
			this.profiles.approve(candidateId, revision);
		}
		catch (ApiProblem problem) {
			if (!problem.isConflict()) {
				throw problem;
			}
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("conflict", revision);
			model.addAttribute("profile", this.profiles.profile(candidateId));
			return "console/staff/profile";
		}
		redirect.addFlashAttribute("done", "approved");
		return "redirect:/console/profiles/" + candidateId;
	}

	@PostMapping("/console/profiles/{candidateId}/withdrawal")
	String withdraw(Organizer organizer, @PathVariable String candidateId, RedirectAttributes redirect) {
		StaffPages.requireStaff(organizer);
		this.profiles.withdrawApproval(candidateId);
		redirect.addFlashAttribute("done", "withdrawn");
		return "redirect:/console/profiles/" + candidateId;
	}

	@ExceptionHandler
	String problem(ApiProblem problem, HttpServletResponse response) {
		return StaffPages.problem(problem, response);
	}

}

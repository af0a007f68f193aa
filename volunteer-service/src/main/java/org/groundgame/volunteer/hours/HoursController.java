package org.groundgame.volunteer.hours;

import java.time.Instant;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.groundgame.security.Caller;
import org.groundgame.support.geography.UsState;
import org.groundgame.support.geography.UsStateCode;

import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A volunteer's hours, and the leaderboards of volunteers (staff, a chapter its own) and
 * of chapters (public). Who may see what is the application service's to decide.
 */
@RestController
@Tag(name = "Hours", description = "Attended hours of volunteers and chapters, and their leaderboards")
class HoursController {

	static final int MAX_PAGE_SIZE = 100;

	private final HoursService hours;

	HoursController(HoursService hours) {
		this.hours = hours;
	}

	@Operation(summary = "A volunteer's attended shifts and hours")
	@GetMapping("/api/volunteers/{id}/hours")
	VolunteerHoursResponse hoursOf(@PathVariable String id, Caller caller) {
		return VolunteerHoursResponse.of(this.hours.hoursOf(id, caller));
	}

	@Operation(summary = "The volunteers' leaderboard by hours")
	@GetMapping("/api/leaderboards/volunteers")
	PagedModel<VolunteerStandingResponse> volunteers(@RequestParam(required = false) String chapterId,
			@RequestParam(required = false) String raceId, @RequestParam(required = false) String endorsementId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size, Caller caller) {
		return new PagedModel<>(this.hours
			.volunteerLeaderboard(Optional.ofNullable(HoursSelection.blankToNull(chapterId)),
					new HoursSelection(raceId, endorsementId, from, to), caller, page, size)
			.map(VolunteerStandingResponse::of));
	}

	@Operation(summary = "The chapters' leaderboard by hours")
	@GetMapping("/api/leaderboards/chapters")
	@SecurityRequirements
	PagedModel<ChapterStandingResponse> chapters(@RequestParam(required = false) @UsStateCode String state,
			@RequestParam(required = false) String raceId, @RequestParam(required = false) String endorsementId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
		return new PagedModel<>(this.hours
			.chapterLeaderboard(UsState.fromCode(state), new HoursSelection(raceId, endorsementId, from, to), page,
					size)
			.map(ChapterStandingResponse::of));
	}

}

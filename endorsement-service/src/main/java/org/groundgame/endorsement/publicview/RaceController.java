package org.groundgame.endorsement.publicview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.groundgame.endorsement.common.Limits;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.support.geography.UsState;
import org.groundgame.support.geography.UsStateCode;

import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public's view of races: the current ones with their endorsed candidates. */
@RestController
@Tag(name = "Races", description = "The races with endorsed candidates, as the public sees them")
@RequestMapping("/api/races")
public class RaceController {

	private final PublicViews views;

	RaceController(PublicViews views) {
		this.views = views;
	}

	@Operation(summary = "List the current races with their endorsed candidates (public)")
	@Tag(name = "Public")
	@GetMapping
	PagedModel<PublicViews.RaceWithEndorsed> races(@RequestParam(required = false) @UsStateCode String state,
			@RequestParam(required = false) @Min(1) Integer cycle, @RequestParam(required = false) RaceLevel level,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Limits.MAX_PAGE_SIZE) int size) {
		return new PagedModel<>(
				this.views.currentRaces(UsState.fromCode(state).orElse(null), cycle, level, page, size));
	}

	@Operation(summary = "One race with its endorsed candidates (public)")
	@Tag(name = "Public")
	@GetMapping("/{id}")
	PublicViews.RaceWithEndorsed race(@PathVariable String id) {
		return this.views.race(id);
	}

}

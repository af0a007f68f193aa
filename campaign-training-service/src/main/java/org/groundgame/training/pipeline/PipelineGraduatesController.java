package org.groundgame.training.pipeline;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.groundgame.security.Caller;
import org.groundgame.training.cohort.Track;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/training/pipeline/graduates}: who is behind the pipeline's counts, for the
 * school's staff (national staff and training staff): each graduate's name, cohort and
 * track, and whether they ran, were endorsed and won. Names only: no address, state or
 * answers.
 */
@RestController
@Tag(name = "Pipeline", description = "The candidate pipeline: graduates who ran, were endorsed and won")
class PipelineGraduatesController {

	static final String PATH = PipelineController.PATH + "/graduates";

	private final PipelineGraduates graduates;

	PipelineGraduatesController(PipelineGraduates graduates) {
		this.graduates = graduates;
	}

	@Operation(summary = "The graduates and their races")
	@GetMapping(PATH)
	GraduatesResponse graduates(@RequestParam(required = false) String cohortId,
			@RequestParam(required = false) Track track, Caller caller) {
		return new GraduatesResponse(this.graduates.graduates(cohortId, track, caller));
	}

	record GraduatesResponse(List<PipelineGraduates.Row> graduates) {
	}

}

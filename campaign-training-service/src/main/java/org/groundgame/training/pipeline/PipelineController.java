package org.groundgame.training.pipeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.groundgame.security.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/training/pipeline}: the candidate pipeline's counts, for staff — the live
 * version of "trained and helped elect 380 candidates".
 */
@RestController
@Tag(name = "Pipeline", description = "The candidate pipeline: graduates who ran, were endorsed and won")
class PipelineController {

	static final String PATH = "/api/training/pipeline";

	private final PipelineService pipeline;

	PipelineController(PipelineService pipeline) {
		this.pipeline = pipeline;
	}

	@Operation(summary = "The candidate pipeline report")
	@GetMapping(PATH)
	PipelineResponse pipeline(Caller caller) {
		return PipelineResponse.of(this.pipeline.report(caller));
	}

}

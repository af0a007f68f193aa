package org.groundgame.web.console.school;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.console.BarChart;
import org.groundgame.web.console.Organizer;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The candidate pipeline in the console: trained → ran → endorsed → won, per track and
 * per cohort, as bars (SVG drawn here) and as tables (the bars' text alternative), each
 * number a link to the graduates behind it.
 */
@Controller
class PipelineController {

	private final SchoolApi school;

	private final MessageSource messages;

	PipelineController(SchoolApi school, MessageSource messages) {
		this.school = school;
		this.messages = messages;
	}

	@GetMapping("/console/pipeline")
	String pipeline(Organizer organizer, Locale locale, Model model) {
		CohortsController.requireSchoolStaff(organizer);
		Pipeline pipeline = this.school.pipeline();
		model.addAttribute("pipeline", pipeline);
		model.addAttribute("stages", Pipeline.STAGES);
		model
			.addAttribute("trackChart",
					BarChart.of(
							pipeline.tracks()
								.stream()
								.map((row) -> this.messages.getMessage("track." + row.track(), null, row.track(),
										locale))
								.toList(),
							Pipeline.STAGES, pipeline.tracks().stream().map(Pipeline.TrackCounts::counts).toList()));
		model.addAttribute("cohortChart",
				BarChart.of(pipeline.cohorts().stream().map(Pipeline.CohortCounts::name).toList(), Pipeline.STAGES,
						pipeline.cohorts().stream().map(Pipeline.CohortCounts::counts).toList()));
		return "console/school/pipeline";
	}

	@ExceptionHandler
	String refused(ApiProblem problem, HttpServletResponse response, Model model) {
		return SchoolRefusals.page(problem, response, model);
	}

	/**
	 * The graduates behind one number of the pipeline: a cohort's or a track's, at one
	 * stage (everyone trained when none is given).
	 */
	@GetMapping("/console/pipeline/graduates")
	String graduates(Organizer organizer, @RequestParam(required = false) String cohortId,
			@RequestParam(required = false) String track, @RequestParam(required = false) String stage, Model model) {
		CohortsController.requireSchoolStaff(organizer);
		String chosenTrack = (track != null && CohortsController.TRACKS.contains(track)) ? track : null;
		String chosenStage = (stage != null && Pipeline.STAGES.contains(stage)) ? stage : "trained";
		String chosenCohort = (cohortId != null && !cohortId.isBlank()) ? cohortId : null;
		List<Pipeline.Graduate> all = this.school.graduates(chosenCohort, chosenTrack);
		List<Pipeline.Graduate> graduates = all.stream().filter((graduate) -> graduate.reached(chosenStage)).toList();
		model.addAttribute("graduates", graduates);
		model.addAttribute("stage", chosenStage);
		model.addAttribute("track", chosenTrack);
		model.addAttribute("cohortName", (chosenCohort != null && !all.isEmpty()) ? all.get(0).cohortName() : null);
		model.addAttribute("stages", Pipeline.STAGES);
		return "console/school/graduates";
	}

}

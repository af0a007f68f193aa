package org.groundgame.endorsement.questionbank;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.groundgame.security.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The question banks, one per election cycle, read and revised by national staff. A cycle
 * without a bank answers an empty one, so that staff start a cycle with a {@code PUT}
 * like any other revision.
 */
@RestController
@Tag(name = "Question bank",
		description = "The questions each cycle's candidate questionnaire asks, kept by national staff")
@RequestMapping("/api/questionnaires")
class QuestionBankController {

	private final QuestionBankService questionnaires;

	QuestionBankController(QuestionBankService questionnaires) {
		this.questionnaires = questionnaires;
	}

	@Operation(summary = "A cycle's question bank (staff)")
	@GetMapping("/{cycle}")
	QuestionBankView questionnaire(
			@PathVariable @Min(CycleQuestionBank.FIRST_CYCLE) @Max(CycleQuestionBank.LAST_CYCLE) int cycle,
			Caller caller) {
		return QuestionBankView.of(this.questionnaires.questionnaire(caller, cycle));
	}

	@Operation(summary = "Replace the questions of a cycle's bank (staff)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "The bank revised: one question kept, one added",
							value = "{\"version\":3,\"questions\":[{\"id\":\"q-housing\",\"text\":\"Housing is a human right.\",\"kind\":\"AGREE_SCALE\"},{\"text\":\"Why are you running?\",\"kind\":\"FREE_TEXT\"}]}"))))
	@PutMapping("/{cycle}")
	QuestionBankView revise(
			@PathVariable @Min(CycleQuestionBank.FIRST_CYCLE) @Max(CycleQuestionBank.LAST_CYCLE) int cycle,
			@Valid @RequestBody ReviseQuestionBankRequest request, Caller caller) {
		return QuestionBankView.of(this.questionnaires.revise(caller, cycle, request.version(), request.toDrafts()));
	}

}

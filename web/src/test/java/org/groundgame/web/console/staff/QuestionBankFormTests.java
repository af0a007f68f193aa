package org.groundgame.web.console.staff;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionBankFormTests {

	@Test
	void questionsAreSentInTheirNewPlacesWithoutTheRemovedAndTheEmptyNewOne() {
		QuestionBankForm form = QuestionBankForm.of(new QuestionBank(2028, 3,
				List.of(new QuestionBank.Question("q1", "Housing is a human right.", "AGREE_SCALE"),
						new QuestionBank.Question("q2", "What would you do first?", "FREE_TEXT"),
						new QuestionBank.Question("q3", "Will you refuse PAC money?", "AGREE_SCALE")),
				null, null));
		assertThat(form.getQuestions()).hasSize(4);
		form.getQuestions().get(0).setPosition(3);
		form.getQuestions().get(2).setRemove(true);
		form.getQuestions().get(2).setPosition(1);

		Map<String, Object> body = form.body(form.kept());

		assertThat(body.get("version")).isEqualTo(3L);
		assertThat(body.get("questions"))
			.isEqualTo(List.of(Map.of("id", "q2", "text", "What would you do first?", "kind", "FREE_TEXT"),
					Map.of("id", "q1", "text", "Housing is a human right.", "kind", "AGREE_SCALE")));
	}

	@Test
	void aNewQuestionHasNoIdAndAnEmptyBankOffersOneEmptyRow() {
		QuestionBankForm form = QuestionBankForm.of(new QuestionBank(2028, 0, List.of(), null, null));
		assertThat(form.getQuestions()).hasSize(1);
		assertThat(form.kept()).isEmpty();
		form.getQuestions().get(0).setText(" A new question ");

		assertThat(form.body(form.kept()).get("questions"))
			.isEqualTo(List.of(Map.of("text", "A new question", "kind", "AGREE_SCALE")));
	}

}

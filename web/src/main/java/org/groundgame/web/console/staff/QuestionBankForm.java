package org.groundgame.web.console.staff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The question bank's editing form: every question as a row (its text, how it is
 * answered, its place, whether to remove it) and one empty row for a new question. Rows
 * are put in order by their place (ties keep the form's order); a row with no text and no
 * id is left out.
 */
public class QuestionBankForm {

	private Long version;

	private List<Row> questions = new ArrayList<>();

	public static QuestionBankForm of(QuestionBank bank) {
		QuestionBankForm form = new QuestionBankForm();
		form.version = bank.version();
		int place = 1;
		for (QuestionBank.Question question : bank.questions()) {
			Row row = new Row();
			row.setId(question.id());
			row.setText(question.text());
			row.setKind(question.kind());
			row.setPosition(place++);
			form.questions.add(row);
		}
		return form.withBlankRow();
	}

	/** The form with one empty row at the end, for a new question. */
	public QuestionBankForm withBlankRow() {
		if (this.questions.isEmpty() || !this.questions.get(this.questions.size() - 1).isBlank()) {
			Row blank = new Row();
			blank.setKind("AGREE_SCALE");
			blank.setPosition(this.questions.size() + 1);
			this.questions.add(blank);
		}
		return this;
	}

	/** The rows sent to the API, in their new order. */
	List<Row> kept() {
		List<Row> kept = new ArrayList<>();
		for (Row row : this.questions) {
			if (!row.isRemove() && !row.isBlank()) {
				kept.add(row);
			}
		}
		kept.sort(
				Comparator.comparing((Row row) -> (row.getPosition() != null) ? row.getPosition() : Integer.MAX_VALUE));
		return kept;
	}

	/** The body of {@code PUT /api/questionnaires/{cycle}}. */
	Map<String, Object> body(List<Row> kept) {
		List<Map<String, Object>> questions = new ArrayList<>();
		for (Row row : kept) {
			Map<String, Object> question = new LinkedHashMap<>();
			if (row.getId() != null && !row.getId().isBlank()) {
				question.put("id", row.getId());
			}
			question.put("text", (row.getText() != null) ? row.getText().strip() : "");
			question.put("kind", row.getKind());
			questions.add(question);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("questions", questions);
		if (this.version != null) {
			body.put("version", this.version);
		}
		return body;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	public List<Row> getQuestions() {
		return this.questions;
	}

	public void setQuestions(List<Row> questions) {
		this.questions = (questions != null) ? questions : new ArrayList<>();
	}

	/** One question of the form. */
	public static class Row {

		private String id;

		private String text;

		private String kind;

		private Integer position;

		private boolean remove;

		boolean isBlank() {
			return (this.id == null || this.id.isBlank()) && (this.text == null || this.text.isBlank());
		}

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public String getText() {
			return this.text;
		}

		public void setText(String text) {
			this.text = text;
		}

		public String getKind() {
			return this.kind;
		}

		public void setKind(String kind) {
			this.kind = kind;
		}

		public Integer getPosition() {
			return this.position;
		}

		public void setPosition(Integer position) {
			this.position = position;
		}

		public boolean isRemove() {
			return this.remove;
		}

		public void setRemove(boolean remove) {
			this.remove = remove;
		}

	}

}

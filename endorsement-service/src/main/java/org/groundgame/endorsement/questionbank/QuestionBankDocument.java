package org.groundgame.endorsement.questionbank;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cycle's question bank as stored, one document per cycle (the cycle is its id). The
 * version makes two revisions from the same reading fail instead of the later one
 * silently overwriting the earlier; two first revisions of a cycle collide on the id.
 */
@Document(QuestionBankDocument.COLLECTION)
class QuestionBankDocument {

	static final String COLLECTION = "questionnaires";

	@Id
	private Integer cycle;

	/** Spring Data's: {@code null} until first stored, then 0, 1, … */
	@Version
	private Long version;

	private List<QuestionEntry> questions = new ArrayList<>();

	private Instant revisedAt;

	private String revisedBy;

	QuestionBankDocument() {
	}

	/** A document for a cycle that has no bank yet, to be inserted. */
	static QuestionBankDocument none(int cycle) {
		QuestionBankDocument document = new QuestionBankDocument();
		document.cycle = cycle;
		return document;
	}

	Integer getCycle() {
		return this.cycle;
	}

	Long getVersion() {
		return this.version;
	}

	/** A copy of this document (as read) holding the revised bank. */
	QuestionBankDocument revisedTo(CycleQuestionBank questionnaire) {
		QuestionBankDocument copy = new QuestionBankDocument();
		copy.cycle = this.cycle;
		copy.version = this.version;
		copy.update(questionnaire);
		return copy;
	}

	private void update(CycleQuestionBank questionnaire) {
		this.questions = questionnaire.questions().stream().map(QuestionEntry::of).toList();
		this.revisedAt = questionnaire.revisedAt();
		this.revisedBy = questionnaire.revisedBy();
	}

	/** The domain counts revisions: a stored bank has had one more than its version. */
	CycleQuestionBank toQuestionnaire() {
		if (this.version == null) {
			return CycleQuestionBank.none(this.cycle);
		}
		return new CycleQuestionBank(this.cycle, this.version + 1,
				this.questions.stream().map(QuestionEntry::toQuestion).toList(), this.revisedAt, this.revisedBy);
	}

	record QuestionEntry(String id, String text, AnswerKind kind) {

		static QuestionEntry of(BankQuestion question) {
			return new QuestionEntry(question.id(), question.text(), question.kind());
		}

		BankQuestion toQuestion() {
			return new BankQuestion(this.id, this.text, this.kind);
		}

	}

}

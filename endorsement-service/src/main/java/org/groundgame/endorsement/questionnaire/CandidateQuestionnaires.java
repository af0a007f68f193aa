package org.groundgame.endorsement.questionnaire;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.groundgame.endorsement.nomination.NominationDocument;
import org.groundgame.endorsement.nomination.NominationStore;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.Questionnaire;
import org.groundgame.endorsement.questionbank.QuestionBank;
import org.groundgame.events.DomainEvent;
import org.groundgame.support.domain.CapabilityTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * The candidate answering the questionnaire of their nomination, found by the hash of the
 * capability token they hold. The token is never logged; the nomination's id is.
 */
@Service
public class CandidateQuestionnaires {

	private static final Logger log = LoggerFactory.getLogger(CandidateQuestionnaires.class);

	private final NominationStore store;

	private final QuestionBank bank;

	private final Clock clock;

	CandidateQuestionnaires(NominationStore store, QuestionBank bank, Clock clock) {
		this.store = store;
		this.bank = bank;
		this.clock = clock;
	}

	/**
	 * The questionnaire, with the questions of the race's cycle (as asked, once
	 * answered).
	 */
	Opened open(String token) {
		NominationDocument document = find(token);
		Nomination nomination = document.toNomination();
		Questionnaire questionnaire = expiredAsGone(() -> nomination.openQuestionnaire(this.clock));
		return new Opened(nomination, questionsOf(nomination, questionnaire));
	}

	/** The candidate's answers complete the questionnaire, announced with the change. */
	Opened answer(String token, List<Questionnaire.Reply> replies) {
		NominationDocument document = find(token);
		Nomination nomination = document.toNomination();
		List<Questionnaire.Question> questions = questions(nomination.race().cycle());
		DomainEvent completed = expiredAsGone(() -> nomination.completeQuestionnaire(replies, questions, this.clock));
		if (!this.store.update(document, nomination, List.of(completed))) {
			throw new OptimisticLockingFailureException(
					"Nomination " + nomination.id() + " was changed meanwhile; send the answers again");
		}
		log.info("Nomination {}: the candidate answered the questionnaire", nomination.id());
		return new Opened(nomination, questionsOf(nomination, nomination.questionnaire()));
	}

	/**
	 * The candidate whose questionnaire link holds this token, while the link works: not
	 * replaced, and not expired unless answered (an answered questionnaire stays
	 * readable, and so does the candidate's profile through it).
	 * @return the candidate's id
	 */
	String candidateHolding(String token) {
		Nomination nomination = find(token).toNomination();
		expiredAsGone(() -> nomination.openQuestionnaire(this.clock));
		if (nomination.candidateId() == null) {
			throw unknownLink();
		}
		return nomination.candidateId();
	}

	private List<Questionnaire.Question> questionsOf(Nomination nomination, Questionnaire questionnaire) {
		if (questionnaire.isCompleted()) {
			return questionnaire.answers()
				.stream()
				.map((answer) -> new Questionnaire.Question(answer.questionId(), answer.questionText(), answer.kind()))
				.toList();
		}
		return questions(nomination.race().cycle());
	}

	private List<Questionnaire.Question> questions(int cycle) {
		return this.bank.questions(cycle)
			.stream()
			.map((question) -> new Questionnaire.Question(question.id(), question.text(),
					Questionnaire.Kind.valueOf(question.kind().name())))
			.toList();
	}

	private NominationDocument find(String token) {
		if (token == null || token.isBlank() || token.length() > 200) {
			throw unknownLink();
		}
		return this.store.findByQuestionnaireToken(CapabilityTokens.hash(token.strip()))
			.orElseThrow(CandidateQuestionnaires::unknownLink);
	}

	private static <T> T expiredAsGone(java.util.function.Supplier<T> step) {
		try {
			return step.get();
		}
		catch (Questionnaire.ExpiredException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, ex.getMessage());
			problem.setType(URI.create("urn:groundgame:problem:questionnaire-expired"));
			problem.setTitle("Questionnaire link expired");
			throw new ErrorResponseException(HttpStatus.GONE, problem, ex);
		}
	}

	private static ErrorResponseException unknownLink() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"The questionnaire link is missing, unknown or replaced by a newer one; "
						+ "send the token of your link in the X-Questionnaire-Token header.");
		problem.setType(URI.create("urn:groundgame:problem:questionnaire-token"));
		problem.setTitle("Unauthorized");
		ErrorResponseException unauthorized = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
		// A 401 names how to authenticate: here with the link's token, not a bearer
		// token.
		unauthorized.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Questionnaire-Token");
		return unauthorized;
	}

	/** A nomination's questionnaire and the questions to show with it. */
	record Opened(Nomination nomination, List<Questionnaire.Question> questions) {
	}

}

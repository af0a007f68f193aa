package org.groundgame.endorsement.questionnaire;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire;
import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.questionbank.QuestionBank;
import org.groundgame.support.domain.CapabilityTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
class CandidateQuestionnaires {

	private static final Logger log = LoggerFactory.getLogger(CandidateQuestionnaires.class);

	private final QuestionnaireHolders holders;

	private final QuestionBank bank;

	private final Clock clock;

	CandidateQuestionnaires(QuestionnaireHolders holders, QuestionBank bank, Clock clock) {
		this.holders = holders;
		this.bank = bank;
		this.clock = clock;
	}

	/**
	 * The questionnaire, with the questions of the race's cycle (as asked, once
	 * answered).
	 */
	Opened open(String token) {
		QuestionnaireHolders.Holder holder = find(token);
		CandidateQuestionnaire questionnaire = expiredAsGone(() -> holder.questionnaire().open(this.clock));
		return new Opened(holder, questionsOf(holder.race(), questionnaire));
	}

	/** The candidate's answers complete the questionnaire, announced with the change. */
	Opened answer(String token, List<CandidateQuestionnaire.Reply> replies) {
		QuestionnaireHolders.Holder answered = expiredAsGone(
				() -> this.holders.answer(tokenHash(token), replies, this::questions))
			.orElseThrow(CandidateQuestionnaires::unknownLink);
		log.info("Nomination {}: the candidate answered the questionnaire", answered.nominationId());
		return new Opened(answered, questionsOf(answered.race(), answered.questionnaire()));
	}

	/**
	 * The candidate whose questionnaire link holds this token, while the link works: not
	 * replaced, and not expired unless answered (an answered questionnaire stays
	 * readable, and so does the candidate's profile through it).
	 * @return the candidate's id
	 */
	String candidateHolding(String token) {
		QuestionnaireHolders.Holder holder = find(token);
		expiredAsGone(() -> holder.questionnaire().open(this.clock));
		if (holder.candidateId() == null) {
			throw unknownLink();
		}
		return holder.candidateId();
	}

	private List<CandidateQuestionnaire.Question> questionsOf(Race race, CandidateQuestionnaire questionnaire) {
		if (questionnaire.isCompleted()) {
			return questionnaire.questionsAsked();
		}
		return questions(race.cycle());
	}

	private List<CandidateQuestionnaire.Question> questions(int cycle) {
		return this.bank.questions(cycle)
			.stream()
			.map((question) -> new CandidateQuestionnaire.Question(question.id(), question.text(),
					CandidateQuestionnaire.Kind.valueOf(question.kind().name())))
			.toList();
	}

	private QuestionnaireHolders.Holder find(String token) {
		return this.holders.holding(tokenHash(token)).orElseThrow(CandidateQuestionnaires::unknownLink);
	}

	private static String tokenHash(String token) {
		if (token == null || token.isBlank() || token.length() > 200) {
			throw unknownLink();
		}
		return CapabilityTokens.hash(token.strip());
	}

	private static <T> T expiredAsGone(java.util.function.Supplier<T> step) {
		try {
			return step.get();
		}
		catch (CandidateQuestionnaire.ExpiredException ex) {
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
	record Opened(QuestionnaireHolders.Holder nomination, List<CandidateQuestionnaire.Question> questions) {
	}

}

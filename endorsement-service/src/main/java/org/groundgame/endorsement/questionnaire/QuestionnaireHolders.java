package org.groundgame.endorsement.questionnaire;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire;
import org.groundgame.endorsement.race.domain.Race;

/**
 * The nominations that hold candidate questionnaires, as the questionnaire needs them:
 * found by the hash of a link's token, and answered. Nominations implement it, so that
 * the questionnaire depends on nothing of theirs (a nomination holds its questionnaire;
 * the dependency goes that way only).
 */
public interface QuestionnaireHolders {

	/** The nomination whose questionnaire link holds the token of this hash, if any. */
	Optional<Holder> holding(String tokenHash);

	/**
	 * The candidate's answers complete the questionnaire of the nomination holding the
	 * token of this hash, written with the event announcing it on the version read.
	 * @param questionsOfCycle the bank's questions for a race's cycle
	 * @return the nomination as answered; empty when none holds the token
	 * @throws CandidateQuestionnaire.ExpiredException when the link has expired
	 * @throws org.springframework.dao.OptimisticLockingFailureException when the
	 * nomination changed meanwhile
	 */
	Optional<Holder> answer(String tokenHash, List<CandidateQuestionnaire.Reply> replies,
			IntFunction<List<CandidateQuestionnaire.Question>> questionsOfCycle);

	/**
	 * A nomination holding a questionnaire: whom and which race it is for.
	 *
	 * @param candidateId the candidate's id across nominations, or {@code null}
	 */
	record Holder(String nominationId, String nomineeName, String candidateId, Race race,
			CandidateQuestionnaire questionnaire) {

	}

}

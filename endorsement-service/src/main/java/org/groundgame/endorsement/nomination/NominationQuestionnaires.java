package org.groundgame.endorsement.nomination;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.questionnaire.QuestionnaireHolders;
import org.groundgame.endorsement.questionnaire.domain.CandidateQuestionnaire;
import org.groundgame.events.DomainEvent;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The nominations as the candidate questionnaire sees them: the questionnaire a link's
 * token opens, and its answers applied by the nomination that holds it.
 */
@Component
class NominationQuestionnaires implements QuestionnaireHolders {

	private final NominationStore store;

	private final Clock clock;

	NominationQuestionnaires(NominationStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public Optional<Holder> holding(String tokenHash) {
		return this.store.findByQuestionnaireToken(tokenHash)
			.map(NominationDocument::toNomination)
			.map((nomination) -> holder(nomination, nomination.questionnaire()));
	}

	@Override
	public Optional<Holder> answer(String tokenHash, List<CandidateQuestionnaire.Reply> replies,
			IntFunction<List<CandidateQuestionnaire.Question>> questionsOfCycle) {
		Optional<NominationDocument> found = this.store.findByQuestionnaireToken(tokenHash);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		NominationDocument document = found.get();
		Nomination nomination = document.toNomination();
		List<CandidateQuestionnaire.Question> questions = questionsOfCycle.apply(nomination.race().cycle());
		DomainEvent completed = nomination.completeQuestionnaire(replies, questions, this.clock);
		if (!this.store.update(document, nomination, List.of(completed))) {
			throw new OptimisticLockingFailureException(
					"Nomination " + nomination.id() + " was changed meanwhile; send the answers again");
		}
		return Optional.of(holder(nomination, nomination.questionnaire()));
	}

	private static Holder holder(Nomination nomination, CandidateQuestionnaire questionnaire) {
		return new Holder(nomination.id(), nomination.nomineeName(), nomination.candidateId(), nomination.race(),
				questionnaire);
	}

}

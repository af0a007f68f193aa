package org.groundgame.endorsement.questionnaire;

import org.groundgame.endorsement.candidate.CandidateStore;
import org.groundgame.endorsement.common.Limits;
import org.groundgame.endorsement.profile.CandidateDirectory;
import org.groundgame.support.domain.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * The candidates as the profiles know them: the record each person has here, and the
 * questionnaire links that reach them.
 */
@Component
class ProfileCandidates implements CandidateDirectory {

	private final CandidateStore store;

	private final CandidateQuestionnaires questionnaires;

	ProfileCandidates(CandidateStore store, CandidateQuestionnaires questionnaires) {
		this.store = store;
		this.questionnaires = questionnaires;
	}

	@Override
	public KnownCandidate candidate(String candidateId) {
		if (candidateId == null || candidateId.length() > Limits.ID) {
			return null;
		}
		return this.store.find(candidateId)
			.map((candidate) -> new KnownCandidate(candidate.getId(), candidate.getName(), candidate.isErased()))
			.orElse(null);
	}

	@Override
	public KnownCandidate holderOf(String questionnaireToken) {
		String candidateId = this.questionnaires.candidateHolding(questionnaireToken);
		KnownCandidate candidate = candidate(candidateId);
		if (candidate == null) {
			// Every nomination names a stored candidate; this one's record is gone.
			throw new NotFoundException("candidate", candidateId);
		}
		return candidate;
	}

}

package org.groundgame.endorsement.nomination;

import org.groundgame.endorsement.profile.CandidateDirectory;
import org.groundgame.support.domain.NotFoundException;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The candidates as the profiles know them: the record each person has here, and the
 * questionnaire links that reach them.
 */
@Component
class ProfileCandidates implements CandidateDirectory {

	private final MongoTemplate mongo;

	private final CandidateQuestionnaires questionnaires;

	ProfileCandidates(MongoTemplate mongo, CandidateQuestionnaires questionnaires) {
		this.mongo = mongo;
		this.questionnaires = questionnaires;
	}

	@Override
	public KnownCandidate candidate(String candidateId) {
		if (candidateId == null || candidateId.length() > Limits.ID) {
			return null;
		}
		CandidateDocument candidate = this.mongo.findById(candidateId, CandidateDocument.class);
		return (candidate != null) ? new KnownCandidate(candidate.getId(), candidate.getName(), candidate.isErased())
				: null;
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

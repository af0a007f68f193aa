package org.groundgame.endorsement.nomination;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.groundgame.endorsement.nomination.domain.NominationStatus;

import org.springframework.data.mongodb.repository.MongoRepository;

interface NominationRepository extends MongoRepository<NominationDocument, String> {

	Optional<NominationDocument> findByEndorsementEndorsementId(String endorsementId);

	/** The endorsed nominations for races in a state in cycles before the given one. */
	List<NominationDocument> findByRaceStateAndCycleLessThanAndEndorsementIsNotNull(String state, int cycle);

	long countByStatusIn(Collection<NominationStatus> statuses);

	boolean existsByActiveEndorsementKey(String activeEndorsementKey);

	boolean existsByActiveEndorsementKeyAndIdNot(String activeEndorsementKey, String id);

	Optional<NominationDocument> findByQuestionnaireTokenHash(String tokenHash);

	List<NominationDocument> findBySlateIdOrderBySubmittedAtAsc(String slateId);

}

package org.groundgame.endorsement.profile;

/**
 * What the profiles need to know of the candidates the nominations name (implemented
 * there, so that profiles depend on no nomination): whether a candidate exists, and whose
 * private questionnaire link a token is.
 */
public interface CandidateDirectory {

	/**
	 * @return the candidate, or {@code null} for an id nobody was nominated under
	 */
	KnownCandidate candidate(String candidateId);

	/**
	 * The candidate whose questionnaire link holds this token.
	 * @throws RuntimeException as the questionnaire answers it: a missing, unknown or
	 * replaced token is a {@code 401}, an expired link never answered a {@code 410}
	 */
	KnownCandidate holderOf(String questionnaireToken);

	/**
	 * @param name as first nominated, or {@code null} once erased
	 * @param erased whether their personal data was erased at their request
	 */
	record KnownCandidate(String id, String name, boolean erased) {
	}

}
